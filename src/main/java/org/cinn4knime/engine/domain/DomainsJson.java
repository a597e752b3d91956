package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads and writes the {@code domains} member of model.json (format 2; see docs/model-format.md). Stateless. */
final class DomainsJson {
    private DomainsJson() {
    }

    /** The {@code domains} member of model.json (format 2; see docs/model-format.md). */
    static JsonObject write(Domains d) {
        JsonObject o = new JsonObject();
        JsonArray cols = new JsonArray();
        for (int j = 0; j < d.xDim(); j++) {
            ColumnDomain c = d.column(j);
            if (c == null) {
                continue;
            }
            JsonObject e = new JsonObject();
            e.addProperty("column", c.name());
            if (c.hasLower()) {
                e.addProperty("lower", c.lower());
            }
            if (c.hasUpper()) {
                e.addProperty("upper", c.upper());
            }
            e.addProperty("wholeNumber", c.wholeNumber());
            e.addProperty("bandLower", c.bandLower());
            e.addProperty("bandUpper", c.bandUpper());
            e.addProperty("shareAtLower", c.shareAtLower());
            e.addProperty("shareAtUpper", c.shareAtUpper());
            e.addProperty("declared", c.declared());
            if (c.hasLower() != c.hasUpper()) {
                e.addProperty("scale", c.scale());
            }
            cols.add(e);
        }
        o.add("columns", cols);
        JsonArray comps = new JsonArray();
        for (Composition c : d.compositions()) {
            JsonObject e = new JsonObject();
            JsonArray parts = new JsonArray();
            c.parts().forEach(parts::add);
            e.add("parts", parts);
            e.addProperty("total", c.total());
            e.addProperty("exact", c.exact());
            JsonArray bands = new JsonArray();
            JsonArray shares = new JsonArray();
            for (int i = 0; i < c.parts().size(); i++) {
                bands.add(c.bands()[i]);
                shares.add(c.shares()[i]);
            }
            e.add("bands", bands);
            e.add("shares", shares);
            e.addProperty("remainderBand", c.remainderBand());
            e.addProperty("remainderShare", c.remainderShare());
            comps.add(e);
        }
        o.add("compositions", comps);
        o.addProperty("bandLogWidth", Domains.BAND_LOG_WIDTH);
        o.addProperty("validationLogJacobian", d.validationLogJacobian());
        return o;
    }

    /**
     * Reads the {@code domains} member written by {@link #write}, validating every member.
     *
     * @throws IllegalArgumentException naming the member path (e.g. {@code domains.columns[2].lower}) when a member
     *         is missing, of the wrong type, out of range, or inconsistent with the design columns (the model file
     *         reader reports it as a corrupt file)
     */
    static Domains read(JsonObject o, List<String> xNames) {
        Map<String, Integer> idx = Domains.index(xNames);
        ColumnDomain[] cols = new ColumnDomain[xNames.size()];
        boolean[] covered = new boolean[xNames.size()];
        JsonArray colArr = array(o, "columns", "domains.columns");
        for (int q = 0; q < colArr.size(); q++) {
            String path = "domains.columns[" + q + "]";
            JsonObject e = object(colArr.get(q), path);
            String name = string(e, "column", path);
            Integer j = idx.get(name);
            if (j == null) {
                throw new IllegalArgumentException(path + ".column '" + name + "' is not a design column");
            }
            if (covered[j]) {
                throw new IllegalArgumentException(path + ".column '" + name + "' has a domain already");
            }
            covered[j] = true;
            double lower = e.has("lower") ? finite(e, "lower", path) : Double.NaN;
            double upper = e.has("upper") ? finite(e, "upper", path) : Double.NaN;
            if (lower >= upper) {
                throw new IllegalArgumentException(path + ".lower " + Domains.num(lower) + " is not below " + path
                        + ".upper " + Domains.num(upper));
            }
            boolean whole = bool(e, "wholeNumber", path);
            double bandLower = nonNegative(e, "bandLower", path);
            double bandUpper = nonNegative(e, "bandUpper", path);
            if (bandLower > 0 && Double.isNaN(lower) || bandUpper > 0 && Double.isNaN(upper)) {
                throw new IllegalArgumentException(path + " has a point-mass band at an absent bound");
            }
            boolean oneSided = !Double.isNaN(lower) != !Double.isNaN(upper);
            double scale = 1;
            if (oneSided) {
                scale = finite(e, "scale", path);
                if (!(scale > 0)) {
                    throw new IllegalArgumentException(path + ".scale " + Domains.num(scale) + " is not positive");
                }
            }
            cols[j] = new ColumnDomain(name, lower, upper, whole, bandLower, bandUpper, share(e, "shareAtLower", path),
                    share(e, "shareAtUpper", path), bool(e, "declared", path), scale);
        }
        List<Composition> comps = new ArrayList<>();
        JsonArray compArr = array(o, "compositions", "domains.compositions");
        for (int q = 0; q < compArr.size(); q++) {
            String path = "domains.compositions[" + q + "]";
            JsonObject e = object(compArr.get(q), path);
            List<String> parts = new ArrayList<>();
            JsonArray pa = array(e, "parts", path + ".parts");
            for (int i = 0; i < pa.size(); i++) {
                JsonElement p = pa.get(i);
                if (!p.isJsonPrimitive() || !p.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException(path + ".parts[" + i + "] is not a column name");
                }
                parts.add(p.getAsString());
            }
            boolean exact = bool(e, "exact", path);
            if (parts.size() < (exact ? 2 : 1)) {
                throw new IllegalArgumentException(path + ".parts names too few parts (" + parts.size() + ")");
            }
            double total = finite(e, "total", path);
            if (!(total > 0)) {
                throw new IllegalArgumentException(path + ".total " + Domains.num(total) + " is not positive");
            }
            double[] bands = new double[parts.size()];
            double[] shares = new double[parts.size()];
            JsonArray ba = array(e, "bands", path + ".bands");
            JsonArray sa = array(e, "shares", path + ".shares");
            if (ba.size() != parts.size() || sa.size() != parts.size()) {
                throw new IllegalArgumentException(path + ".bands or .shares do not have one value per part");
            }
            for (int i = 0; i < parts.size(); i++) {
                Integer j = idx.get(parts.get(i));
                if (j == null) {
                    throw new IllegalArgumentException(path + ".parts[" + i + "] '" + parts.get(i)
                            + "' is not a design column");
                }
                if (covered[j]) {
                    throw new IllegalArgumentException(path + ".parts[" + i + "] '" + parts.get(i)
                            + "' has a domain already (listed twice)");
                }
                covered[j] = true;
                bands[i] = element(ba.get(i), path + ".bands[" + i + "]", 0, Double.POSITIVE_INFINITY);
                shares[i] = element(sa.get(i), path + ".shares[" + i + "]", 0, 1);
            }
            comps.add(new Composition(parts, total, exact, bands, nonNegative(e, "remainderBand", path), shares,
                    share(e, "remainderShare", path)));
        }
        if (o.has("bandLogWidth") && finite(o, "bandLogWidth", "domains") != Domains.BAND_LOG_WIDTH) {
            throw new IllegalArgumentException("domains.bandLogWidth " + o.get("bandLogWidth")
                    + " is not the one this version knows (" + Domains.BAND_LOG_WIDTH + ")");
        }
        for (int j = 0; j < covered.length; j++) {
            if (!covered[j]) {
                throw new IllegalArgumentException("domains names no domain for column '" + xNames.get(j) + "'");
            }
        }
        return new Domains(xNames, cols, comps, finite(o, "validationLogJacobian", "domains"));
    }

    private static JsonArray array(JsonObject o, String m, String path) {
        JsonElement e = o.get(m);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(path + " is missing or not an array");
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String path) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(path + " is not an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String m, String path) {
        JsonElement e = o.get(m);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(path + "." + m + " is missing or not a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String m, String path) {
        JsonElement e = o.get(m);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(path + "." + m + " is missing or not true/false");
        }
        return e.getAsBoolean();
    }

    private static double finite(JsonObject o, String m, String path) {
        return element(o.get(m), path + "." + m, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A finite number in [lo, hi] (bounds themselves finite or infinite). */
    private static double element(JsonElement e, String path, double lo, double hi) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(path + " is missing or not a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v) || v < lo || v > hi) {
            throw new IllegalArgumentException(path + " is " + v + ", not a finite number in [" + lo + ", " + hi
                    + "]");
        }
        return v;
    }

    private static double share(JsonObject o, String m, String path) {
        return element(o.get(m), path + "." + m, 0, 1);
    }

    static double nonNegative(JsonObject o, String m, String path) {
        return element(o.get(m), path + "." + m, 0, Double.POSITIVE_INFINITY);
    }
}
