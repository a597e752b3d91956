package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Where JavaCPP unpacks the natives: a versioned folder of our own inside OSGi, JavaCPP's choice elsewhere. */
class Nd4jRuntimeTest {

    @Test
    void insideOsgiWithoutAUserChoiceOurVersionedFolderIsUsed() {
        assertEquals(Paths.get("/home/u", ".javacpp", "cinn4knime-1.5.7").toString(),
                Nd4jRuntime.ownCacheDir(true, null, null, "/home/u", "1.5.7"));
        // the user's choice wins, under either spelling JavaCPP reads
        assertNull(Nd4jRuntime.ownCacheDir(true, "/data/cache", null, "/home/u", "1.5.7"));
        assertNull(Nd4jRuntime.ownCacheDir(true, null, "/data/cache", "/home/u", "1.5.7"));
        // outside OSGi JavaCPP's own versioned layout is fine
        assertNull(Nd4jRuntime.ownCacheDir(false, null, null, "/home/u", "1.5.7"));
        // no home folder: leave it to JavaCPP (it falls back to java.io.tmpdir)
        assertNull(Nd4jRuntime.ownCacheDir(true, null, null, null, "1.5.7"));
        assertNull(Nd4jRuntime.ownCacheDir(true, null, null, " ", "1.5.7"));
    }

    @Test
    void osgiIsRecognisedByItsPropertyOrByTheLoaderOfNd4j() throws Exception {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        try (URLClassLoader bundle = new URLClassLoader(new URL[0], null)) {
            assertTrue(Nd4jRuntime.insideOsgi("org.eclipse.osgi", app, app));
            assertTrue(Nd4jRuntime.insideOsgi(null, bundle, app));
            assertFalse(Nd4jRuntime.insideOsgi(null, app, app));
        }
    }

    @Test
    void onThePlainClassPathJavacppChoosesAndThePropertyIsUntouched() throws Exception {
        String before = System.getProperty(Nd4jRuntime.CACHE_DIR_PROPERTY);
        Nd4jRuntime.ensureInitialised();
        assertFalse(Nd4jRuntime.insideOsgi(System.getProperty("osgi.framework"), Nd4j.class.getClassLoader(),
                ClassLoader.getSystemClassLoader()), "unit tests run ND4J from the application class loader");
        assertNull(Nd4jRuntime.ownJavacppCacheDir());
        assertEquals(before, System.getProperty(Nd4jRuntime.CACHE_DIR_PROPERTY));
    }

    @Test
    void missingNativeFragmentIsNamedPerPlatform() {
        assertEquals("org.cinn4knime.native.linux.x86_64", Nd4jRuntime.nativeFragmentName("Linux", "amd64"));
        assertEquals("org.cinn4knime.native.win32.x86_64", Nd4jRuntime.nativeFragmentName("Windows 11", "amd64"));
        assertEquals("org.cinn4knime.native.macosx.x86_64", Nd4jRuntime.nativeFragmentName("Mac OS X", "x86_64"));
        assertEquals("org.cinn4knime.native.macosx.aarch64", Nd4jRuntime.nativeFragmentName("Mac OS X", "aarch64"));
        assertTrue(Nd4jRuntime.nativeFragmentName("Linux", "aarch64").startsWith("(none"));
        assertTrue(Nd4jRuntime.nativeFragmentName("SunOS", "sparcv9").startsWith("(none"));
    }

    @Test
    void rootMessageSkipsTheWrappers() {
        Throwable e = new ExceptionInInitializerError(new IllegalStateException("wrapper",
                new UnsatisfiedLinkError("no jniopenblas_nolapack in java.library.path")));
        assertEquals("no jniopenblas_nolapack in java.library.path", Nd4jRuntime.rootMessage(e));
        assertEquals("NullPointerException", Nd4jRuntime.rootMessage(new NullPointerException()));
    }
}
