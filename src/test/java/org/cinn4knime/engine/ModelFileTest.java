package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Model file round trip, the golden file of format version 1, and every kind of broken file. */
class ModelFileTest {
    static CinnModel model;
    static double[][] x;
    static double[][] y;

    @BeforeAll
    static void train() throws Exception {
        x = InverseKinematics.samplePrior(1500, 3);
        y = InverseKinematics.forward(x);
        model = CinnTrainer.train(new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES, y, null),
                CinnArchitecture.defaults().withBlocks(3).withSubnetWidth(16).withActNorm(true),
                TrainingSettings.defaults().withEpochs(2).withBatchSize(100), null).model();
    }

    static byte[] bytes(CinnModel m) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ModelFile.write(m, bos);
        return bos.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    static byte[] withJson(byte[] file, UnaryOperator<JsonObject> change) throws IOException {
        Map<String, byte[]> e = entries(file);
        JsonObject j = JsonParser.parseString(new String(e.get("model.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        e.put("model.json", change.apply(j).toString().getBytes(StandardCharsets.UTF_8));
        return zip(e);
    }

    static String readError(byte[] b) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(b)));
        return e.getMessage();
    }

    @Test
    void saveLoadGivesIdenticalModel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub").resolve("m.cinn");
        ModelFile.save(model, f);
        ModelFile.save(model, f); // overwrite works
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary files are left");
        }
        CinnModel back = ModelFile.load(f);
        assertEquals(model.xNames(), back.xNames());
        assertEquals(model.yNames(), back.yNames());
        assertEquals(model.architecture(), back.architecture());
        assertEquals(model.trainingSettings(), back.trainingSettings());
        assertEquals(model.info().history(), back.info().history());
        assertEquals(model.info().dataFingerprint(), back.info().dataFingerprint());
        assertEquals(model.info().warnings(), back.info().warnings());
        assertEquals(model.info().stopReason(), back.info().stopReason());
        assertEquals(model.info().creationTime(), back.info().creationTime());
        assertArrayEquals(model.parameters(), back.parameters());
        ForwardResult a = model.forward(x, y);
        ForwardResult b = back.forward(x, y);
        assertArrayEquals(a.logDensity(), b.logDensity());
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(a.z()[i], b.z()[i]);
        }
    }

    @Test
    void savedFileGetsTheDefaultPermissionsOfANewFile(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX file permissions are not supported here");
        Path reference = Files.write(dir.resolve("reference.txt"), new byte[] {1});
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        Path f = dir.resolve("m.cinn");
        ModelFile.save(model, f);
        // with the usual umask 022: rw-r--r--, where a file made by Files.createTempFile would be rw-------
        assertEquals(expected, Files.getPosixFilePermissions(f));
        ModelFile.save(model, f); // replacing keeps them
        assertEquals(expected, Files.getPosixFilePermissions(f));
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] b = bytes(model);
        String m = readError(Arrays.copyOf(b, b.length / 2));
        assertTrue(m.contains("truncated or corrupt"), m);
    }

    @Test
    void corruptWeights() throws Exception {
        Map<String, byte[]> e = entries(bytes(model));
        e.get("weights.bin")[100] ^= 0x55;
        String m = readError(zip(e));
        assertTrue(m.contains("checksum") && m.contains("corrupt"), m);
        // consistent SHA but broken CRC trailer
        Map<String, byte[]> e2 = entries(bytes(model));
        byte[] w = e2.get("weights.bin");
        w[w.length - 1] ^= 0x01;
        byte[] f2 = withJson(zip(e2), j -> {
            j.getAsJsonObject("weights").addProperty("sha256", ModelWeights.sha256(w));
            return j;
        });
        m = readError(f2);
        assertTrue(m.contains("CRC-32"), m);
        // flipped bytes inside the compressed zip data
        byte[] raw = bytes(model);
        for (int i = raw.length / 3; i < raw.length / 3 + 40; i++) {
            raw[i] ^= 0x5A;
        }
        m = readError(raw);
        assertTrue(m.contains("corrupt"), m);
    }

    @Test
    void foreignFiles() throws Exception {
        String m = readError("just some text, not a zip".getBytes(StandardCharsets.UTF_8));
        assertTrue(m.contains("not a cINN model file"), m);
        m = readError(zip(Map.of("hello.txt", new byte[] {1, 2, 3})));
        assertTrue(m.contains("not a cINN model file"), m);
        m = readError(zip(Map.of("model.json", "{\"some\": \"thing\"}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(m.contains("not a cINN model file"), m);
        m = readError(zip(Map.of("model.json", "{not json".getBytes(StandardCharsets.UTF_8))));
        assertTrue(m.contains("corrupt (not valid JSON: ") && m.contains("line 1 column"), m);
        assertFalse(m.contains("Exception") || m.contains("com.google") || m.contains("\n"), m);
    }

    @Test
    void settingsAreWrittenWithTheKeysOfTheirDeclarations() throws Exception {
        // format 2: one spelling for a setting everywhere (node settings, port spec, model file)
        JsonObject[] json = new JsonObject[1];
        withJson(bytes(model), j -> {
            json[0] = j;
            return j;
        });
        Set<String> arch = json[0].getAsJsonObject("architecture").keySet();
        for (Setting d : ArchitectureDeclarations.ALL) {
            assertTrue(arch.contains(d.key()), d.key() + " in " + arch);
        }
        Set<String> training = json[0].getAsJsonObject("trainingSettings").keySet();
        for (Setting d : TrainingDeclarations.ALL) {
            assertTrue(training.contains(d.key()), d.key() + " in " + training);
        }
        assertEquals(100 * model.trainingSettings().validationFraction(),
            json[0].getAsJsonObject("trainingSettings").get("validation_percent").getAsDouble(), 1e-12);
        assertEquals(model.trainingSettings(), ModelFile.read(new java.io.ByteArrayInputStream(bytes(model)))
            .trainingSettings());
    }

    @Test
    void newerVersion() throws Exception {
        String m = readError(withJson(bytes(model), j -> {
            j.addProperty("formatVersion", ModelFile.FORMAT_VERSION + 1);
            return j;
        }));
        assertTrue(m.contains("newer") && m.contains("format version " + (ModelFile.FORMAT_VERSION + 1)), m);
    }

    @Test
    void inconsistentSizes() throws Exception {
        String m = readError(withJson(bytes(model), j -> {
            j.getAsJsonObject("architecture").addProperty("subnet_width", 17);
            return j;
        }));
        assertTrue(m.contains("weights") && m.contains("needs"), m);
        m = readError(withJson(bytes(model), j -> {
            JsonArray a = new JsonArray();
            a.add(1.0);
            j.getAsJsonObject("standardisation").add("xStd", a);
            return j;
        }));
        assertTrue(m.contains("xStd"), m);
        m = readError(withJson(bytes(model), j -> {
            j.remove("architecture");
            return j;
        }));
        assertTrue(m.contains("corrupt or incomplete"), m);
    }

    @Test
    void oversizedEntries() throws Exception {
        byte[] b = bytes(model);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(b), 1000));
        assertTrue(e.getMessage().contains("oversized"), e.getMessage());
        // weights.bin is capped at exactly the size model.json implies: one byte more is rejected ...
        Map<String, byte[]> entries = entries(b);
        byte[] w = entries.get("weights.bin");
        long expected = ModelWeights.HEADER + 4L * model.parameters().length + 4;
        assertEquals(expected, w.length);
        entries.put("weights.bin", Arrays.copyOf(w, w.length + 1));
        String m = readError(zip(entries));
        assertTrue(m.contains("weights.bin") && m.contains("larger than the " + expected + " bytes")
                && m.contains(model.parameters().length + " float32 values"), m);
        // ... and so is a highly compressible entry of 64 MiB (a zip of about 64 KiB)
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("model.json"));
            z.write(entries.get("model.json"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("weights.bin"));
            z.write(w);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(bos.size() < 1 << 20, "the crafted file is small: " + bos.size());
        m = readError(bos.toByteArray());
        assertTrue(m.contains("larger than the " + expected + " bytes"), m);
        // the cap needs model.json first
        Map<String, byte[]> reversed = new LinkedHashMap<>();
        reversed.put("weights.bin", w);
        reversed.put("model.json", entries.get("model.json"));
        m = readError(zip(reversed));
        assertTrue(m.contains("weights.bin before model.json"), m);
    }

    @Test
    void badMembersAreNamedWithoutJavaClassNames() throws Exception {
        Map<String, UnaryOperator<JsonObject>> changes = new LinkedHashMap<>();
        changes.put("architecture.blocks", j -> {
            j.getAsJsonObject("architecture").remove("blocks");
            return j;
        });
        changes.put("architecture.subnet_width", j -> {
            j.getAsJsonObject("architecture").addProperty("subnet_width", "wide");
            return j;
        });
        changes.put("architecture.activation", j -> {
            j.getAsJsonObject("architecture").addProperty("activation", "SIGMOID");
            return j;
        });
        changes.put("trainingSettings.seed", j -> {
            j.getAsJsonObject("trainingSettings").addProperty("seed", 1.5);
            return j;
        });
        changes.put("info.history[1].best", j -> {
            j.getAsJsonObject("info").getAsJsonArray("history").get(1).getAsJsonObject().addProperty("best", 3);
            return j;
        });
        changes.put("xNames[0]", j -> {
            j.getAsJsonArray("xNames").set(0, new JsonObject());
            return j;
        });
        changes.put("standardisation", j -> {
            j.addProperty("standardisation", 7);
            return j;
        });
        changes.put("weights.valueType", j -> {
            j.getAsJsonObject("weights").addProperty("valueType", "float64");
            return j;
        });
        byte[] b = bytes(model);
        for (Map.Entry<String, UnaryOperator<JsonObject>> c : changes.entrySet()) {
            String m = readError(withJson(b, c.getValue()));
            assertTrue(m.contains("'" + c.getKey() + "'"), c.getKey() + ": " + m);
            assertFalse(m.contains("Exception") || m.contains("java.") || m.contains("com.google"), m);
        }
    }

    @Test
    void badDomainsMembersAreNamedByTheirPath() throws Exception {
        byte[] b;
        try (InputStream in = ModelFileTest.class.getResourceAsStream("/golden/domains-format-v2.cinn")) {
            b = in.readAllBytes();
        }
        Map<String, UnaryOperator<JsonObject>> changes = new LinkedHashMap<>();
        changes.put("domains", j -> {
            j.addProperty("domains", 7);
            return j;
        });
        changes.put("domains.columns[0].lower", j -> {
            j.getAsJsonObject("domains").getAsJsonArray("columns").get(0).getAsJsonObject().addProperty("lower", "x");
            return j;
        });
        changes.put("domains.compositions[0].shares[1]", j -> {
            j.getAsJsonObject("domains").getAsJsonArray("compositions").get(0).getAsJsonObject()
                    .getAsJsonArray("shares").set(1, new com.google.gson.JsonPrimitive(2));
            return j;
        });
        changes.put("domains.validationLogJacobian", j -> {
            j.getAsJsonObject("domains").remove("validationLogJacobian");
            return j;
        });
        for (Map.Entry<String, UnaryOperator<JsonObject>> c : changes.entrySet()) {
            String m = readError(withJson(b, c.getValue()));
            assertTrue(m.contains("corrupt or incomplete: the member '" + c.getKey() + "'"), c.getKey() + ": " + m);
            assertFalse(m.contains("Exception") || m.contains("java.") || m.contains("com.google"), m);
        }
    }

    // ------------------------------------------------------------------------------------------ golden files

    /**
     * Golden model files of format version 1, one per parameter layout of the 0.1.0 engine (as tribuo keeps one
     * golden file per model type): written once by the unchanged 0.1.0 engine and never regenerated. Each has
     * {@code <name>.cinn} and {@code <name>-io.json} (x, y, z, log-density of 20 rows; sampled designs of 3 targets
     * with their log-densities, for the newer files in the io file, for ik-format-v1 in {@code <name>-samples.json}).
     */
    static final String[] GOLDEN_V1 = {"ik-format-v1", "single-format-v1", "onecolumn-format-v1", "double-format-v1"};
    /**
     * Golden model files of format version 2 (spline couplings, written by the engine that introduced format 2; never
     * regenerated either): IK with 6 bins on [−2.5, 2.5], one design column with the AUTO default, and column domains
     * (a lower bound with a point mass, whole numbers, a composition; with the targets member).
     */
    static final String[] GOLDEN_V2 = {"spline-format-v2", "onecolumn-spline-format-v2", "domains-format-v2"};
    static final int GOLDEN_SAMPLES_PER_TARGET = 5;
    static final long GOLDEN_SAMPLE_SEED = 20261130L;

    static JsonObject readJson(String resource) throws IOException {
        try (InputStream in = ModelFileTest.class.getResourceAsStream(resource)) {
            return in == null ? null
                    : JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static CinnModel readGolden(String name) throws Exception {
        try (InputStream in = ModelFileTest.class.getResourceAsStream("/golden/" + name + ".cinn")) {
            assertTrue(in != null, "golden model file missing: " + name);
            return ModelFile.read(in);
        }
    }

    @Test
    void goldenFilesOfFormatVersion1Reproduce() throws Exception {
        goldenFilesReproduce(GOLDEN_V1, 1);
    }

    @Test
    void goldenFilesOfFormatVersion2Reproduce() throws Exception {
        goldenFilesReproduce(GOLDEN_V2, 2);
        assertEquals(CouplingType.SPLINE, readGolden("spline-format-v2").architecture().coupling());
        assertEquals(6, readGolden("spline-format-v2").architecture().bins());
        assertEquals(2.5, readGolden("spline-format-v2").architecture().tailBound());
        CinnModel dm = readGolden("domains-format-v2");
        assertTrue(dm.domains().column(0).massAtLower() && dm.domains().column(0).scale() > 0, "amount");
        assertTrue(dm.domains().isWholeNumber(1), "count");
        assertEquals(java.util.List.of("c", "h"), dm.domains().compositions().get(0).parts());
        assertTrue(dm.storedTargetRange() != null, "targets member");
        assertEquals(CouplingType.SPLINE, readGolden("onecolumn-spline-format-v2").architecture().coupling(),
                "AUTO is stored resolved: SPLINE for one design column");
    }

    @Test
    void formatVersion1FilesLoadWithTheirCouplingKind() throws Exception {
        // a one-column model of format 1 says GLOW and keeps meaning the element-wise affine transform
        CinnArchitecture a = readGolden("onecolumn-format-v1").architecture();
        assertEquals(CouplingType.GLOW, a.coupling());
        assertEquals(CinnArchitecture.DEFAULT_BINS, a.bins());
        assertEquals(CinnArchitecture.DEFAULT_TAIL_BOUND, a.tailBound());
        assertEquals(CouplingType.SINGLE, readGolden("single-format-v1").architecture().coupling());
    }

    static void goldenFilesReproduce(String[] names, int version) throws Exception {
        for (String name : names) {
            CinnModel g = readGolden(name);
            JsonObject io = readJson("/golden/" + name + "-io.json");
            assertTrue(io != null, "golden io file missing: " + name);
            // float models reproduce to float rounding, double models to double rounding
            double tol = g.architecture().precision() == Precision.DOUBLE ? 1e-10 : 1e-5;
            double[][] gx = matrix(io.getAsJsonArray("x"));
            double[][] gy = matrix(io.getAsJsonArray("y"));
            double[][] gz = matrix(io.getAsJsonArray("z"));
            double[] glp = vector(io.getAsJsonArray("logDensity"));
            ForwardResult f = g.forward(gx, gy);
            double[][] inv = g.inverse(gz, gy);
            for (int i = 0; i < gx.length; i++) {
                assertArrayEquals(gz[i], f.z()[i], tol, name + " z of row " + i);
                assertEquals(glp[i], f.logDensity()[i], tol * Math.max(1, Math.abs(glp[i])),
                        name + " log-density of row " + i);
                assertArrayEquals(gx[i], inv[i], 10 * tol, name + " inverse of row " + i);
            }
            JsonObject samples = io.has("samples") ? io.getAsJsonObject("samples")
                    : readJson("/golden/" + name + "-samples.json");
            assertTrue(samples != null, "golden samples missing: " + name);
            double[][] targets = matrix(samples.getAsJsonArray("targets"));
            double[][] designs = matrix(samples.getAsJsonArray("designs"));
            double[] slp = vector(samples.getAsJsonArray("logDensity"));
            JsonObject drawn = sampleGolden(g, targets);
            double[][] d2 = matrix(drawn.getAsJsonArray("designs"));
            double[] lp2 = vector(drawn.getAsJsonArray("logDensity"));
            assertEquals(designs.length, d2.length, name);
            for (int i = 0; i < designs.length; i++) {
                assertArrayEquals(designs[i], d2[i], 10 * tol * Math.max(1, Math.abs(designs[i][0])),
                        name + " sampled design " + i);
                assertEquals(slp[i], lp2[i], 10 * tol * Math.max(1, Math.abs(slp[i])),
                        name + " log-density of sampled design " + i);
            }
            assertEquals(version, g.info().formatVersion(), name);
        }
    }

    /** Designs sampled for the targets with the golden seed, and their log-densities. */
    static JsonObject sampleGolden(CinnModel m, double[][] targets) throws Exception {
        java.util.List<double[]> designs = new java.util.ArrayList<>();
        java.util.List<Double> lp = new java.util.ArrayList<>();
        m.sample(targets, GOLDEN_SAMPLES_PER_TARGET, 1.0, GOLDEN_SAMPLE_SEED, true, c -> {
            for (int r = 0; r < c.size(); r++) {
                designs.add(c.designs()[r]);
                lp.add(c.logDensity()[r]);
            }
        }, null);
        JsonObject o = new JsonObject();
        o.add("targets", json(targets));
        o.add("designs", json(designs.toArray(new double[0][])));
        JsonArray a = new JsonArray();
        lp.forEach(a::add);
        o.add("logDensity", a);
        return o;
    }

    static double[][] matrix(JsonArray a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i).getAsJsonArray());
        }
        return m;
    }

    static double[] vector(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    /**
     * Writes the golden files that do not exist yet (run with {@code -Dcinn.generateGolden=true}). Existing golden
     * files are never overwritten: a golden file is written once, by the engine version whose format it pins.
     */
    @Test
    void generateGolden() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("cinn.generateGolden"),
                "golden generator runs only with -Dcinn.generateGolden=true");
        Path dir = Path.of("src/test/resources/golden");
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve("ik-format-v1-samples.json"))) {
            CinnModel ik = readGolden("ik-format-v1");
            double[][] t = Arrays.copyOf(y, 3);
            Files.writeString(dir.resolve("ik-format-v1-samples.json"), sampleGolden(ik, t).toString());
        }
        for (String name : java.util.stream.Stream.concat(Arrays.stream(GOLDEN_V1), Arrays.stream(GOLDEN_V2))
                .toList()) {
            if (name.endsWith("-v1") && !Files.exists(dir.resolve(name + ".cinn"))) {
                throw new IllegalStateException(name + ": format-1 golden files come only from the 0.1.0 engine");
            }
            if (Files.exists(dir.resolve(name + ".cinn"))) {
                continue;
            }
            writeGolden(dir, name, goldenModel(name));
        }
    }

    /** The data and architecture of each golden file (small, seeded). */
    static Object[] goldenModel(String name) throws Exception {
        double[][] gx;
        double[][] gy;
        String[] xn;
        String[] yn;
        CinnArchitecture a = CinnArchitecture.defaults().withBlocks(3).withSubnetWidth(16);
        if (name.startsWith("onecolumn")) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(11);
            gx = new double[800][1];
            gy = new double[800][1];
            for (int i = 0; i < gx.length; i++) {
                gx[i][0] = 4 * r.nextDouble() - 2;
                gy[i][0] = gx[i][0] * gx[i][0] + 0.05 * (r.nextDouble() - 0.5);
            }
            xn = new String[] {"x"};
            yn = new String[] {"y"};
        } else {
            gx = InverseKinematics.samplePrior(1500, 5);
            gy = InverseKinematics.forward(gx);
            xn = InverseKinematics.X_NAMES;
            yn = InverseKinematics.Y_NAMES;
        }
        if (name.equals("spline-format-v2")) {
            a = a.withCoupling(CouplingType.SPLINE).withBins(6).withTailBound(2.5);
        } else if (name.equals("onecolumn-spline-format-v2")) {
            a = a.withCoupling(CouplingType.AUTO);
        } else if (name.startsWith("single")) {
            a = a.withCoupling(CouplingType.SINGLE).withBlocks(4);
        } else if (name.startsWith("double")) {
            a = a.withPrecision(Precision.DOUBLE).withActNorm(true).withActivation(Activation.TANH);
        }
        org.cinn4knime.engine.domain.DomainSpec spec = org.cinn4knime.engine.domain.DomainSpec.INFER;
        if (name.startsWith("domains")) {
            // amount ≥ 0 with 20 % exact zeros, count whole 0..5, c + h ≤ 100 (a remainder such as ash)
            java.util.SplittableRandom r = new java.util.SplittableRandom(13);
            gx = new double[1000][4];
            gy = new double[1000][1];
            for (int i = 0; i < gx.length; i++) {
                double t = r.nextDouble();
                gx[i][0] = r.nextDouble() < 0.2 ? 0 : -Math.log(r.nextDouble()) * (1 + t);
                gx[i][1] = Math.min(5, Math.floor(-Math.log(r.nextDouble()) * (1 + t)));
                gx[i][2] = 40 + 20 * t + 5 * r.nextDouble();
                gx[i][3] = 5 + 10 * r.nextDouble();
                gy[i][0] = t;
            }
            xn = new String[] {"amount", "count", "c", "h"};
            yn = new String[] {"t"};
            spec = org.cinn4knime.engine.domain.DomainSpec.parse("composition c,h<=100");
        }
        CinnModel m = CinnTrainer.train(new TrainingData(xn, gx, yn, gy, null), a,
                TrainingSettings.defaults().withEpochs(2).withBatchSize(100), spec, null).model();
        return new Object[] {m, gx, gy};
    }

    static void writeGolden(Path dir, String name, Object[] spec) throws Exception {
        CinnModel m = (CinnModel) spec[0];
        double[][] gx = Arrays.copyOf((double[][]) spec[1], 20);
        double[][] gy = Arrays.copyOf((double[][]) spec[2], 20);
        try (OutputStream os = Files.newOutputStream(dir.resolve(name + ".cinn"))) {
            ModelFile.write(m, os);
        }
        ForwardResult f = m.forward(gx, gy);
        JsonObject io = new JsonObject();
        io.add("x", json(gx));
        io.add("y", json(gy));
        io.add("z", json(f.z()));
        JsonArray lp = new JsonArray();
        Arrays.stream(f.logDensity()).forEach(lp::add);
        io.add("logDensity", lp);
        io.add("samples", sampleGolden(m, Arrays.copyOf(gy, 3)));
        Files.writeString(dir.resolve(name + "-io.json"), io.toString());
    }

    static JsonArray json(double[][] m) {
        JsonArray a = new JsonArray();
        for (double[] r : m) {
            JsonArray ra = new JsonArray();
            Arrays.stream(r).forEach(ra::add);
            a.add(ra);
        }
        return a;
    }
}
