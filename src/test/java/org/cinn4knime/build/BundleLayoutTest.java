package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the hand-written OSGi metadata (META-INF/MANIFEST.MF, the native fragments' manifests, plugin.xml,
 * feature/feature.xml, feature/p2.inf) against each other and against what the build copies into the bundle's lib/.
 * The built jars themselves are checked by PackagingIT and, inside a running Equinox, by EquinoxIT.
 */
class BundleLayoutTest {

    static final String BUNDLE = "org.cinn4knime";
    static final String FEATURE = "org.cinn4knime.feature";

    /** classifier -> {symbolic name, osgi.os, osgi.arch} of each native fragment */
    static final Map<String, String[]> FRAGMENTS = new LinkedHashMap<>();
    static {
        FRAGMENTS.put("linux-x86_64", new String[] {"org.cinn4knime.native.linux.x86_64", "linux", "x86_64"});
        FRAGMENTS.put("windows-x86_64", new String[] {"org.cinn4knime.native.win32.x86_64", "win32", "x86_64"});
        FRAGMENTS.put("macosx-x86_64", new String[] {"org.cinn4knime.native.macosx.x86_64", "macosx", "x86_64"});
        FRAGMENTS.put("macosx-arm64", new String[] {"org.cinn4knime.native.macosx.aarch64", "macosx", "aarch64"});
    }

    static final List<String> FACTORIES = List.of("org.cinn4knime.nodes.learner.CinnLearnerNodeFactory",
        "org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory", "org.cinn4knime.nodes.scorer.CinnScorerNodeFactory");

    private static String bundleVersion() {
        String v = System.getProperty("cinn.bundle.version");
        assertNotNull(v, "system property cinn.bundle.version is not set (surefire passes it from pom.xml)");
        return v;
    }

    static Attributes manifest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    static ManifestElement[] header(Attributes attrs, String name, Path file) throws Exception {
        String value = attrs.getValue(name);
        assertNotNull(value, file + " has no " + name + " header");
        return ManifestElement.parseHeader(name, value);
    }

    static List<String> classPath(Attributes attrs, Path file) throws Exception {
        return Arrays.stream(header(attrs, "Bundle-ClassPath", file)).map(ManifestElement::getValue)
            .collect(Collectors.toList());
    }

    @Test
    void bundleManifestDeclaresWhatKnimeNeeds() throws Exception {
        Path mf = Paths.get("META-INF/MANIFEST.MF");
        Attributes a = manifest(mf);
        assertEquals("2", a.getValue("Bundle-ManifestVersion"), mf + ": Bundle-ManifestVersion");
        ManifestElement[] bsn = header(a, "Bundle-SymbolicName", mf);
        assertEquals(BUNDLE, bsn[0].getValue(), mf + ": Bundle-SymbolicName");
        assertEquals("true", bsn[0].getDirective("singleton"),
            mf + ": Bundle-SymbolicName needs singleton:=true, or Equinox's registry ignores plugin.xml");
        assertEquals(bundleVersion() + ".qualifier", a.getValue("Bundle-Version"),
            mf + ": Bundle-Version must be <bundle.version from pom.xml>.qualifier");
        assertEquals("JavaSE-17", a.getValue("Bundle-RequiredExecutionEnvironment"), mf + ": BREE");
        assertEquals("lazy", a.getValue("Bundle-ActivationPolicy"), mf + ": Bundle-ActivationPolicy");

        Map<String, ManifestElement> required = new LinkedHashMap<>();
        for (ManifestElement e : header(a, "Require-Bundle", mf)) {
            required.put(e.getValue(), e);
        }
        // extension points (org.knime.workbench.repository.nodes, ...) resolve by id: only the bundle whose classes
        // ours load is required
        assertEquals(List.of("org.knime.core"), List.copyOf(required.keySet()), mf + ": Require-Bundle");
        for (String knime : List.of("org.knime.core")) {
            ManifestElement e = required.get(knime);
            assertNotNull(e, mf + ": Require-Bundle lacks " + knime);
            String range = e.getAttribute("bundle-version");
            assertNotNull(range, mf + ": Require-Bundle " + knime + " has no bundle-version range");
            VersionRange r = new VersionRange(range);
            for (String ok : List.of("5.2.0", "5.2.6", "5.5.3", "5.12.0")) {
                assertTrue(r.includes(new Version(ok)), mf + ": " + knime + " range " + range + " excludes KNIME " + ok);
            }
            assertFalse(r.includes(new Version("5.1.0")), mf + ": " + knime + " range " + range + " admits 5.1");
            assertFalse(r.includes(new Version("6.0.0")), mf + ": " + knime + " range " + range + " admits 6.0");
        }

        ManifestElement[] imports = header(a, "Import-Package", mf);
        ManifestElement sunMisc = Arrays.stream(imports).filter(e -> e.getValue().equals("sun.misc")).findFirst()
            .orElseThrow(() -> new AssertionError(mf + ": Import-Package lacks sun.misc (JavaCPP needs sun.misc.Unsafe)"));
        assertEquals("optional", sunMisc.getDirective("resolution"), mf + ": sun.misc must be resolution:=optional");
        // ND4J logs through SLF4J: the API comes from KNIME (its binding writes to KNIME's log), never from lib/
        ManifestElement slf4j = Arrays.stream(imports).filter(e -> e.getValue().equals("org.slf4j")).findFirst()
            .orElseThrow(() -> new AssertionError(mf + ": Import-Package lacks org.slf4j (ND4J logs through it)"));
        assertNull(slf4j.getDirective("resolution"), mf + ": org.slf4j is a mandatory import");
        VersionRange slf4jRange = new VersionRange(slf4j.getAttribute("version"));
        for (String ok : List.of("1.7.36", "2.0.9", "2.0.16")) { // what KNIME 5.2 ... 5.5 ship
            assertTrue(slf4jRange.includes(new Version(ok)), mf + ": org.slf4j range " + slf4jRange + " excludes " + ok);
        }
        assertFalse(slf4jRange.includes(new Version("3.0.0")), mf + ": org.slf4j range admits 3.0");
        assertTrue(classPath(a, mf).stream().noneMatch(j -> j.contains("slf4j")),
            mf + ": slf4j must not be bundled (KNIME provides it): " + classPath(a, mf));
    }

    /** The declared Bundle-ClassPath must list exactly "." and the jars the build copies into lib/. */
    @Test
    void bundleClassPathMatchesTheLibFolder() throws Exception {
        Path mf = Paths.get("META-INF/MANIFEST.MF");
        List<String> declared = classPath(manifest(mf), mf);
        assertEquals(".", declared.get(0), mf + ": Bundle-ClassPath must start with '.' (the bundle's own classes)");
        assertEquals(declared.size(), new TreeSet<>(declared).size(), mf + ": Bundle-ClassPath has duplicates: " + declared);

        String libProp = System.getProperty("cinn.bundle.lib");
        assertNotNull(libProp, "system property cinn.bundle.lib is not set (surefire passes it from pom.xml)");
        Path lib = Paths.get(libProp);
        assertTrue(Files.isDirectory(lib), lib + " does not exist: the build's dependency:copy-dependencies (bundle-lib) did not run");
        Set<String> copied;
        try (Stream<Path> s = Files.list(lib)) {
            copied = s.map(p -> "lib/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = new TreeSet<>(declared.subList(1, declared.size()));
        Set<String> missing = new TreeSet<>(copied);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(copied);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail(mf + ": Bundle-ClassPath does not match " + lib + ". Add to Bundle-ClassPath: " + missing
                + "; remove from Bundle-ClassPath (not copied by the build): " + stale);
        }
        for (String jar : copied) {
            for (String classifier : FRAGMENTS.keySet()) {
                assertFalse(jar.endsWith("-" + classifier + ".jar"), jar + " is a native classifier jar: it belongs in the "
                    + classifier + " fragment, not in the bundle");
            }
            assertFalse(jar.startsWith("lib/picocli") || jar.startsWith("lib/commons-csv"),
                jar + " is only used by the command line and must not be in the bundle");
        }
        assertTrue(copied.stream().anyMatch(j -> j.startsWith("lib/nd4j-native-")), "lib/ has no nd4j-native: " + copied);
        assertTrue(copied.stream().anyMatch(j -> j.startsWith("lib/gson-")), "lib/ has no gson: " + copied);
        // the engine's statistics (engine/stats) and the port view's loss curve call these directly
        assertTrue(copied.stream().anyMatch(j -> j.startsWith("lib/commons-math3-")), "lib/ has no commons-math3: " + copied);
        assertTrue(copied.stream().anyMatch(j -> j.startsWith("lib/jfreechart-")), "lib/ has no jfreechart: " + copied);
    }

    @Test
    void nativeFragmentsAttachToTheBundleOnTheirPlatform() throws Exception {
        Version host = new Version(bundleVersion());
        Properties pom = pomProperties();
        for (Map.Entry<String, String[]> f : FRAGMENTS.entrySet()) {
            String classifier = f.getKey();
            Path mf = Paths.get("fragments", classifier, "META-INF", "MANIFEST.MF");
            assertTrue(Files.isRegularFile(mf), "missing fragment manifest " + mf);
            Attributes a = manifest(mf);
            assertEquals(f.getValue()[0], header(a, "Bundle-SymbolicName", mf)[0].getValue(), mf + ": Bundle-SymbolicName");
            assertEquals(bundleVersion() + ".qualifier", a.getValue("Bundle-Version"), mf + ": Bundle-Version");
            ManifestElement fh = header(a, "Fragment-Host", mf)[0];
            assertEquals(BUNDLE, fh.getValue(), mf + ": Fragment-Host");
            VersionRange hostRange = new VersionRange(fh.getAttribute("bundle-version"));
            assertTrue(hostRange.includes(host), mf + ": Fragment-Host range " + hostRange + " excludes bundle " + host);
            String filter = "(&(osgi.os=" + f.getValue()[1] + ")(osgi.arch=" + f.getValue()[2] + "))";
            assertEquals(filter, a.getValue("Eclipse-PlatformFilter"), mf + ": Eclipse-PlatformFilter");
            List<String> expected = List.of(
                "lib/nd4j-native-" + pom.getProperty("nd4j.version") + "-" + classifier + ".jar",
                "lib/openblas-" + pom.getProperty("openblas.version") + "-" + classifier + ".jar",
                "lib/javacpp-" + pom.getProperty("javacpp.version") + "-" + classifier + ".jar");
            assertEquals(expected, classPath(a, mf), mf + ": Bundle-ClassPath must be the three classifier jars");
        }
    }

    @Test
    void featureListsTheBundleAndEveryFragmentWithQualifiedVersions() throws Exception {
        Path fx = Paths.get("feature/feature.xml");
        Element feature = parse(fx).getDocumentElement();
        String qualified = bundleVersion() + ".qualifier";
        assertEquals(FEATURE, feature.getAttribute("id"), fx + ": feature id");
        assertEquals(qualified, feature.getAttribute("version"), fx + ": feature version");
        Map<String, Element> plugins = new LinkedHashMap<>();
        NodeList nl = feature.getElementsByTagName("plugin");
        for (int i = 0; i < nl.getLength(); i++) {
            Element p = (Element)nl.item(i);
            plugins.put(p.getAttribute("id"), p);
            assertEquals(qualified, p.getAttribute("version"), fx + ": plugin " + p.getAttribute("id")
                + " must have version " + qualified + " (not 0.0.0)");
            assertEquals("false", p.getAttribute("unpack"), fx + ": plugin " + p.getAttribute("id") + " unpack");
        }
        List<String> expectedIds = new ArrayList<>();
        expectedIds.add(BUNDLE);
        FRAGMENTS.values().forEach(v -> expectedIds.add(v[0]));
        assertEquals(new TreeSet<>(expectedIds), new TreeSet<>(plugins.keySet()), fx + ": plugin ids");
        for (String[] frag : FRAGMENTS.values()) {
            Element p = plugins.get(frag[0]);
            assertEquals("true", p.getAttribute("fragment"), fx + ": " + frag[0] + " must be fragment=\"true\"");
            assertEquals(frag[1], p.getAttribute("os"), fx + ": " + frag[0] + " os");
            assertEquals(frag[2], p.getAttribute("arch"), fx + ": " + frag[0] + " arch");
        }

        Path inf = Paths.get("feature/p2.inf");
        Properties p2 = new Properties();
        try (InputStream in = Files.newInputStream(inf)) {
            p2.load(in);
        }
        assertEquals("org.eclipse.equinox.p2.type.category", p2.getProperty("units.0.properties.0.name"), inf + ": category property");
        assertEquals("true", p2.getProperty("units.0.properties.0.value"), inf + ": category property value");
        assertEquals(FEATURE + ".feature.group", p2.getProperty("units.0.requires.0.name"),
            inf + ": the category must contain the feature group");
    }

    @Test
    void pluginXmlContributesCategoryNodesAndPortTypeToKnimeExtensionPoints() throws Exception {
        Path px = Paths.get("plugin.xml");
        Document doc = parse(px);
        NodeList exts = doc.getDocumentElement().getElementsByTagName("extension");
        Map<String, Element> byPoint = new LinkedHashMap<>();
        for (int i = 0; i < exts.getLength(); i++) {
            Element e = (Element)exts.item(i);
            assertNull(byPoint.put(e.getAttribute("point"), e), px + ": two extensions for " + e.getAttribute("point"));
        }
        assertEquals(Set.of("org.knime.workbench.repository.categories", "org.knime.workbench.repository.nodes",
            "org.knime.core.PortType"), byPoint.keySet(), px + ": extension points");

        Element cat = only(byPoint.get("org.knime.workbench.repository.categories"), "category", px);
        for (String attr : List.of("name", "path", "level-id")) {
            assertFalse(cat.getAttribute(attr).isBlank(), px + ": category needs " + attr);
        }
        Path icon = Paths.get(cat.getAttribute("icon"));
        assertEquals(Paths.get("icons/cinn-category.png"), icon, px + ": category icon");
        assertTrue(Files.isRegularFile(icon), px + ": category icon " + icon + " does not exist");
        String categoryPath = cat.getAttribute("path").replaceAll("/$", "") + "/" + cat.getAttribute("level-id");

        NodeList nodes = byPoint.get("org.knime.workbench.repository.nodes").getElementsByTagName("node");
        List<String> factories = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element)nodes.item(i);
            factories.add(n.getAttribute("factory-class"));
            assertEquals(categoryPath, n.getAttribute("category-path"),
                px + ": node " + n.getAttribute("factory-class") + " is not in the cINN category");
        }
        assertEquals(FACTORIES, factories, px + ": node factories");

        Element port = only(byPoint.get("org.knime.core.PortType"), "portType", px);
        assertEquals("org.cinn4knime.nodes.port.CinnPortObject", port.getAttribute("objectClass"), px + ": objectClass");
        assertEquals("org.cinn4knime.nodes.port.CinnPortObject$Serializer", port.getAttribute("objectSerializer"),
            px + ": objectSerializer");
        assertEquals("org.cinn4knime.nodes.port.CinnPortObjectSpec", port.getAttribute("specClass"), px + ": specClass");
        assertEquals("org.cinn4knime.nodes.port.CinnPortObjectSpec$Serializer", port.getAttribute("specSerializer"),
            px + ": specSerializer");
        assertTrue(port.getAttribute("color").matches("#[0-9a-fA-F]{6}"), px + ": portType color must be #rrggbb");
        assertFalse(port.getAttribute("name").isBlank(), px + ": portType needs a name");
    }

    private static Element only(Element parent, String tag, Path file) {
        NodeList nl = parent.getElementsByTagName(tag);
        assertEquals(1, nl.getLength(), file + ": expected exactly one <" + tag + ">");
        return (Element)nl.item(0);
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    /** The version properties of pom.xml (nd4j.version, openblas.version, javacpp.version, ...). */
    static Properties pomProperties() throws Exception {
        Element props = (Element)parse(Paths.get("pom.xml")).getDocumentElement().getElementsByTagName("properties").item(0);
        Properties p = new Properties();
        NodeList nl = props.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element) {
                p.setProperty(nl.item(i).getNodeName(), nl.item(i).getTextContent().trim());
            }
        }
        for (String key : List.of("nd4j.version", "openblas.version", "javacpp.version")) {
            assertNotNull(p.getProperty(key), "pom.xml has no property " + key);
        }
        return p;
    }
}
