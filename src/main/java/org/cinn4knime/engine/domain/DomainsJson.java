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
     * Reads the {@code domains} member written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when it is inconsistent with the design columns (the model file reader
     *         reports it as a corrupt file)
     */
    static Domains read(JsonObject o, List<String> xNames) {
        Map<String, Integer> idx = Domains.index(xNames);
        ColumnDomain[] cols = new ColumnDomain[xNames.size()];
        boolean[] covered = new boolean[xNames.size()];
        for (JsonElement el : o.getAsJsonArray("columns")) {
            JsonObject e = el.getAsJsonObject();
            String name = e.get("column").getAsString();
            Integer j = idx.get(name);
            if (j == null || covered[j]) {
                throw new IllegalArgumentException("domains.columns names '" + name + "' wrongly");
            }
            covered[j] = true;
            cols[j] = new ColumnDomain(name, e.has("lower") ? e.get("lower").getAsDouble() : Double.NaN,
                    e.has("upper") ? e.get("upper").getAsDouble() : Double.NaN, e.get("wholeNumber").getAsBoolean(),
                    nonNegative(e, "bandLower"), nonNegative(e, "bandUpper"), e.get("shareAtLower").getAsDouble(),
                    e.get("shareAtUpper").getAsDouble(), e.get("declared").getAsBoolean());
        }
        List<Composition> comps = new ArrayList<>();
        for (JsonElement el : o.getAsJsonArray("compositions")) {
            JsonObject e = el.getAsJsonObject();
            List<String> parts = new ArrayList<>();
            e.getAsJsonArray("parts").forEach(p -> parts.add(p.getAsString()));
            double[] bands = new double[parts.size()];
            double[] shares = new double[parts.size()];
            JsonArray ba = e.getAsJsonArray("bands");
            JsonArray sa = e.getAsJsonArray("shares");
            if (ba.size() != parts.size() || sa.size() != parts.size()) {
                throw new IllegalArgumentException("domains.compositions has bands of the wrong size");
            }
            for (int i = 0; i < parts.size(); i++) {
                Integer j = idx.get(parts.get(i));
                if (j == null || covered[j]) {
                    throw new IllegalArgumentException("domains.compositions names '" + parts.get(i) + "' wrongly");
                }
                covered[j] = true;
                bands[i] = ba.get(i).getAsDouble();
                shares[i] = sa.get(i).getAsDouble();
            }
            comps.add(new Composition(parts, e.get("total").getAsDouble(), e.get("exact").getAsBoolean(), bands,
                    nonNegative(e, "remainderBand"), shares, e.get("remainderShare").getAsDouble()));
        }
        if (o.has("bandLogWidth") && o.get("bandLogWidth").getAsDouble() != Domains.BAND_LOG_WIDTH) {
            throw new IllegalArgumentException("domains.bandLogWidth " + o.get("bandLogWidth")
                    + " is not the one this version knows (" + Domains.BAND_LOG_WIDTH + ")");
        }
        for (int j = 0; j < covered.length; j++) {
            if (!covered[j]) {
                throw new IllegalArgumentException("domains names no domain for column '" + xNames.get(j) + "'");
            }
        }
        return new Domains(xNames, cols, comps, o.get("validationLogJacobian").getAsDouble());
    }

    static double nonNegative(JsonObject e, String m) {
        double v = e.get(m).getAsDouble();
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("domains member " + m + " is invalid");
        }
        return v;
    }
}
