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
}
