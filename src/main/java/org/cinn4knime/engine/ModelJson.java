package org.cinn4knime.engine;

import static org.cinn4knime.engine.settings.ArchitectureDeclarations.ACT_NORM;
import static org.cinn4knime.engine.settings.ArchitectureDeclarations.SUBNET_LAYERS;
import static org.cinn4knime.engine.settings.ArchitectureDeclarations.SUBNET_WIDTH;
import static org.cinn4knime.engine.settings.TrainingDeclarations.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cinn4knime.engine.settings.ArchitectureDeclarations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The members of {@code model.json}, each written and read in one place: {@code architecture},
 * {@code standardisation}, {@code permutations}, {@code trainingSettings}, {@code info} and {@code targets}. Format 2
 * spells the architecture and training settings by the keys of their setting declarations
 * ({@link org.cinn4knime.engine.settings.ArchitectureDeclarations},
 * {@link org.cinn4knime.engine.settings.TrainingDeclarations}); format 1 spelt some of them in camelCase, which
 * the readers accept for format-1 files. See {@code docs/model-format.md}.
 */
final class ModelJson {

    private ModelJson() {
    }

    // ------------------------------------------------------------------------------------------------ architecture

    /** Format 1 spelt these setting keys in camelCase. */
    private static final Map<String, String> FORMAT1_KEYS = Map.of(SUBNET_LAYERS.key(), "subnetLayers",
            SUBNET_WIDTH.key(), "subnetWidth", ACT_NORM.key(), "actNorm");

    /** The description of {@link ArchitectureDeclarations#describe} as a JSON object. */
    static JsonObject architecture(CinnArchitecture a) {
        JsonObject arch = new JsonObject();
        ArchitectureDeclarations.describe(a).forEach((key, v) -> {
            if (v instanceof Number n) {
                arch.addProperty(key, n);
            } else if (v instanceof Boolean b) {
                arch.addProperty(key, b);
            } else {
                arch.addProperty(key, (String) v);
            }
        });
        return arch;
    }

    /** @param v1 whether the file has format 1 (camelCase keys, no spline parameters) */
    static CinnArchitecture architecture(JsonMembers a, boolean v1) throws ModelFormatException {
        Map<String, String> keys = v1 ? FORMAT1_KEYS : Map.of();
        return ArchitectureDeclarations.read(new ArchitectureDeclarations.Stored<ModelFormatException>() {
            private String member(String key) {
                return keys.getOrDefault(key, key);
            }

            @Override
            public boolean has(String key) {
                return a.has(member(key));
            }

            @Override
            public int integer(String key) throws ModelFormatException {
                return a.integer(member(key));
            }

            @Override
            public double real(String key) throws ModelFormatException {
                return a.number(member(key));
            }

            @Override
            public boolean bool(String key) throws ModelFormatException {
                return a.bool(member(key));
            }

            @Override
            public <T extends Enum<T>> T choice(String key, Class<T> type) throws ModelFormatException {
                return a.enumValue(member(key), type);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ standardisation

    static JsonObject standardisation(Standardisation s) {
        JsonObject st = new JsonObject();
        st.add("xMean", numbers(s.xMean()));
        st.add("xStd", numbers(s.xStd()));
        st.add("yMean", numbers(s.yMean()));
        st.add("yStd", numbers(s.yStd()));
        return st;
    }

    /** @param d network coordinates; @param c target columns */
    static Standardisation standardisation(JsonMembers st, int d, int c) throws ModelFormatException {
        return new Standardisation(st.numbers("xMean", d, false), st.numbers("xStd", d, true),
                st.numbers("yMean", c, false), st.numbers("yStd", c, true));
    }

    // ------------------------------------------------------------------------------------------------ permutations

    static JsonArray permutations(List<int[]> permutations) {
        JsonArray perms = new JsonArray();
        for (int[] p : permutations) {
            JsonArray pa = new JsonArray();
            for (int v : p) {
                pa.add(v);
            }
            perms.add(pa);
        }
        return perms;
    }

    /** @return blocks − 1 permutations of 0, …, d − 1, checked */
    static int[][] permutations(JsonArray pa, int blocks, int d) throws ModelFormatException {
        if (pa.size() != blocks - 1) {
            throw new ModelFormatException("The model file has " + pa.size() + " permutations; "
                    + (blocks - 1) + " expected.");
        }
        int[][] perms = new int[pa.size()][];
        for (int k = 0; k < perms.length; k++) {
            String where = "permutations[" + k + "]";
            JsonElement pe = pa.get(k);
            JsonArray p = pe.isJsonArray() ? pe.getAsJsonArray() : null;
            if (p == null || p.size() != d) {
                throw new ModelFormatException("Permutation " + (k + 1) + " of the model file has the wrong size.");
            }
            perms[k] = new int[d];
            boolean[] seen = new boolean[d];
            for (int i = 0; i < d; i++) {
                int v = JsonMembers.integer(p.get(i), where + "[" + i + "]");
                if (v < 0 || v >= d || seen[v]) {
                    throw new ModelFormatException("Permutation " + (k + 1) + " of the model file is invalid.");
                }
                seen[v] = true;
                perms[k][i] = v;
            }
        }
        return perms;
    }

    // ------------------------------------------------------------------------------------------------ training

    static JsonObject trainingSettings(TrainingSettings t) {
        JsonObject ts = new JsonObject();
        ts.addProperty(EPOCHS.key(), t.epochs());
        ts.addProperty(BATCH_SIZE.key(), t.batchSize());
        ts.addProperty(LEARNING_RATE.key(), t.learningRate());
        ts.addProperty(ADAM_BETA1.key(), t.beta1());
        ts.addProperty(ADAM_BETA2.key(), t.beta2());
        ts.addProperty(WEIGHT_DECAY.key(), t.weightDecay());
        ts.addProperty(LR_DECAY_FACTOR.key(), t.lrDecayFactor());
        ts.add(LR_DECAY_AT.key(), numbers(t.lrDecayAt()));
        ts.addProperty(GRADIENT_CLIP.key(), t.gradientClipNorm());
        ts.addProperty(VALIDATION_FRACTION.key(), t.validationFraction() * VALIDATION_FRACTION.nodeScale());
        ts.addProperty(PATIENCE.key(), t.patience());
        ts.addProperty(SEED.key(), t.seed());
        ts.addProperty(THREADS.key(), t.threads());
        ts.addProperty(INSTABILITY_THRESHOLD.key(), t.instabilityThresholdPerDim());
        return ts;
    }

    /** @param v1 whether the file has format 1 (camelCase keys, validation fraction as a share) */
    static TrainingSettings trainingSettings(JsonMembers t, boolean v1) throws ModelFormatException {
        return new TrainingSettings(t.integer(EPOCHS.key()),
                t.integer(v1 ? "batchSize" : BATCH_SIZE.key()), t.number(v1 ? "learningRate" : LEARNING_RATE.key()),
                t.number(v1 ? "beta1" : ADAM_BETA1.key()), t.number(v1 ? "beta2" : ADAM_BETA2.key()),
                t.number(v1 ? "weightDecay" : WEIGHT_DECAY.key()),
                t.number(v1 ? "lrDecayFactor" : LR_DECAY_FACTOR.key()),
                t.numbers(v1 ? "lrDecayAt" : LR_DECAY_AT.key(), -1, false),
                t.number(v1 ? "gradientClipNorm" : GRADIENT_CLIP.key()),
                v1 ? t.number("validationFraction")
                        : t.number(VALIDATION_FRACTION.key()) / VALIDATION_FRACTION.nodeScale(),
                t.integer(PATIENCE.key()), t.longInteger(SEED.key()), t.integer(THREADS.key()),
                t.number(v1 ? "instabilityThresholdPerDim" : INSTABILITY_THRESHOLD.key()));
    }

    // ------------------------------------------------------------------------------------------------ info

    static JsonObject info(ModelInfo i) {
        JsonObject info = new JsonObject();
        JsonArray hist = new JsonArray();
        for (EpochStats e : i.history()) {
            JsonObject h = new JsonObject();
            h.addProperty("epoch", e.epoch());
            h.add("trainLoss", number(e.trainLoss()));
            h.add("validationLoss", number(e.validationLoss()));
            h.add("learningRate", number(e.learningRate()));
            h.addProperty("best", e.best());
            hist.add(h);
        }
        info.add("history", hist);
        info.addProperty("bestEpoch", i.bestEpoch());
        info.add("bestValidationLoss", number(i.bestValidationLoss()));
        info.addProperty("dataFingerprint", i.dataFingerprint());
        info.addProperty("rows", i.rows());
        info.addProperty("validationRows", i.validationRows());
        JsonObject lv = new JsonObject();
        i.libraryVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(en -> lv.addProperty(en.getKey(), en.getValue()));
        info.add("libraryVersions", lv);
        info.addProperty("creationTime", i.creationTime());
        info.add("warnings", strings(i.warnings()));
        info.addProperty("stopReason", i.stopReason());
        return info;
    }

    /** @param version the file's format version (the model remembers it) */
    static ModelInfo info(JsonMembers i, int version) throws ModelFormatException {
        List<EpochStats> history = new ArrayList<>();
        JsonArray ha = i.array("history");
        for (int k = 0; k < ha.size(); k++) {
            JsonMembers h = JsonMembers.object(ha.get(k), "info.history[" + k + "]");
            history.add(new EpochStats(h.integer("epoch"), h.numberOrNaN("trainLoss"),
                    h.numberOrNaN("validationLoss"), h.numberOrNaN("learningRate"), h.bool("best")));
        }
        Map<String, String> lv = new LinkedHashMap<>();
        JsonMembers libs = i.object("libraryVersions");
        for (String name : libs.o.keySet()) {
            lv.put(name, libs.string(name));
        }
        return new ModelInfo(history, i.integer("bestEpoch"), i.numberOrNaN("bestValidationLoss"),
                i.string("dataFingerprint"), i.longInteger("rows"), i.longInteger("validationRows"), lv,
                i.string("creationTime"), version, i.strings("warnings"), i.string("stopReason"));
    }

    // ------------------------------------------------------------------------------------------------ targets

    /** The member {@code targets} (format 2): training-target range and the reference rows of the distance check. */
    static JsonObject targets(TargetRange tr) {
        JsonObject t = new JsonObject();
        t.add("min", numbers(tr.min()));
        t.add("max", numbers(tr.max()));
        t.add("scale", numbers(tr.scale()));
        t.addProperty("neighbours", tr.neighbours());
        t.addProperty("threshold", tr.threshold());
        JsonArray ref = new JsonArray();
        for (double[] r : tr.reference()) {
            ref.add(numbers(r));
        }
        t.add("reference", ref);
        return t;
    }

    static TargetRange targets(JsonMembers t, List<String> yNames) throws ModelFormatException {
        int c = yNames.size();
        double[] min = t.numbers("min", c, false);
        double[] max = t.numbers("max", c, false);
        double[] scale = t.numbers("scale", c, true);
        for (int j = 0; j < c; j++) {
            if (!(min[j] <= max[j])) {
                throw new ModelFormatException("The member 'targets.min' of the model file is above 'targets.max' "
                        + "for target column '" + yNames.get(j) + "'.");
            }
        }
        JsonArray ra = t.array("reference");
        double[][] ref = new double[ra.size()][];
        for (int i = 0; i < ref.length; i++) {
            JsonElement e = ra.get(i);
            if (!e.isJsonArray()) {
                throw JsonMembers.invalid("targets.reference[" + i + "]", "is not an array");
            }
            JsonObject holder = new JsonObject();
            holder.add("reference[" + i + "]", e);
            ref[i] = new JsonMembers(holder, "targets").numbers("reference[" + i + "]", c, false);
        }
        int k = t.integer("neighbours");
        double threshold = t.number("threshold");
        if (ref.length < 1 || k < 1 || k > Math.max(1, ref.length - 1) || !(threshold > 0)) {
            throw new ModelFormatException("The member 'targets' of the model file is inconsistent ("
                    + ref.length + " reference rows, " + k + " neighbours, threshold " + threshold + ").");
        }
        return new TargetRange(yNames, min, max, scale, ref, k, threshold, false);
    }

    // ------------------------------------------------------------------------------------------------ values

    static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    static JsonArray numbers(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    /** NaN is stored as null (JSON has no NaN). */
    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }
}
