package org.cinn4knime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The versions of the libraries that are actually running, read from their jars (recorded in every model file):
 * cinn4knime from its jar's Implementation-Version (command line) or its bundle manifest's Bundle-Version (KNIME),
 * ND4J and JavaCPP from the Maven metadata inside their jars; beside them the Java version and the operating system
 * and architecture (provenance: which native libraries computed the model).
 */
final class LibraryVersions {
    /** Bundle-SymbolicName of the cinn4knime bundle. */
    static final String BUNDLE = "org.cinn4knime";
    static final String UNKNOWN = "unknown";

    private LibraryVersions() {
    }

    /**
     * cinn4knime, nd4j and java versions, then the operating system and architecture the model was trained on
     * ({@code os.name}, {@code os.arch}: the native BLAS differs between platforms, so float results may too), in this
     * order.
     */
    static Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cinn4knime", cinn4knime());
        m.put("nd4j", nd4j());
        m.put("java", System.getProperty("java.version"));
        m.put("os.name", System.getProperty("os.name", UNKNOWN));
        m.put("os.arch", System.getProperty("os.arch", UNKNOWN));
        return m;
    }

    static String cinn4knime() {
        Package p = LibraryVersions.class.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        String v = bundleVersion(manifests(LibraryVersions.class.getClassLoader()), BUNDLE);
        return v == null ? UNKNOWN : v;
    }

    static String nd4j() {
        return maven(Nd4j.class, "org.nd4j", "nd4j-api"); // a class literal does not start ND4J
    }

    static String javacpp() {
        return maven(Loader.class, "org.bytedeco", "javacpp");
    }

    /** The version in the jar's Maven metadata, else its package's Implementation-Version, else "unknown". */
    static String maven(Class<?> anchor, String group, String artifact) {
        ClassLoader l = anchor.getClassLoader();
        if (l != null) {
            try (InputStream in = l.getResourceAsStream("META-INF/maven/" + group + "/" + artifact
                    + "/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version");
                    if (v != null && !v.isBlank()) {
                        return v.trim();
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // unreadable metadata: fall through
            }
        }
        Package p = anchor.getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : UNKNOWN;
    }

    /** Every readable META-INF/MANIFEST.MF the loader sees (in OSGi: the bundle's own and its nested jars'). */
    static List<Manifest> manifests(ClassLoader l) {
        List<Manifest> out = new ArrayList<>();
        if (l == null) {
            return out;
        }
        try {
            Enumeration<URL> urls = l.getResources("META-INF/MANIFEST.MF");
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    out.add(new Manifest(in));
                } catch (IOException e) {
                    // skip an unreadable manifest
                }
            }
        } catch (IOException e) {
            // no manifests
        }
        return out;
    }

    /** Bundle-Version of the manifest whose Bundle-SymbolicName (without directives) is {@code symbolicName}. */
    static String bundleVersion(List<Manifest> manifests, String symbolicName) {
        for (Manifest m : manifests) {
            Attributes a = m.getMainAttributes();
            String name = a.getValue("Bundle-SymbolicName");
            String version = a.getValue("Bundle-Version");
            if (name != null && version != null && name.split(";", 2)[0].trim().equals(symbolicName)) {
                return version.trim();
            }
        }
        return null;
    }
}
