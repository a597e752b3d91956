package org.cinn4knime.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
    public static final int FORMAT_VERSION = 1;
    /** Value of the "format" member of model.json. */
    public static final String FORMAT_NAME = "cinn4knime-model";
    static final String JSON_ENTRY = "model.json";
    static final String WEIGHTS_ENTRY = "weights.bin";
    static final byte[] WEIGHTS_MAGIC = "CINNWTS1".getBytes(StandardCharsets.US_ASCII);
    static final int WEIGHTS_HEADER = 8 + 4 + 4 + 8;
    static final long MAX_JSON_BYTES = 64L << 20;
    static final long MAX_WEIGHTS_BYTES = 1L << 31;

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

    /** Atomic save: written to a temporary file beside the target, then moved over it. */
    public static void save(CinnModel model, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(model, os);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        arch.addProperty("blocks", a.blocks());
        arch.addProperty("coupling", a.coupling().name());
        arch.addProperty("subnetLayers", a.subnetLayers());
        arch.addProperty("subnetWidth", a.subnetWidth());
        arch.addProperty("activation", a.activation().name());
        arch.addProperty("clamp", a.clamp());
        arch.addProperty("actNorm", a.actNorm());
        arch.addProperty("precision", a.precision().name());
        j.add("architecture", arch);
        Standardisation s = m.standardisation();
        JsonObject st = new JsonObject();
        st.add("xMean", numbers(s.xMean()));
        st.add("xStd", numbers(s.xStd()));
        st.add("yMean", numbers(s.yMean()));
        st.add("yStd", numbers(s.yStd()));
        j.add("standardisation", st);
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
        ts.addProperty("epochs", t.epochs());
        ts.addProperty("batchSize", t.batchSize());
        ts.addProperty("learningRate", t.learningRate());
        ts.addProperty("beta1", t.beta1());
        ts.addProperty("beta2", t.beta2());
        ts.addProperty("weightDecay", t.weightDecay());
        ts.addProperty("lrDecayFactor", t.lrDecayFactor());
        ts.add("lrDecayAt", numbers(t.lrDecayAt()));
        ts.addProperty("gradientClipNorm", t.gradientClipNorm());
        ts.addProperty("validationFraction", t.validationFraction());
        ts.addProperty("patience", t.patience());
        ts.addProperty("seed", t.seed());
        ts.addProperty("threads", t.threads());
        ts.addProperty("instabilityThresholdPerDim", t.instabilityThresholdPerDim());
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
        w.addProperty("valueType", dbl ? "float64" : "float32");
        w.addProperty("count", m.parameters().length);
        w.addProperty("sha256", sha256(weights));
        j.add("weights", w);
        return j;
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
        return read(in, MAX_JSON_BYTES, MAX_WEIGHTS_BYTES);
    }

    /** {@link #read(InputStream)} with explicit size limits of the two entries (for tests). */
    static CinnModel read(InputStream in, long maxJson, long maxWeights) throws ModelFormatException, IOException {
        byte[] jsonBytes = null;
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
                    jsonBytes = readLimited(zip, maxJson, JSON_ENTRY);
                } else if (WEIGHTS_ENTRY.equals(e.getName())) {
                    weights = readLimited(zip, maxWeights, WEIGHTS_ENTRY);
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException("The model file is truncated or corrupt (" + e.getMessage() + ").", e);
        }
        if (jsonBytes == null) {
            throw new ModelFormatException("This is not a cINN model file (no " + JSON_ENTRY + " inside"
                    + (weights == null ? "; it is not a model zip at all" : "") + ").");
        }
        JsonObject j;
        try {
            JsonElement el = JsonParser.parseString(new String(jsonBytes, StandardCharsets.UTF_8));
            if (!el.isJsonObject()) {
                throw new ModelFormatException("This is not a cINN model file (" + JSON_ENTRY + " is not an object).");
            }
            j = el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelFormatException("The model description " + JSON_ENTRY + " is corrupt: " + e.getMessage(), e);
        }
        try {
            return fromJson(j, weights);
        } catch (RuntimeException e) {
            throw new ModelFormatException("The model description " + JSON_ENTRY + " is corrupt or incomplete: " + e,
                    e);
        }
    }

    private static byte[] readLimited(InputStream in, long limit, String name) throws IOException,
            ModelFormatException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                throw new ModelFormatException("The entry " + name + " of the model file is larger than " + limit
                        + " bytes; the file is oversized or not a cINN model.");
            }
            bos.write(buf, 0, r);
        }
        return bos.toByteArray();
    }

    private static CinnModel fromJson(JsonObject j, byte[] weights) throws ModelFormatException {
        if (!j.has("format") || !FORMAT_NAME.equals(j.get("format").getAsString())) {
            throw new ModelFormatException("This is not a cINN model file (format marker '" + FORMAT_NAME
                    + "' missing).");
        }
        int version = j.get("formatVersion").getAsInt();
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException("The model file has format version " + version + ", written by a newer "
                    + "cinn4knime; this version reads format versions up to " + FORMAT_VERSION
                    + ". Update the extension.");
        }
        if (version < 1) {
            throw new ModelFormatException("The model file has an invalid format version " + version + ".");
        }
        List<String> xNames = stringList(j.getAsJsonArray("xNames"));
        List<String> yNames = stringList(j.getAsJsonArray("yNames"));
        int d = xNames.size();
        int c = yNames.size();
        if (d < 1 || c < 1) {
            throw new ModelFormatException("The model file names no design or no target columns.");
        }
        JsonObject a = j.getAsJsonObject("architecture");
        CinnArchitecture arch = new CinnArchitecture(a.get("blocks").getAsInt(),
                CouplingType.valueOf(a.get("coupling").getAsString()), a.get("subnetLayers").getAsInt(),
                a.get("subnetWidth").getAsInt(), Activation.valueOf(a.get("activation").getAsString()),
                a.get("clamp").getAsDouble(), a.get("actNorm").getAsBoolean(),
                Precision.valueOf(a.get("precision").getAsString()));
        try {
            arch.validate();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("The model file has an invalid architecture: " + e.getMessage());
        }
        JsonObject st = j.getAsJsonObject("standardisation");
        Standardisation std = new Standardisation(doubles(st, "xMean", d, false), doubles(st, "xStd", d, true),
                doubles(st, "yMean", c, false), doubles(st, "yStd", c, true));
        JsonArray pa = j.getAsJsonArray("permutations");
        if (pa.size() != arch.blocks() - 1) {
            throw new ModelFormatException("The model file has " + pa.size() + " permutations; "
                    + (arch.blocks() - 1) + " expected.");
        }
        int[][] perms = new int[pa.size()][];
        for (int k = 0; k < perms.length; k++) {
            JsonArray p = pa.get(k).getAsJsonArray();
            perms[k] = new int[p.size()];
            boolean[] seen = new boolean[d];
            if (p.size() != d) {
                throw new ModelFormatException("Permutation " + (k + 1) + " of the model file has the wrong size.");
            }
            for (int i = 0; i < d; i++) {
                int v = p.get(i).getAsInt();
                if (v < 0 || v >= d || seen[v]) {
                    throw new ModelFormatException("Permutation " + (k + 1) + " of the model file is invalid.");
                }
                seen[v] = true;
                perms[k][i] = v;
            }
        }
        JsonObject t = j.getAsJsonObject("trainingSettings");
        TrainingSettings settings = new TrainingSettings(t.get("epochs").getAsInt(), t.get("batchSize").getAsInt(),
                t.get("learningRate").getAsDouble(), t.get("beta1").getAsDouble(), t.get("beta2").getAsDouble(),
                t.get("weightDecay").getAsDouble(), t.get("lrDecayFactor").getAsDouble(),
                rawDoubles(t.getAsJsonArray("lrDecayAt")), t.get("gradientClipNorm").getAsDouble(),
                t.get("validationFraction").getAsDouble(), t.get("patience").getAsInt(), t.get("seed").getAsLong(),
                t.get("threads").getAsInt(), t.get("instabilityThresholdPerDim").getAsDouble());
        JsonObject i = j.getAsJsonObject("info");
        List<EpochStats> history = new ArrayList<>();
        for (JsonElement he : i.getAsJsonArray("history")) {
            JsonObject h = he.getAsJsonObject();
            history.add(new EpochStats(h.get("epoch").getAsInt(), num(h.get("trainLoss")),
                    num(h.get("validationLoss")), num(h.get("learningRate")), h.get("best").getAsBoolean()));
        }
        Map<String, String> lv = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> en : i.getAsJsonObject("libraryVersions").entrySet()) {
            lv.put(en.getKey(), en.getValue().getAsString());
        }
        ModelInfo info = new ModelInfo(history, i.get("bestEpoch").getAsInt(), num(i.get("bestValidationLoss")),
                i.get("dataFingerprint").getAsString(), i.get("rows").getAsLong(), i.get("validationRows").getAsLong(),
                lv, i.get("creationTime").getAsString(), version, stringList(i.getAsJsonArray("warnings")),
                i.get("stopReason").getAsString());
        JsonObject w = j.getAsJsonObject("weights");
        int count = FlowNet.parameterCount(d, c, arch);
        if (w.get("count").getAsLong() != count) {
            throw new ModelFormatException("The model file declares " + w.get("count").getAsLong() + " weights, but "
                    + "its architecture needs " + count + ".");
        }
        if (weights == null) {
            throw new ModelFormatException("The model file has no " + WEIGHTS_ENTRY + " (truncated or corrupt).");
        }
        if (!sha256(weights).equalsIgnoreCase(w.get("sha256").getAsString())) {
            throw new ModelFormatException("The weights of the model file do not match their checksum; the file is "
                    + "corrupt.");
        }
        double[] params = parseWeights(weights, count, arch.precision() == Precision.DOUBLE);
        return new CinnModel(xNames, yNames, arch, settings, info, std, perms, params);
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
        if (!java.util.Arrays.equals(magic, WEIGHTS_MAGIC)) {
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

    private static double num(JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static List<String> stringList(JsonArray a) {
        List<String> l = new ArrayList<>();
        for (JsonElement e : a) {
            l.add(e.getAsString());
        }
        return l;
    }

    private static double[] rawDoubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    private static double[] doubles(JsonObject o, String name, int n, boolean positive) throws ModelFormatException {
        double[] d = rawDoubles(o.getAsJsonArray(name));
        if (d.length != n) {
            throw new ModelFormatException("Standardisation '" + name + "' of the model file has " + d.length
                    + " values; " + n + " expected.");
        }
        for (double v : d) {
            if (!Double.isFinite(v) || (positive && !(v > 0))) {
                throw new ModelFormatException("Standardisation '" + name + "' of the model file holds an invalid "
                        + "value " + v + ".");
            }
        }
        return d;
    }
}
