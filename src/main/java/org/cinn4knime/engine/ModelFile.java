package org.cinn4knime.engine;

import static org.cinn4knime.engine.settings.ArchitectureDeclarations.*;
import static org.cinn4knime.engine.settings.TrainingDeclarations.*;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cinn4knime.engine.domain.Domains;
import org.cinn4knime.engine.nn.FlowNet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The model file: a zip with {@code model.json} (metadata) and {@code weights.bin} (little-endian weights with a
 * CRC-32 trailer, SHA-256 recorded in the JSON). No Java serialization. See {@code docs/model-format.md}.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 2;
    /** Value of the "format" member of model.json. */
    public static final String FORMAT_NAME = "cinn4knime-model";
    static final String JSON_ENTRY = "model.json";
    static final String WEIGHTS_ENTRY = "weights.bin";
    static final byte[] WEIGHTS_MAGIC = "CINNWTS1".getBytes(StandardCharsets.US_ASCII);
    static final int WEIGHTS_HEADER = 8 + 4 + 4 + 8;
    static final long MAX_JSON_BYTES = 64L << 20;
    /** Largest weights.bin that fits a Java array. */
    static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 8;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelFile() {
    }

    // ------------------------------------------------------------------------------------------------ writing

    public static void write(CinnModel model, OutputStream out) throws IOException {
        boolean dbl = model.architecture().precision() == Precision.DOUBLE;
        byte[] weights = weightsBytes(model.parameters(), dbl);
        JsonObject json = toJson(model, dbl, weights);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(JSON_ENTRY));
        zip.write(GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
        zip.write(weights);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /**
     * Atomic save ({@link AtomicFile}): written to a temporary file beside the target, then moved over it; the folder
     * is created if missing. The file gets the default permissions of any new file of the user (unlike
     * {@link Files#createTempFile}, which makes it private).
     */
    public static void save(CinnModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        AtomicFile.write(file, out -> write(model, out));
    }

    static byte[] weightsBytes(double[] p, boolean dbl) {
        int bpv = dbl ? 8 : 4;
        ByteBuffer bb = ByteBuffer.allocate(WEIGHTS_HEADER + p.length * bpv + 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(WEIGHTS_MAGIC).putInt(FORMAT_VERSION).putInt(bpv).putLong(p.length);
        for (double v : p) {
            if (dbl) {
                bb.putDouble(v);
            } else {
                bb.putFloat((float) v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bb.array(), 0, bb.position());
        bb.putInt((int) crc.getValue());
        return bb.array();
    }

    private static JsonObject toJson(CinnModel m, boolean dbl, byte[] weights) {
        JsonObject j = new JsonObject();
        j.addProperty("format", FORMAT_NAME);
        j.addProperty("formatVersion", FORMAT_VERSION);
        j.add("xNames", strings(m.xNames()));
        j.add("yNames", strings(m.yNames()));
        CinnArchitecture a = m.architecture();
        JsonObject arch = new JsonObject();
        // format 2: the keys of the setting declarations (format 1 spelt them in camelCase, see read)
        arch.addProperty(BLOCKS.key(), a.blocks());
        arch.addProperty(COUPLING.key(), a.coupling().name());
        arch.addProperty(SUBNET_LAYERS.key(), a.subnetLayers());
        arch.addProperty(SUBNET_WIDTH.key(), a.subnetWidth());
        arch.addProperty(ACTIVATION.key(), a.activation().name());
        arch.addProperty(CLAMP.key(), a.clamp());
        arch.addProperty(ACT_NORM.key(), a.actNorm());
        arch.addProperty(PRECISION.key(), a.precision().name());
        // format 2: the spline parameters (absent in format 1: the defaults; used by SPLINE couplings only)
        arch.addProperty(SPLINE_BINS.key(), a.bins());
        arch.addProperty(SPLINE_TAIL_BOUND.key(), a.tailBound());
        j.add("architecture", arch);
        Standardisation s = m.standardisation();
        JsonObject st = new JsonObject();
        st.add("xMean", numbers(s.xMean()));
        st.add("xStd", numbers(s.xStd()));
        st.add("yMean", numbers(s.yMean()));
        st.add("yStd", numbers(s.yStd()));
        j.add("standardisation", st);
        TargetRange tr = m.storedTargetRange();
        if (tr != null) {
            j.add("targets", targetsJson(tr));
        }
        if (m.domains() != null) {
            j.add("domains", m.domains().toJson());
        }
        JsonArray perms = new JsonArray();
        for (int[] p : m.permutations()) {
            JsonArray pa = new JsonArray();
            for (int v : p) {
                pa.add(v);
            }
            perms.add(pa);
        }
        j.add("permutations", perms);
        TrainingSettings t = m.trainingSettings();
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
        j.add("trainingSettings", ts);
        j.addProperty("seed", t.seed());
        ModelInfo i = m.info();
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
        j.add("info", info);
        JsonObject w = new JsonObject();
        w.addProperty("entry", WEIGHTS_ENTRY);
        w.addProperty("valueType", valueType(dbl));
        w.addProperty("count", m.parameters().length);
        w.addProperty("sha256", sha256(weights));
        j.add("weights", w);
        return j;
    }

    /** The member {@code targets} (format 2): training-target range and the reference rows of the distance check. */
    private static JsonObject targetsJson(TargetRange tr) {
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

    private static TargetRange targetsFromJson(Members t, List<String> yNames) throws ModelFormatException {
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
                throw Members.invalid("targets.reference[" + i + "]", "is not an array");
            }
            JsonObject holder = new JsonObject();
            holder.add("reference[" + i + "]", e);
            ref[i] = new Members(holder, "targets").numbers("reference[" + i + "]", c, false);
        }
        int k = t.integer("neighbours");
        double threshold = t.number("threshold");
        if (ref.length < 1 || k < 1 || k > Math.max(1, ref.length - 1) || !(threshold > 0)) {
            throw new ModelFormatException("The member 'targets' of the model file is inconsistent ("
                    + ref.length + " reference rows, " + k + " neighbours, threshold " + threshold + ").");
        }
        return new TargetRange(yNames, min, max, scale, ref, k, threshold, false);
    }

    private static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    private static JsonArray numbers(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    /** NaN is stored as null (JSON has no NaN). */
    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    public static CinnModel load(Path file) throws ModelFormatException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException("Model file " + file + " does not exist or is not a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file.getFileName() + ": " + e.getMessage(), e.getCause());
        }
    }

    public static CinnModel read(InputStream in) throws ModelFormatException, IOException {
        return read(in, MAX_JSON_BYTES);
    }

    /**
     * {@link #read(InputStream)} with an explicit size limit of model.json (for tests). weights.bin is capped at
     * exactly the size that model.json implies, so model.json must come first (as {@link #write} puts it).
     */
    static CinnModel read(InputStream in, long maxJson) throws ModelFormatException, IOException {
        Description desc = null;
        byte[] weights = null;
        try {
            ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                if (entries > 1000) {
                    throw new ModelFormatException("The model file holds too many entries; it is not a cINN model.");
                }
                if (JSON_ENTRY.equals(e.getName())) {
                    desc = describe(readLimited(zip, maxJson, "The entry " + JSON_ENTRY + " of the model file is "
                            + "larger than " + maxJson + " bytes; the file is oversized or not a cINN model."));
                } else if (WEIGHTS_ENTRY.equals(e.getName())) {
                    if (desc == null) {
                        throw new ModelFormatException("The model file holds " + WEIGHTS_ENTRY + " before "
                                + JSON_ENTRY + "; it was not written by cinn4knime (or was repacked) and cannot be "
                                + "read.");
                    }
                    long size = desc.weightsBytes();
                    if (size > MAX_WEIGHTS_BYTES) {
                        throw new ModelFormatException("The model in the file has " + desc.count() + " weights, "
                                + "too many to load (" + size + " bytes).");
                    }
                    weights = readLimited(zip, size, "The entry " + WEIGHTS_ENTRY + " of the model file is larger "
                            + "than the " + size + " bytes that " + JSON_ENTRY + " implies (" + desc.count() + " "
                            + valueType(desc.dbl()) + " values); the file is oversized, corrupt or not a cINN "
                            + "model.");
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException("The model file is truncated or corrupt (" + e.getMessage() + ").", e);
        }
        if (desc == null) {
            throw new ModelFormatException("This is not a cINN model file (no " + JSON_ENTRY + " inside"
                    + (weights == null ? "; it is not a model zip at all" : "") + ").");
        }
        if (weights == null) {
            throw new ModelFormatException("The model file has no " + WEIGHTS_ENTRY + " (truncated or corrupt).");
        }
        if (!sha256(weights).equalsIgnoreCase(desc.sha256())) {
            throw new ModelFormatException("The weights of the model file do not match their checksum; the file is "
                    + "corrupt.");
        }
        double[] params = parseWeights(weights, desc.count(), desc.dbl());
        return new CinnModel(desc.xNames(), desc.yNames(), desc.arch(), desc.settings(), desc.info(), desc.std(),
                desc.perms(), params, desc.domains()).withTargetRange(desc.targets());
    }

    /** Everything model.json says: the model without its weights, and what weights.bin must hold. */
    private record Description(List<String> xNames, List<String> yNames, CinnArchitecture arch,
            TrainingSettings settings, ModelInfo info, Standardisation std, int[][] perms, int count, boolean dbl,
            String sha256, Domains domains, TargetRange targets) {
        long weightsBytes() {
            return WEIGHTS_HEADER + (long) count * (dbl ? 8 : 4) + 4;
        }
    }

    private static String valueType(boolean dbl) {
        return dbl ? "float64" : "float32";
    }

    /** The entry's bytes; more than {@code limit} bytes is an error with the given message. */
    private static byte[] readLimited(InputStream in, long limit, String tooLarge) throws IOException,
            ModelFormatException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                throw new ModelFormatException(tooLarge);
            }
            bos.write(buf, 0, r);
        }
        return bos.toByteArray();
    }

    private static Description describe(byte[] jsonBytes) throws ModelFormatException {
        JsonObject j;
        try {
            JsonElement el = JsonParser.parseString(new String(jsonBytes, StandardCharsets.UTF_8));
            if (!el.isJsonObject()) {
                throw new ModelFormatException("This is not a cINN model file (" + JSON_ENTRY + " is not an object).");
            }
            j = el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelFormatException("The model description " + JSON_ENTRY + " is corrupt (not valid JSON: "
                    + jsonProblem(e) + ").", e);
        }
        try {
            return describe(new Members(j, ""));
        } catch (RuntimeException e) {
            throw new ModelFormatException("The model description " + JSON_ENTRY + " is corrupt or incomplete.", e);
        }
    }

    /** The parser's own words (innermost cause, first line), without exception class names. */
    private static String jsonProblem(JsonParseException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "" : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl).strip() : m;
    }

    private static Description describe(Members j) throws ModelFormatException {
        JsonElement marker = j.o.get("format");
        if (marker == null || !marker.isJsonPrimitive() || !FORMAT_NAME.equals(marker.getAsString())) {
            throw new ModelFormatException("This is not a cINN model file (format marker '" + FORMAT_NAME
                    + "' missing).");
        }
        int version = j.integer("formatVersion");
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException("The model file has format version " + version + ", written by a newer "
                    + "cinn4knime; this version reads format versions up to " + FORMAT_VERSION
                    + ". Update the extension.");
        }
        if (version < 1) {
            throw new ModelFormatException("The model file has an invalid format version " + version + ".");
        }
        List<String> xNames = j.strings("xNames");
        List<String> yNames = j.strings("yNames");
        int c = yNames.size();
        if (xNames.size() < 1 || c < 1) {
            throw new ModelFormatException("The model file names no design or no target columns.");
        }
        // format 2: column domains (absent: none, the format-1 behaviour); d counts network coordinates
        Domains domains = null;
        if (version >= 2 && j.o.has("domains")) {
            try {
                domains = Domains.fromJson(j.o.getAsJsonObject("domains"), xNames);
            } catch (RuntimeException e) {
                throw new ModelFormatException("The member 'domains' of the model file is invalid ("
                        + e.getMessage() + ").", e);
            }
        }
        int d = domains == null ? xNames.size() : domains.netDim();
        Members a = j.object("architecture");
        boolean v1 = version == 1; // format 1 spelt the setting keys in camelCase
        CinnArchitecture arch = new CinnArchitecture(a.integer(BLOCKS.key()),
                a.enumValue(COUPLING.key(), CouplingType.class),
                a.integer(v1 ? "subnetLayers" : SUBNET_LAYERS.key()), a.integer(v1 ? "subnetWidth" : SUBNET_WIDTH.key()),
                a.enumValue(ACTIVATION.key(), Activation.class), a.number(CLAMP.key()),
                a.bool(v1 ? "actNorm" : ACT_NORM.key()), a.enumValue(PRECISION.key(), Precision.class),
                a.has(SPLINE_BINS.key()) ? a.integer(SPLINE_BINS.key()) : CinnArchitecture.DEFAULT_BINS,
                a.has(SPLINE_TAIL_BOUND.key()) ? a.number(SPLINE_TAIL_BOUND.key())
                        : CinnArchitecture.DEFAULT_TAIL_BOUND);
        int count;
        try {
            arch.validate();
            if (arch.coupling() == CouplingType.AUTO) {
                throw new IllegalArgumentException("Coupling type AUTO is resolved at training; a model names "
                        + "GLOW, SINGLE or SPLINE.");
            }
            count = FlowNet.parameterCount(d, c, arch);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("The model file has an invalid architecture: " + e.getMessage());
        }
        Members st = j.object("standardisation");
        Standardisation std = new Standardisation(st.numbers("xMean", d, false), st.numbers("xStd", d, true),
                st.numbers("yMean", c, false), st.numbers("yStd", c, true));
        JsonArray pa = j.array("permutations");
        if (pa.size() != arch.blocks() - 1) {
            throw new ModelFormatException("The model file has " + pa.size() + " permutations; "
                    + (arch.blocks() - 1) + " expected.");
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
                int v = Members.integer(p.get(i), where + "[" + i + "]");
                if (v < 0 || v >= d || seen[v]) {
                    throw new ModelFormatException("Permutation " + (k + 1) + " of the model file is invalid.");
                }
                seen[v] = true;
                perms[k][i] = v;
            }
        }
        Members t = j.object("trainingSettings");
        TrainingSettings settings = new TrainingSettings(t.integer(EPOCHS.key()),
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
        Members i = j.object("info");
        List<EpochStats> history = new ArrayList<>();
        JsonArray ha = i.array("history");
        for (int k = 0; k < ha.size(); k++) {
            Members h = Members.object(ha.get(k), "info.history[" + k + "]");
            history.add(new EpochStats(h.integer("epoch"), h.numberOrNaN("trainLoss"),
                    h.numberOrNaN("validationLoss"), h.numberOrNaN("learningRate"), h.bool("best")));
        }
        Map<String, String> lv = new LinkedHashMap<>();
        Members libs = i.object("libraryVersions");
        for (String name : libs.o.keySet()) {
            lv.put(name, libs.string(name));
        }
        ModelInfo info = new ModelInfo(history, i.integer("bestEpoch"), i.numberOrNaN("bestValidationLoss"),
                i.string("dataFingerprint"), i.longInteger("rows"), i.longInteger("validationRows"), lv,
                i.string("creationTime"), version, i.strings("warnings"), i.string("stopReason"));
        Members w = j.object("weights");
        long declared = w.longInteger("count");
        if (declared != count) {
            throw new ModelFormatException("The model file declares " + declared + " weights, but its architecture "
                    + "needs " + count + ".");
        }
        boolean dbl = arch.precision() == Precision.DOUBLE;
        String type = w.string("valueType");
        if (!valueType(dbl).equals(type)) {
            throw new ModelFormatException("The member 'weights.valueType' of the model file is '" + type
                    + "', but its architecture (precision " + arch.precision() + ") needs '" + valueType(dbl) + "'.");
        }
        // format 2: absent in format-1 files, whose range is then derived from the standardisation
        TargetRange targets = j.o.has("targets") ? targetsFromJson(j.object("targets"), yNames) : null;
        return new Description(xNames, yNames, arch, settings, info, std, perms, count, dbl, w.string("sha256"),
                domains, targets);
    }

    /**
     * Typed access to the members of one object of model.json; a missing member or one of the wrong type is a
     * {@link ModelFormatException} that names the member by its path (e.g. {@code architecture.blocks}).
     */
    private static final class Members {
        final JsonObject o;
        final String path;

        Members(JsonObject o, String path) {
            this.o = o;
            this.path = path;
        }

        static ModelFormatException invalid(String where, String what) {
            return new ModelFormatException("The model description " + JSON_ENTRY + " is corrupt or incomplete: "
                    + "the member '" + where + "' " + what + ".");
        }

        String where(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        JsonElement get(String name) throws ModelFormatException {
            JsonElement e = o.get(name);
            if (e == null || e.isJsonNull()) {
                throw invalid(where(name), "is missing");
            }
            return e;
        }

        static Members object(JsonElement e, String where) throws ModelFormatException {
            if (!e.isJsonObject()) {
                throw invalid(where, "is not an object");
            }
            return new Members(e.getAsJsonObject(), where);
        }

        Members object(String name) throws ModelFormatException {
            return object(get(name), where(name));
        }

        JsonArray array(String name) throws ModelFormatException {
            JsonElement e = get(name);
            if (!e.isJsonArray()) {
                throw invalid(where(name), "is not an array");
            }
            return e.getAsJsonArray();
        }

        private static BigDecimal decimal(JsonElement e, String where) throws ModelFormatException {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw invalid(where, "is not a number");
            }
            return e.getAsBigDecimal();
        }

        static int integer(JsonElement e, String where) throws ModelFormatException {
            try {
                return decimal(e, where).intValueExact();
            } catch (ArithmeticException ex) {
                throw invalid(where, "is not a whole number in range");
            }
        }

        int integer(String name) throws ModelFormatException {
            return integer(get(name), where(name));
        }

        long longInteger(String name) throws ModelFormatException {
            try {
                return decimal(get(name), where(name)).longValueExact();
            } catch (ArithmeticException ex) {
                throw invalid(where(name), "is not a whole number in range");
            }
        }

        double number(String name) throws ModelFormatException {
            return decimal(get(name), where(name)).doubleValue();
        }

        /** A number, or NaN where the file has null or nothing (non-finite values are written as null). */
        double numberOrNaN(String name) throws ModelFormatException {
            JsonElement e = o.get(name);
            return e == null || e.isJsonNull() ? Double.NaN : decimal(e, where(name)).doubleValue();
        }

        /** Whether the member is present (and not null): for members added in a later format version. */
        boolean has(String name) {
            JsonElement e = o.get(name);
            return e != null && !e.isJsonNull();
        }

        boolean bool(String name) throws ModelFormatException {
            JsonElement e = get(name);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw invalid(where(name), "is not true or false");
            }
            return e.getAsBoolean();
        }

        String string(String name) throws ModelFormatException {
            JsonElement e = get(name);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw invalid(where(name), "is not a text");
            }
            return e.getAsString();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ModelFormatException {
            String v = string(name);
            try {
                return EnumValues.parse(type, v, name);
            } catch (IllegalArgumentException e) {
                throw invalid(where(name), "has the unknown value '" + v + "' (known: " + EnumValues.allowed(type) + ")");
            }
        }

        List<String> strings(String name) throws ModelFormatException {
            JsonArray a = array(name);
            List<String> l = new ArrayList<>();
            for (int k = 0; k < a.size(); k++) {
                JsonElement e = a.get(k);
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw invalid(where(name) + "[" + k + "]", "is not a text");
                }
                l.add(e.getAsString());
            }
            return l;
        }

        /**
         * The numbers of an array member; with {@code n >= 0} exactly n finite values (positive ones if
         * {@code positive}) are required.
         */
        double[] numbers(String name, int n, boolean positive) throws ModelFormatException {
            JsonArray a = array(name);
            double[] d = new double[a.size()];
            for (int k = 0; k < d.length; k++) {
                d[k] = decimal(a.get(k), where(name) + "[" + k + "]").doubleValue();
            }
            if (n < 0) {
                return d;
            }
            if (d.length != n) {
                throw new ModelFormatException("The member '" + where(name) + "' of the model file has " + d.length
                        + " values; " + n + " expected.");
            }
            for (double v : d) {
                if (!Double.isFinite(v) || (positive && !(v > 0))) {
                    throw new ModelFormatException("The member '" + where(name) + "' of the model file holds an "
                            + "invalid value " + v + (positive ? " (it must be positive)." : "."));
                }
            }
            return d;
        }
    }

    static double[] parseWeights(byte[] b, int count, boolean dbl) throws ModelFormatException {
        int bpv = dbl ? 8 : 4;
        long expected = WEIGHTS_HEADER + (long) count * bpv + 4;
        if (b.length != expected) {
            throw new ModelFormatException(WEIGHTS_ENTRY + " has " + b.length + " bytes, " + expected
                    + " expected (truncated or corrupt).");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[WEIGHTS_MAGIC.length];
        bb.get(magic);
        if (!Arrays.equals(magic, WEIGHTS_MAGIC)) {
            throw new ModelFormatException(WEIGHTS_ENTRY + " does not start with the cINN weights marker.");
        }
        int v = bb.getInt();
        int fileBpv = bb.getInt();
        long n = bb.getLong();
        if (v > FORMAT_VERSION || fileBpv != bpv || n != count) {
            throw new ModelFormatException(WEIGHTS_ENTRY + " header does not match model.json (version " + v
                    + ", " + fileBpv + " bytes per value, " + n + " values).");
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        int stored = ByteBuffer.wrap(b, b.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(WEIGHTS_ENTRY + " fails its CRC-32 check; the file is corrupt.");
        }
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            p[i] = dbl ? bb.getDouble() : bb.getFloat();
            if (!Double.isFinite(p[i])) {
                throw new ModelFormatException(WEIGHTS_ENTRY + " holds a non-finite weight at index " + i + ".");
            }
        }
        return p;
    }
}
