package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The bundle installed WITHOUT its native fragment (what a user gets on a platform whose fragment was not built or
 * not installed): it still resolves and starts, and the first ND4J use fails with the engine's plain-words
 * CinnException that points at the missing platform fragment, not with a bare UnsatisfiedLinkError.
 */
class MissingNativeFragmentIT {

    @Test
    void withoutTheFragmentNd4jFailsWithAMessageNamingTheFragment() throws Exception {
        Path classes = EquinoxIT.property("cinn.knime.stand-in.classes");
        Path work = EquinoxIT.property("cinn.it.work").resolveSibling("equinox-it-no-fragment");
        EquinoxIT.deleteTree(work);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path bundleJar = EquinoxIT.extract(EquinoxIT.property("cinn.site.zip"),
            "plugins/org.cinn4knime_" + System.getProperty("cinn.osgi.version") + ".jar", plugins);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.compatibility.bootdelegation", "true");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            BundleContext ctx = framework.getBundleContext();
            ctx.installBundle("reference:" + EquinoxIT.writeKnimeCoreBundle(classes, work).toUri()).start();
            ctx.installBundle("reference:" + EquinoxIT.writeKnimeRepositoryBundle(work).toUri()).start();
            ctx.installBundle("reference:" + EquinoxIT.writeSlf4jBundle(work).toUri()).start();
            Bundle cinn = ctx.installBundle("reference:" + bundleJar.toUri());
            cinn.start();
            assertEquals(Bundle.ACTIVE, cinn.getState(), "org.cinn4knime without its fragment does not start");

            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> cinn.loadClass("org.cinn4knime.engine.Nd4jRuntime").getMethod("ensureInitialised").invoke(null));
            Throwable cause = e.getCause();
            assertEquals("org.cinn4knime.engine.CinnException", cause.getClass().getName(),
                "ND4J without natives must fail with the engine's CinnException, got " + cause);
            String message = String.valueOf(cause.getMessage());
            assertTrue(message.contains("fragment org.cinn4knime.native.linux.x86_64"),
                "the message does not name the missing fragment: " + message);
            assertTrue(!message.contains("ExceptionInInitializerError"), "no exception class chain: " + message);
            System.out.println("[MissingNativeFragmentIT] message without the native fragment: " + message);
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }
}
