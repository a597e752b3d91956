package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Library versions are read from the jars and the bundle manifest, not written into the code. */
class LibraryVersionsTest {

    static Manifest manifest(String text) throws IOException {
        return new Manifest(new ByteArrayInputStream(("Manifest-Version: 1.0\n" + text + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bundleVersionComesFromTheManifestWithOurSymbolicName() throws Exception {
        List<Manifest> ms = List.of(manifest("Implementation-Version: 9.9"),
                manifest("Bundle-SymbolicName: org.bytedeco.javacpp\nBundle-Version: 1.5.7"),
                manifest("Bundle-SymbolicName: org.cinn4knime;singleton:=true\nBundle-Version: 0.1.0.v202611282215"));
        assertEquals("0.1.0.v202611282215", LibraryVersions.bundleVersion(ms, "org.cinn4knime"));
        assertEquals("1.5.7", LibraryVersions.bundleVersion(ms, "org.bytedeco.javacpp"));
        assertNull(LibraryVersions.bundleVersion(ms, "org.cinn4knime.other"));
        assertNull(LibraryVersions.bundleVersion(List.of(), "org.cinn4knime"));
    }

    @Test
    void cinn4knimeVersionIsTheBuiltBundleVersion() throws Exception {
        // on the test class path our classes come from target/classes, whose META-INF/MANIFEST.MF the build wrote
        // from META-INF/MANIFEST.MF with ".qualifier" replaced by the build time
        Path source = Path.of("META-INF", "MANIFEST.MF");
        Assumptions.assumeTrue(Files.isRegularFile(source), "run from the repository root");
        Manifest m;
        try (InputStream in = Files.newInputStream(source)) {
            m = new Manifest(in);
        }
        String declared = m.getMainAttributes().getValue("Bundle-Version");
        assertTrue(declared.endsWith(".qualifier"), declared);
        String v = LibraryVersions.cinn4knime();
        assertTrue(v.startsWith(declared.substring(0, declared.length() - "qualifier".length())), v);
        assertFalse(v.contains("qualifier") || v.contains("dev"), v);
        assertTrue(v.length() > "0.1.0.".length(), v);
    }

    @Test
    void nd4jAndJavacppVersionsComeFromTheirJars() {
        // the versions pinned in pom.xml, read from META-INF/maven/**/pom.properties of the jars on the class path
        assertEquals("1.0.0-M2.1", LibraryVersions.nd4j());
        assertEquals("1.5.7", LibraryVersions.javacpp());
        assertEquals(LibraryVersions.UNKNOWN, LibraryVersions.maven(LibraryVersionsTest.class, "no.such", "thing"));
        Map<String, String> all = LibraryVersions.current();
        assertEquals(List.of("cinn4knime", "nd4j", "java", "os.name", "os.arch"), List.copyOf(all.keySet()));
        assertEquals(System.getProperty("java.version"), all.get("java"));
        assertEquals(System.getProperty("os.name"), all.get("os.name"), "provenance: the operating system");
        assertEquals(System.getProperty("os.arch"), all.get("os.arch"), "provenance: the architecture");
    }
}
