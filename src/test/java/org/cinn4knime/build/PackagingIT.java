package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks what the build ships: the update-site zip (p2 metadata with a category, feature, bundle, fragment), the
 * bundle jar's class path against its lib/ folder, and the command-line fat jar's contents.
 */
class PackagingIT {

    private final String osgiVersion = System.getProperty("cinn.osgi.version");
    private final Path zip = EquinoxIT.property("cinn.site.zip");

    @Test
    void updateSiteZipIsAP2RepositoryWithCategoryFeatureBundleAndFragment() throws Exception {
        assertNotNull(osgiVersion, "system property cinn.osgi.version is not set");
        assertFalse(osgiVersion.endsWith(".qualifier"), "qualifier not replaced: " + osgiVersion);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Set<String> names = z.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
            for (String expected : List.of("content.jar", "artifacts.jar",
                "features/org.cinn4knime.feature_" + osgiVersion + ".jar",
                "plugins/org.cinn4knime_" + osgiVersion + ".jar",
                "plugins/org.cinn4knime.native.linux.x86_64_" + osgiVersion + ".jar")) {
                assertTrue(names.contains(expected), zip + " lacks " + expected + "; it has " + names);
            }
            // -Prelease: every platform fragment that feature.xml lists is in the site
            if (Boolean.getBoolean("cinn.natives.release")) {
                for (String[] fragment : BundleLayoutTest.FRAGMENTS.values()) {
                    String expected = "plugins/" + fragment[0] + "_" + osgiVersion + ".jar";
                    assertTrue(names.contains(expected), "release build: " + zip + " lacks " + expected);
                }
            }

            Document content = xmlInJar(z, "content.jar", "content.xml");
            Map<String, Element> units = new HashMap<>();
            NodeList nl = content.getElementsByTagName("unit");
            for (int i = 0; i < nl.getLength(); i++) {
                Element u = (Element)nl.item(i);
                units.put(u.getAttribute("id"), u);
            }
            Element category = units.get("org.cinn4knime.category");
            assertNotNull(category, "content.xml has no category unit; units: " + units.keySet());
            assertEquals("true", property(category, "org.eclipse.equinox.p2.type.category"), "category unit property");
            assertTrue(requires(category).contains("org.cinn4knime.feature.feature.group"),
                "the category does not contain the feature: " + requires(category));

            Element group = units.get("org.cinn4knime.feature.feature.group");
            assertNotNull(group, "content.xml has no feature group; units: " + units.keySet());
            assertEquals(osgiVersion, group.getAttribute("version"), "feature version");
            List<String> req = requires(group);
            assertTrue(req.containsAll(List.of("org.cinn4knime", "org.cinn4knime.native.linux.x86_64",
                "org.knime.core")), "feature group requirements: " + req);
            assertFalse(req.contains("org.knime.workbench.repository"),
                "extension points resolve by id: the feature must not require org.knime.workbench.repository");
            for (String unit : List.of("org.cinn4knime", "org.cinn4knime.native.linux.x86_64")) {
                assertNotNull(units.get(unit), "content.xml has no unit " + unit);
                assertEquals(osgiVersion, units.get(unit).getAttribute("version"), unit + " version");
            }
            Document artifacts = xmlInJar(z, "artifacts.jar", "artifacts.xml");
            Set<String> artifactIds = new TreeSet<>();
            NodeList al = artifacts.getElementsByTagName("artifact");
            for (int i = 0; i < al.getLength(); i++) {
                artifactIds.add(((Element)al.item(i)).getAttribute("id"));
            }
            assertTrue(artifactIds.containsAll(List.of("org.cinn4knime", "org.cinn4knime.native.linux.x86_64",
                "org.cinn4knime.feature")), "artifacts.xml lists " + artifactIds);

            try (JarInputStream feature = new JarInputStream(z.getInputStream(
                z.getEntry("features/org.cinn4knime.feature_" + osgiVersion + ".jar")))) {
                boolean sawFeatureXml = false;
                for (ZipEntry e; (e = feature.getNextEntry()) != null;) {
                    if (e.getName().equals("feature.xml")) {
                        String xml = new String(feature.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        assertFalse(xml.contains(".qualifier"), "feature.xml in the feature jar still has .qualifier");
                        assertTrue(xml.contains("version=\"" + osgiVersion + "\""), "feature.xml lacks " + osgiVersion);
                        sawFeatureXml = true;
                    }
                }
                assertTrue(sawFeatureXml, "the feature jar has no feature.xml");
            }
        }
    }

    /** The built bundle: Bundle-ClassPath names exactly the jars under lib/, no stand-in classes, no natives. */
    @Test
    void builtBundleClassPathMatchesItsLibFolder() throws Exception {
        Path dir = EquinoxIT.property("cinn.it.work").resolveSibling("packaging-it");
        EquinoxIT.deleteTree(dir);
        Path jar = EquinoxIT.extract(zip, "plugins/org.cinn4knime_" + osgiVersion + ".jar", Files.createDirectories(dir));
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes a = j.getManifest().getMainAttributes();
            assertEquals(osgiVersion, a.getValue("Bundle-Version"), "built Bundle-Version");
            List<String> cp = Arrays.stream(ManifestElement.parseHeader("Bundle-ClassPath", a.getValue("Bundle-ClassPath")))
                .map(ManifestElement::getValue).collect(Collectors.toList());
            Set<String> libJars = new TreeSet<>();
            List<String> wrong = new ArrayList<>();
            j.stream().forEach(e -> {
                String n = e.getName();
                if (n.startsWith("lib/") && !e.isDirectory()) {
                    libJars.add(n);
                }
                if (n.startsWith("org/knime/")) {
                    wrong.add(n + " (KNIME API stand-in)");
                }
                if (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib")) {
                    wrong.add(n + " (native library: belongs in a fragment)");
                }
                if (n.startsWith("org/cinn4knime/cli/") || n.startsWith("org/cinn4knime/bench/")) {
                    wrong.add(n + " (command line / benchmark: needs picocli or commons-csv, not in lib/)");
                }
                if (n.startsWith("lib/slf4j")) {
                    wrong.add(n + " (slf4j comes from KNIME through Import-Package)");
                }
            });
            assertEquals(List.of(), wrong, "entries that must not be in the bundle");
            assertEquals(new TreeSet<>(cp.subList(1, cp.size())), libJars, "built Bundle-ClassPath vs lib/ in the jar");
            assertNotNull(j.getEntry("plugin.xml"), "bundle has no plugin.xml");
            assertNotNull(j.getEntry("icons/cinn-category.png"), "bundle has no category icon");
            assertNotNull(j.getEntry("org/cinn4knime/engine/CinnTrainer.class"), "bundle has no engine");
            assertNotNull(j.getEntry("org/cinn4knime/nodes/learner/CinnLearnerNodeFactory.class"), "bundle has no nodes");
        }
        Files.delete(jar);
    }

    /** target/cinn4knime-cli.jar: runnable, with ND4J and the linux natives, without KNIME or node classes. */
    @Test
    void cliJarHasEngineLibrariesAndNativesButNoKnime() throws Exception {
        Path cli = zip.resolveSibling("cinn4knime-cli.jar");
        assertTrue(Files.isRegularFile(cli), cli + " was not built");
        try (JarFile j = new JarFile(cli.toFile())) {
            assertEquals("org.cinn4knime.cli.CinnCli", j.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> forbidden = new ArrayList<>();
            j.stream().map(ZipEntry::getName).forEach(n -> {
                if (n.startsWith("org/knime/") || n.startsWith("org/cinn4knime/nodes/") || n.startsWith("lib/")
                    || n.equals("plugin.xml")) {
                    forbidden.add(n);
                }
            });
            assertEquals(List.of(), forbidden, "entries that must not be in the command-line jar");
            for (String needed : List.of("org/nd4j/linalg/factory/Nd4j.class",
                "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libjnind4jcpu.so",
                "org/bytedeco/openblas/linux-x86_64/libjniopenblas_nolapack.so", "picocli/CommandLine.class",
                "org/apache/commons/csv/CSVFormat.class", "com/google/gson/Gson.class",
                "org/jfree/chart/JFreeChart.class", "org/apache/commons/math3/distribution/ChiSquaredDistribution.class",
                "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend")) {
                assertNotNull(j.getEntry(needed), cli + " lacks " + needed);
            }
            assertNotNull(j.getEntry("org/cinn4knime/cli/CinnCli.class"), cli + " lacks the CLI main class");
            assertNotNull(j.getEntry("org/cinn4knime/bench/IkBenchmark.class"), cli + " lacks the benchmark");
            assertNotNull(j.getEntry("org/cinn4knime/engine/CinnTrainer.class"), cli + " lacks the engine");
        }
    }

    /**
     * The fat jar runs on its own (fresh JVM, nothing else on the class path): ND4J's backend is found through the
     * merged META-INF/services files and the natives load from inside the jar; train one epoch, then sample.
     */
    @Test
    void cliJarTrainsAndSamplesInAFreshJvm() throws Exception {
        Path cli = zip.resolveSibling("cinn4knime-cli.jar");
        Path dir = EquinoxIT.property("cinn.it.work").resolveSibling("cli-it");
        EquinoxIT.deleteTree(dir);
        Files.createDirectories(dir);
        StringBuilder train = new StringBuilder("a,b,p\n");
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 200; i++) {
            double y = rnd.nextDouble() * 2 - 1;
            train.append(y + 0.1 * rnd.nextGaussian()).append(',').append(2 * y).append(',').append(y).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("targets.csv"), "p\n-0.5\n0.5\n");
        run(cli, dir, "train", "--data", "train.csv", "--x", "a,b", "--y", "p", "--model", "model.cinn", "--epochs", "1",
            "--batch", "64", "--blocks", "2", "--width", "16", "--seed", "3");
        assertTrue(Files.size(dir.resolve("model.cinn")) > 0, "train wrote no model");
        run(cli, dir, "sample", "--model", "model.cinn", "--targets", "targets.csv", "--n", "5", "--seed", "3", "--out",
            "designs.csv");
        List<String> lines = Files.readAllLines(dir.resolve("designs.csv"));
        assertEquals(1 + 2 * 5, lines.size(), "designs.csv: header + 2 targets x 5 samples; got " + lines);
    }

    private static void run(Path cli, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-jar", cli.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "cinn4knime-cli.jar " + args[0] + " hung");
        assertEquals(0, proc.exitValue(), "java -jar cinn4knime-cli.jar " + String.join(" ", args) + " failed:\n" + out);
        // JavaCPP checks its presets' versions through META-INF/maven/**/pom.properties: the shade step must keep them
        assertFalse(out.contains("could not be found"), "cinn4knime-cli.jar " + args[0] + " printed:\n" + out);
    }

    private static Document xmlInJar(ZipFile zip, String jarName, String xmlName) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(jarName)); ZipInputStream jar = new ZipInputStream(in)) {
            for (ZipEntry e; (e = jar.getNextEntry()) != null;) {
                if (e.getName().equals(xmlName)) {
                    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(jar.readAllBytes()));
                }
            }
        }
        throw new IOException(jarName + " in the update-site zip has no " + xmlName);
    }

    private static String property(Element unit, String name) {
        NodeList nl = unit.getElementsByTagName("property");
        for (int i = 0; i < nl.getLength(); i++) {
            Element p = (Element)nl.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    private static List<String> requires(Element unit) {
        List<String> out = new ArrayList<>();
        NodeList nl = unit.getElementsByTagName("required");
        for (int i = 0; i < nl.getLength(); i++) {
            out.add(((Element)nl.item(i)).getAttribute("name"));
        }
        return out;
    }
}
