package org.cinn4knime.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cinn4knime.engine.domain.Domains;
import org.cinn4knime.engine.nn.FlowNet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
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
    static final String WEIGHTS_ENTRY = ModelWeights.ENTRY;
    static final long MAX_JSON_BYTES = 64L << 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelFile() {
    }

    // ------------------------------------------------------------------------------------------------ writing

    public static void write(CinnModel model, OutputStream out) throws IOException {
        boolean dbl = model.architecture().precision() == Precision.DOUBLE;
        byte[] weights = ModelWeights.write(model.parameters(), dbl);
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

    private static JsonObject toJson(CinnModel m, boolean dbl, byte[] weights) {
        JsonObject j = new JsonObject();
        j.addProperty("format", FORMAT_NAME);
        j.addProperty("formatVersion", FORMAT_VERSION);
        j.add("xNames", ModelJson.strings(m.xNames()));
        j.add("yNames", ModelJson.strings(m.yNames()));
        j.add("architecture", ModelJson.architecture(m.architecture()));
        j.add("standardisation", ModelJson.standardisation(m.standardisation()));
        TargetRange tr = m.storedTargetRange();
        if (tr != null) {
            j.add("targets", ModelJson.targets(tr));
        }
        if (m.domains() != null) {
            j.add("domains", m.domains().toJson());
        }
        j.add("permutations", ModelJson.permutations(List.of(m.permutations())));
        j.add("trainingSettings", ModelJson.trainingSettings(m.trainingSettings()));
        j.addProperty("seed", m.trainingSettings().seed());
        j.add("info", ModelJson.info(m.info()));
        JsonObject w = new JsonObject();
        w.addProperty("entry", WEIGHTS_ENTRY);
        w.addProperty("valueType", ModelWeights.valueType(dbl));
        w.addProperty("count", m.parameters().length);
        w.addProperty("sha256", ModelWeights.sha256(weights));
        j.add("weights", w);
        return j;
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
                    if (size > ModelWeights.MAX_BYTES) {
                        throw new ModelFormatException("The model in the file has " + desc.count() + " weights, "
                                + "too many to load (" + size + " bytes).");
                    }
                    weights = readLimited(zip, size, "The entry " + WEIGHTS_ENTRY + " of the model file is larger "
                            + "than the " + size + " bytes that " + JSON_ENTRY + " implies (" + desc.count() + " "
                            + ModelWeights.valueType(desc.dbl()) + " values); the file is oversized, corrupt or not a cINN "
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
        if (!ModelWeights.sha256(weights).equalsIgnoreCase(desc.sha256())) {
            throw new ModelFormatException("The weights of the model file do not match their checksum; the file is "
                    + "corrupt.");
        }
        double[] params = ModelWeights.read(weights, desc.count(), desc.dbl());
        return new CinnModel(desc.xNames(), desc.yNames(), desc.arch(), desc.settings(), desc.info(), desc.std(),
                desc.perms(), params, desc.domains()).withTargetRange(desc.targets());
    }

    /** Everything model.json says: the model without its weights, and what weights.bin must hold. */
    private record Description(List<String> xNames, List<String> yNames, CinnArchitecture arch,
            TrainingSettings settings, ModelInfo info, Standardisation std, int[][] perms, int count, boolean dbl,
            String sha256, Domains domains, TargetRange targets) {
        long weightsBytes() {
            return ModelWeights.size(count, dbl);
        }
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
            return describe(new JsonMembers(j, ""));
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

    private static Description describe(JsonMembers j) throws ModelFormatException {
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
            domains = Domains.fromJson(j.object("domains").o, xNames); // errors name the member
        }
        int d = domains == null ? xNames.size() : domains.netDim();
        boolean v1 = version == 1; // format 1 spelt the setting keys in camelCase
        CinnArchitecture arch = ModelJson.architecture(j.object("architecture"), v1);
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
        Standardisation std = ModelJson.standardisation(j.object("standardisation"), d, c);
        int[][] perms = ModelJson.permutations(j.array("permutations"), arch.blocks(), d);
        TrainingSettings settings = ModelJson.trainingSettings(j.object("trainingSettings"), v1);
        ModelInfo info = ModelJson.info(j.object("info"), version);
        JsonMembers w = j.object("weights");
        long declared = w.longInteger("count");
        if (declared != count) {
            throw new ModelFormatException("The model file declares " + declared + " weights, but its architecture "
                    + "needs " + count + ".");
        }
        boolean dbl = arch.precision() == Precision.DOUBLE;
        String type = w.string("valueType");
        if (!ModelWeights.valueType(dbl).equals(type)) {
            throw new ModelFormatException("The member 'weights.valueType' of the model file is '" + type
                    + "', but its architecture (precision " + arch.precision() + ") needs '" + ModelWeights.valueType(dbl) + "'.");
        }
        // format 2: absent in format-1 files, whose range is then derived from the standardisation
        TargetRange targets = j.has("targets") ? ModelJson.targets(j.object("targets"), yNames) : null;
        return new Description(xNames, yNames, arch, settings, info, std, perms, count, dbl, w.string("sha256"),
                domains, targets);
    }


}
