package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cinn4knime.engine.JsonMembers;
import org.cinn4knime.engine.ModelFormatException;

import com.google.gson.JsonArray;
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
     * Reads the {@code domains} member written by {@link #write}, validating every member with {@link JsonMembers}.
     *
     * @throws ModelFormatException naming the member path (e.g. {@code domains.columns[2].lower}) when a member is
     *         missing, of the wrong type, out of range, or inconsistent with the design columns
     */
    static Domains read(JsonObject json, List<String> xNames) throws ModelFormatException {
        JsonMembers o = JsonMembers.of(json, "domains");
        Map<String, Integer> idx = Domains.index(xNames);
        ColumnDomain[] cols = new ColumnDomain[xNames.size()];
        boolean[] covered = new boolean[xNames.size()];
        JsonArray colArr = o.array("columns");
        for (int q = 0; q < colArr.size(); q++) {
            JsonMembers e = JsonMembers.object(colArr.get(q), o.where("columns") + "[" + q + "]");
            String name = e.string("column");
            Integer j = idx.get(name);
            if (j == null) {
                throw JsonMembers.invalid(e.where("column"), "names '" + name + "', which is not a design column");
            }
            if (covered[j]) {
                throw JsonMembers.invalid(e.where("column"), "names '" + name + "', which has a domain already");
            }
            covered[j] = true;
            double lower = e.has("lower") ? finite(e, "lower") : Double.NaN;
            double upper = e.has("upper") ? finite(e, "upper") : Double.NaN;
            if (lower >= upper) {
                throw JsonMembers.invalid(e.where("lower"), "is " + Domains.num(lower) + ", not below "
                        + e.where("upper") + " " + Domains.num(upper));
            }
            boolean whole = e.bool("wholeNumber");
            double bandLower = nonNegative(e, "bandLower");
            double bandUpper = nonNegative(e, "bandUpper");
            if (bandLower > 0 && Double.isNaN(lower) || bandUpper > 0 && Double.isNaN(upper)) {
                throw JsonMembers.invalid(e.path(), "has a point-mass band at an absent bound");
            }
            boolean oneSided = !Double.isNaN(lower) != !Double.isNaN(upper);
            double scale = 1;
            if (oneSided) {
                scale = finite(e, "scale");
                if (!(scale > 0)) {
                    throw JsonMembers.invalid(e.where("scale"), "is " + Domains.num(scale) + ", not positive");
                }
            }
            cols[j] = new ColumnDomain(name, lower, upper, whole, bandLower, bandUpper, share(e, "shareAtLower"),
                    share(e, "shareAtUpper"), e.bool("declared"), scale);
        }
        List<Composition> comps = new ArrayList<>();
        JsonArray compArr = o.array("compositions");
        for (int q = 0; q < compArr.size(); q++) {
            JsonMembers e = JsonMembers.object(compArr.get(q), o.where("compositions") + "[" + q + "]");
            List<String> parts = e.strings("parts");
            boolean exact = e.bool("exact");
            if (parts.size() < (exact ? 2 : 1)) {
                throw JsonMembers.invalid(e.where("parts"), "names too few parts (" + parts.size() + ")");
            }
            double total = finite(e, "total");
            if (!(total > 0)) {
                throw JsonMembers.invalid(e.where("total"), "is " + Domains.num(total) + ", not positive");
            }
            double[] bands = new double[parts.size()];
            double[] shares = new double[parts.size()];
            JsonArray ba = e.array("bands");
            JsonArray sa = e.array("shares");
            if (ba.size() != parts.size() || sa.size() != parts.size()) {
                throw JsonMembers.invalid(e.where("bands"), "or its neighbour 'shares' does not have one value per "
                        + "part");
            }
            for (int i = 0; i < parts.size(); i++) {
                String part = e.where("parts") + "[" + i + "]";
                Integer j = idx.get(parts.get(i));
                if (j == null) {
                    throw JsonMembers.invalid(part, "names '" + parts.get(i) + "', which is not a design column");
                }
                if (covered[j]) {
                    throw JsonMembers.invalid(part, "names '" + parts.get(i) + "', which has a domain already "
                            + "(listed twice)");
                }
                covered[j] = true;
                bands[i] = JsonMembers.numberIn(ba.get(i), e.where("bands") + "[" + i + "]", 0,
                        Double.POSITIVE_INFINITY);
                shares[i] = JsonMembers.numberIn(sa.get(i), e.where("shares") + "[" + i + "]", 0, 1);
            }
            comps.add(new Composition(parts, total, exact, bands, nonNegative(e, "remainderBand"), shares,
                    share(e, "remainderShare")));
        }
        if (o.has("bandLogWidth") && finite(o, "bandLogWidth") != Domains.BAND_LOG_WIDTH) {
            throw JsonMembers.invalid(o.where("bandLogWidth"), "is " + finite(o, "bandLogWidth")
                    + ", not the one this version knows (" + Domains.BAND_LOG_WIDTH + ")");
        }
        for (int j = 0; j < covered.length; j++) {
            if (!covered[j]) {
                throw JsonMembers.invalid(o.where("columns"), "names no domain for the design column '"
                        + xNames.get(j) + "'");
            }
        }
        return new Domains(xNames, cols, comps, finite(o, "validationLogJacobian"));
    }

    private static double finite(JsonMembers o, String m) throws ModelFormatException {
        return o.numberIn(m, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static double share(JsonMembers o, String m) throws ModelFormatException {
        return o.numberIn(m, 0, 1);
    }

    private static double nonNegative(JsonMembers o, String m) throws ModelFormatException {
        return o.numberIn(m, 0, Double.POSITIVE_INFINITY);
    }
}
