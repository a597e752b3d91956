package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleReference;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts a real Eclipse Equinox (org.eclipse.osgi + org.eclipse.equinox.common + org.eclipse.equinox.registry) and
 * installs, from the built update-site zip, the cinn4knime bundle and its linux-x86_64 native fragment, plus three
 * bundles generated here that stand in for KNIME: {@code org.knime.core} (the compiled KNIME API stand-in, with its
 * {@code PortType} extension point), {@code org.knime.workbench.repository} (the {@code nodes} and
 * {@code categories} extension points, which our bundle contributes to by id without requiring the bundle) and
 * {@code org.slf4j.api} (the SLF4J API that KNIME provides and our bundle imports). Everything from the bundle is
 * reached through the framework: the test's own class path has the ND4J and engine classes too, and the assertions
 * check that they are NOT the ones used. A class of ours that is missing fails the test (no skips).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EquinoxIT {

    static final String KNIME_VERSION = "5.2.0"; // lowest KNIME AP the manifest supports
    static final String PORT_OBJECT = "org.cinn4knime.nodes.port.CinnPortObject";
    static final String PORT_SPEC = "org.cinn4knime.nodes.port.CinnPortObjectSpec";

    private Path work;
    private Path classes;
    private Framework framework;
    private final Map<String, Bundle> bundles = new LinkedHashMap<>();
    private Bundle cinn;
    private Bundle fragment;

    static Path property(String name) {
        String v = System.getProperty(name);
        assertNotNull(v, "system property " + name + " is not set (failsafe passes it from pom.xml)");
        return Paths.get(v);
    }

    @BeforeAll
    void startEquinox() throws Exception {
        long t0 = System.nanoTime();
        work = property("cinn.it.work");
        classes = property("cinn.knime.stand-in.classes");
        deleteTree(work);
        Files.createDirectories(work);

        // the jars a KNIME user gets: unpacked from the update-site zip
        Path zip = property("cinn.site.zip");
        assertTrue(Files.isRegularFile(zip), "update-site zip " + zip + " was not built");
        String osgiVersion = System.getProperty("cinn.osgi.version");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path bundleJar = extract(zip, "plugins/org.cinn4knime_" + osgiVersion + ".jar", plugins);
        Path fragmentJar = extract(zip, "plugins/org.cinn4knime.native.linux.x86_64_" + osgiVersion + ".jar", plugins);

        Path gen = Files.createDirectories(work.resolve("generated"));
        Path knimeCore = writeKnimeCoreBundle(classes, gen);
        Path knimeRepo = writeKnimeRepositoryBundle(gen);
        Path slf4j = writeSlf4jBundle(gen);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.instance.area", work.resolve("instance").toUri().toString());
        config.put("eclipse.noRegistryCache", "true");
        // KNIME is started by the Eclipse launcher (EclipseStarter), where this defaults to true: JDK packages outside
        // java.* (javax.xml, javax.swing, ...) are found without Import-Package. Embedded Equinox defaults to false.
        config.put("osgi.compatibility.bootdelegation", "true");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.start();
        BundleContext ctx = framework.getBundleContext();

        Path itBundles = property("cinn.it.bundles");
        for (String name : List.of("org.eclipse.equinox.common", "org.eclipse.equinox.registry")) {
            try (Stream<Path> s = Files.list(itBundles)) {
                Path jar = s.filter(p -> p.getFileName().toString().startsWith(name + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not found in " + itBundles));
                bundles.put(name, ctx.installBundle("reference:" + jar.toUri()));
            }
        }
        bundles.put("org.knime.core", ctx.installBundle("reference:" + knimeCore.toUri()));
        bundles.put("org.knime.workbench.repository", ctx.installBundle("reference:" + knimeRepo.toUri()));
        bundles.put("org.slf4j.api", ctx.installBundle("reference:" + slf4j.toUri()));
        // reference: = used in place, as p2 installs plugins into KNIME's plugins/ folder
        cinn = ctx.installBundle("reference:" + bundleJar.toUri());
        fragment = ctx.installBundle("reference:" + fragmentJar.toUri());
        bundles.put(cinn.getSymbolicName(), cinn);
        bundles.put(fragment.getSymbolicName(), fragment);
        for (Bundle b : bundles.values()) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        System.out.printf("[EquinoxIT] unzip + generate + start Equinox with %d bundles: %.1f s%n", bundles.size(),
            (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    void stopEquinox() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    @Order(1)
    void everyBundleResolvesAndStarts() {
        assertEquals("org.cinn4knime", cinn.getSymbolicName());
        assertEquals("org.cinn4knime.native.linux.x86_64", fragment.getSymbolicName());
        for (Bundle b : bundles.values()) {
            boolean isFragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = isFragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            assertEquals(stateName(expected), stateName(b.getState()), b.getSymbolicName() + " " + b.getVersion());
        }
        // the fragment is attached to our bundle (the platform filter matched this linux x86_64 machine)
        List<BundleWire> hosted = cinn.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE);
        assertEquals(List.of(fragment), hosted.stream().map(w -> w.getRequirer().getBundle()).collect(Collectors.toList()),
            "fragments attached to org.cinn4knime");
        assertNotNull(cinn.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libjnind4jcpu.so"),
            "the ND4J native library is not visible through the bundle (fragment not on its class path)");
        // org.knime.workbench.repository is not required: our bundle is wired to org.knime.core only
        List<String> required = cinn.adapt(BundleWiring.class).getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)
            .stream().map(w -> w.getProvider().getBundle().getSymbolicName()).collect(Collectors.toList());
        assertEquals(List.of("org.knime.core"), required, "bundles org.cinn4knime requires");
    }

    /** ND4J's SLF4J logger comes from KNIME's org.slf4j (Import-Package), whose binding writes to KNIME's log. */
    @Test
    @Order(1)
    void slf4jIsImportedFromKnime() throws Exception {
        Class<?> factory = cinn.loadClass("org.slf4j.LoggerFactory");
        assertOwnedBy(bundles.get("org.slf4j.api"), factory);
        Class<?> fromNd4j = Class.forName("org.slf4j.LoggerFactory", false,
            cinn.loadClass("org.nd4j.linalg.factory.Nd4j").getClassLoader());
        assertSame(factory, fromNd4j, "ND4J (in lib/) sees the imported org.slf4j");
        assertNull(cinn.getEntry("lib/slf4j-api-1.7.36.jar"), "slf4j-api must not be bundled");
    }

    @Test
    @Order(2)
    void extensionRegistryListsCategoryNodesAndPortType() throws Exception {
        Registry reg = new Registry();

        List<Map<String, String>> categories = reg.elements("org.knime.workbench.repository.categories", "category");
        assertEquals(1, categories.size(), "categories contributed by org.cinn4knime: " + categories);
        Map<String, String> cat = categories.get(0);
        assertEquals("cinn", cat.get("level-id"));
        assertEquals("/community", cat.get("path"));
        assertNotNull(cinn.getEntry(cat.get("icon")), "category icon " + cat.get("icon") + " is not in the bundle");

        List<Map<String, String>> nodes = reg.elements("org.knime.workbench.repository.nodes", "node");
        assertEquals(BundleLayoutTest.FACTORIES, nodes.stream().map(n -> n.get("factory-class")).collect(Collectors.toList()),
            "node factories in the registry");
        for (Map<String, String> n : nodes) {
            assertEquals("/community/cinn", n.get("category-path"), n.get("factory-class"));
        }

        List<Map<String, String>> ports = reg.elements("org.knime.core.PortType", "portType");
        assertEquals(1, ports.size(), "port types contributed by org.cinn4knime: " + ports);
        assertEquals(PORT_OBJECT, ports.get(0).get("objectClass"));
        assertEquals(PORT_OBJECT + "$Serializer", ports.get(0).get("objectSerializer"));
        assertEquals(PORT_SPEC, ports.get(0).get("specClass"));
        assertEquals(PORT_SPEC + "$Serializer", ports.get(0).get("specSerializer"));
    }

    /**
     * Every class plugin.xml names loads through the bundle's class loader and extends the KNIME type that the
     * extension point expects (taken from the org.knime.core bundle); the factories are created the way KNIME creates
     * them (IConfigurationElement.createExecutableExtension).
     */
    @Test
    @Order(3)
    void pluginXmlClassesLoadThroughTheBundleClassLoader() throws Exception {
        Map<String, String> expectedSuper = new LinkedHashMap<>();
        for (String f : BundleLayoutTest.FACTORIES) {
            expectedSuper.put(f, "org.knime.core.node.NodeFactory");
        }
        expectedSuper.put(PORT_OBJECT, "org.knime.core.node.port.PortObject");
        expectedSuper.put(PORT_OBJECT + "$Serializer", "org.knime.core.node.port.PortObject$PortObjectSerializer");
        expectedSuper.put(PORT_SPEC, "org.knime.core.node.port.PortObjectSpec");
        expectedSuper.put(PORT_SPEC + "$Serializer", "org.knime.core.node.port.PortObjectSpec$PortObjectSpecSerializer");

        for (Map.Entry<String, String> e : expectedSuper.entrySet()) {
            String name = e.getKey();
            Class<?> c = cinn.loadClass(name);
            assertOwnedBy(cinn, c);
            Class<?> knimeType = bundles.get("org.knime.core").loadClass(e.getValue());
            assertOwnedBy(bundles.get("org.knime.core"), knimeType);
            assertSame(knimeType, Class.forName(e.getValue(), false, c.getClassLoader()),
                name + " sees a different " + e.getValue() + " than org.knime.core exports");
            assertTrue(knimeType.isAssignableFrom(c), name + " is not a " + e.getValue());
        }
        Registry reg = new Registry();
        for (Object element : reg.configurationElements("org.knime.workbench.repository.nodes")) {
            String factory = (String)reg.call("IConfigurationElement", element, "getAttribute", "factory-class");
            Object instance = reg.call("IConfigurationElement", element, "createExecutableExtension", "factory-class");
            assertEquals(factory, instance.getClass().getName());
            assertOwnedBy(cinn, instance.getClass());
        }
    }

    /** ND4J picks its CPU backend and runs native code inside the bundle, natives from the fragment. */
    @Test
    @Order(4)
    void nd4jNativeBackendRunsInsideOsgi() throws Throwable {
        long t0 = System.nanoTime();
        ClassLoader nd4jLoader = initialiseNd4j();
        System.out.printf("[EquinoxIT] ND4J initialised inside OSGi (empty JavaCPP cache): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Class<?> nd4j = nd4jLoader.loadClass("org.nd4j.linalg.factory.Nd4j");
        assertOwnedBy(cinn, nd4j);
        assertNotSame(Class.forName("org.nd4j.linalg.factory.Nd4j", false, getClass().getClassLoader()), nd4j,
            "ND4J must come from the bundle, not from the test class path");

        Object backend = nd4j.getMethod("getBackend").invoke(null);
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", backend.getClass().getName());
        assertOwnedBy(cinn, backend.getClass());

        Class<?> indArray = nd4jLoader.loadClass("org.nd4j.linalg.api.ndarray.INDArray");
        Method fromFloats = nd4j.getMethod("createFromArray", float[][].class);
        Object a = fromFloats.invoke(null, (Object)new float[][] {{1, 2}, {3, 4}});
        Object b = fromFloats.invoke(null, (Object)new float[][] {{5, 6}, {7, 8}});
        Object product = indArray.getMethod("mmul", indArray).invoke(a, b);
        float[][] result = (float[][])indArray.getMethod("toFloatMatrix").invoke(product);
        assertArrayEquals(new float[] {19, 22}, result[0], 0f);
        assertArrayEquals(new float[] {43, 50}, result[1], 0f);

        @SuppressWarnings("unchecked")
        Map<String, String> loaded = (Map<String, String>)nd4jLoader.loadClass("org.bytedeco.javacpp.Loader")
            .getMethod("getLoadedLibraries").invoke(null);
        assertTrue(loaded.keySet().stream().anyMatch(k -> k.contains("jnind4jcpu")),
            "JavaCPP did not load the ND4J native library; loaded: " + loaded.keySet());
        System.out.println("[EquinoxIT] native libraries loaded by JavaCPP inside OSGi: " + new TreeSet<>(loaded.keySet()));
    }

    /**
     * The engine trains one epoch on a small table and samples designs from the result, all inside the bundle. Coded
     * against docs/engine-api.md and called reflectively through the bundle's class loader.
     */
    @Test
    @Order(5)
    void engineTrainsOneEpochAndSamplesInsideOsgi() throws Throwable {
        assertOwnedBy(cinn, cinn.loadClass("org.cinn4knime.engine.CinnTrainer"));
        try {
            Class<?> runtime = cinn.loadClass("org.cinn4knime.engine.Nd4jRuntime");
            runtime.getMethod("ensureInitialised").invoke(null);

            // y ~ U(-1, 1); x = (y + noise, 2y - noise): a small, learnable table
            Random rnd = new Random(11);
            int rows = 256;
            double[][] x = new double[rows][2];
            double[][] y = new double[rows][1];
            for (int i = 0; i < rows; i++) {
                y[i][0] = rnd.nextDouble() * 2 - 1;
                x[i][0] = y[i][0] + 0.1 * rnd.nextGaussian();
                x[i][1] = 2 * y[i][0] - 0.1 * rnd.nextGaussian();
            }
            Class<?> dataType = cinn.loadClass("org.cinn4knime.engine.TrainingData");
            Object data = dataType.getConstructor(String[].class, double[][].class, String[].class, double[][].class,
                String[].class).newInstance(new String[] {"a", "b"}, x, new String[] {"p"}, y, null);

            Class<?> archType = cinn.loadClass("org.cinn4knime.engine.CinnArchitecture");
            Object arch = archType.getMethod("defaults").invoke(null);
            arch = archType.getMethod("withBlocks", int.class).invoke(arch, 2);
            arch = archType.getMethod("withSubnetWidth", int.class).invoke(arch, 16);
            Class<?> settingsType = cinn.loadClass("org.cinn4knime.engine.TrainingSettings");
            Object settings = settingsType.getMethod("defaults").invoke(null);
            settings = settingsType.getMethod("withEpochs", int.class).invoke(settings, 1);
            settings = settingsType.getMethod("withBatchSize", int.class).invoke(settings, 64);
            settings = settingsType.getMethod("withSeed", long.class).invoke(settings, 7L);
            settings = settingsType.getMethod("withThreads", int.class).invoke(settings, 1);

            Class<?> listenerType = cinn.loadClass("org.cinn4knime.engine.ProgressListener");
            AtomicInteger progressCalls = new AtomicInteger();
            List<Object> epochs = new ArrayList<>();
            Object listener = proxy(listenerType, (m, args) -> {
                switch (m.getName()) {
                    case "progress": progressCalls.incrementAndGet(); return null;
                    case "isCancelRequested": return false;
                    case "epochFinished": epochs.add(args[0]); return null;
                    default: return null;
                }
            });
            long t0 = System.nanoTime();
            Object result = cinn.loadClass("org.cinn4knime.engine.CinnTrainer")
                .getMethod("train", dataType, archType, settingsType, listenerType).invoke(null, data, arch, settings, listener);
            List<?> history = (List<?>)result.getClass().getMethod("history").invoke(result);
            assertEquals(1, history.size(), "one epoch trained");
            double loss = (Double)history.get(0).getClass().getMethod("trainLoss").invoke(history.get(0));
            assertTrue(Double.isFinite(loss), "training loss " + loss);
            assertTrue(progressCalls.get() > 0, "the engine reported no progress");
            assertEquals(1, epochs.size(), "epochFinished calls");

            Object model = result.getClass().getMethod("model").invoke(result);
            assertOwnedBy(cinn, model.getClass());
            Class<?> sinkType = cinn.loadClass("org.cinn4knime.engine.SampleSink");
            List<double[]> designs = new ArrayList<>();
            Object sink = proxy(sinkType, (m, args) -> {
                if (m.getName().equals("accept")) {
                    Object chunk = args[0];
                    for (double[] d : (double[][])chunk.getClass().getMethod("designs").invoke(chunk)) {
                        designs.add(d);
                    }
                }
                return null;
            });
            double[][] targets = {{-0.5}, {0.5}};
            model.getClass().getMethod("sample", double[][].class, int.class, double.class, long.class, boolean.class,
                sinkType, listenerType).invoke(model, targets, 20, 1.0, 3L, false, sink, listener);
            assertEquals(40, designs.size(), "designs sampled for 2 targets x 20");
            for (double[] d : designs) {
                assertEquals(2, d.length, "design dimension");
                assertTrue(Double.isFinite(d[0]) && Double.isFinite(d[1]), "non-finite design " + d[0] + ", " + d[1]);
            }
            System.out.printf("[EquinoxIT] engine inside OSGi: 1 epoch on %d rows, train loss %.4f, 40 designs sampled, %.1f s%n",
                rows, loss, (System.nanoTime() - t0) / 1e9);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Starts ND4J inside the bundle the way the product does: the engine's Nd4jRuntime.ensureInitialised(), called
     * from this thread whose context class loader is the application loader (as on a KNIME worker thread, it is not
     * ours).
     */
    private ClassLoader initialiseNd4j() throws Throwable {
        ClassLoader nd4jLoader = cinn.loadClass("org.nd4j.linalg.factory.Nd4j").getClassLoader();
        String cacheKey = "org.bytedeco.javacpp.cachedir";
        // inside OSGi the engine unpacks the natives into a versioned folder of its own under user.home, away
        // from other JavaCPP users of the account; user.home points at this test's folder while ND4J starts
        assertNull(System.getProperty(cacheKey), "the test must not choose JavaCPP's cache folder itself");
        String home = System.getProperty("user.home");
        Path testHome = Files.createDirectories(work.resolve("home"));
        String ownCache;
        System.setProperty("user.home", testHome.toString());
        try {
            Class<?> runtime = cinn.loadClass("org.cinn4knime.engine.Nd4jRuntime");
            runtime.getMethod("ensureInitialised").invoke(null);
            ownCache = (String)runtime.getMethod("ownJavacppCacheDir").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setProperty("user.home", home);
        }
        assertNotNull(ownCache, "inside OSGi the engine chooses its own JavaCPP cache folder");
        assertTrue(Paths.get(ownCache).startsWith(testHome.resolve(".javacpp"))
            && Paths.get(ownCache).getFileName().toString().startsWith("cinn4knime-"), ownCache);
        assertTrue(Files.isDirectory(Paths.get(ownCache, "linux-x86_64")),
            "the natives were not unpacked into " + ownCache);
        assertNull(System.getProperty(cacheKey), "the JavaCPP cache property is restored after start-up");
        return nd4jLoader;
    }

    private static void assertOwnedBy(Bundle expected, Class<?> c) {
        ClassLoader l = c.getClassLoader();
        assertTrue(l instanceof BundleReference, c.getName() + " was loaded by " + l + ", not by a bundle class loader");
        assertEquals(expected.getSymbolicName(), ((BundleReference)l).getBundle().getSymbolicName(),
            c.getName() + " was loaded by the wrong bundle");
    }

    /** What a proxied interface method does. */
    private interface Body {
        Object apply(Method m, Object[] args) throws Exception;
    }

    private static Object proxy(Class<?> iface, Body body) {
        InvocationHandler h = (p, m, args) -> {
            switch (m.getName()) {
                case "toString": return "EquinoxIT proxy for " + iface.getSimpleName();
                case "hashCode": return System.identityHashCode(p);
                case "equals": return p == args[0];
                default: return body.apply(m, args);
            }
        };
        return Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, h);
    }

    /** Reads the extension registry through its public interfaces, loaded from the registry bundle. */
    private final class Registry {
        final Bundle registryBundle = bundles.get("org.eclipse.equinox.registry");
        final Object registry;

        Registry() {
            BundleContext ctx = framework.getBundleContext();
            ServiceReference<?> ref = ctx.getServiceReference("org.eclipse.core.runtime.IExtensionRegistry");
            assertNotNull(ref, "no IExtensionRegistry service: org.eclipse.equinox.registry did not start");
            registry = ctx.getService(ref);
        }

        Object call(String iface, Object target, String method, Object... args) throws Exception {
            Class<?> type = registryBundle.loadClass("org.eclipse.core.runtime." + iface);
            Class<?>[] types = new Class<?>[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i].getClass();
            }
            try {
                return type.getMethod(method, types).invoke(target, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(iface + "." + method + " failed: " + e.getCause(), e.getCause());
            }
        }

        /** The configuration elements that org.cinn4knime contributes to an extension point. */
        List<Object> configurationElements(String pointId) throws Exception {
            Object point = call("IExtensionRegistry", registry, "getExtensionPoint", pointId);
            assertNotNull(point, "extension point " + pointId + " is not in the registry");
            List<Object> out = new ArrayList<>();
            for (Object ext : (Object[])call("IExtensionPoint", point, "getExtensions")) {
                if ("org.cinn4knime".equals(call("IExtension", ext, "getNamespaceIdentifier"))) {
                    for (Object el : (Object[])call("IExtension", ext, "getConfigurationElements")) {
                        out.add(el);
                    }
                }
            }
            return out;
        }

        List<Map<String, String>> elements(String pointId, String elementName) throws Exception {
            List<Map<String, String>> out = new ArrayList<>();
            for (Object el : configurationElements(pointId)) {
                assertEquals(elementName, call("IConfigurationElement", el, "getName"), pointId + " element name");
                Map<String, String> attrs = new LinkedHashMap<>();
                for (String a : (String[])call("IConfigurationElement", el, "getAttributeNames")) {
                    attrs.put(a, (String)call("IConfigurationElement", el, "getAttribute", a));
                }
                out.add(attrs);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** org.knime.core: the compiled KNIME API stand-in, its packages exported. */
    static Path writeKnimeCoreBundle(Path classes, Path dir) throws IOException {
        Path jar = dir.resolve("org.knime.core_" + KNIME_VERSION + ".jar");
        Map<String, Path> entries = new LinkedHashMap<>();
        Path knime = classes.resolve("org/knime");
        if (Files.isDirectory(knime)) {
            try (Stream<Path> s = Files.walk(knime)) {
                s.filter(Files::isRegularFile)
                    .forEach(p -> entries.put(classes.relativize(p).toString().replace('\\', '/'), p));
            }
        }
        Set<String> packages = new TreeSet<>();
        for (String e : entries.keySet()) {
            if (e.endsWith(".class")) {
                packages.add(e.substring(0, e.lastIndexOf('/')).replace('/', '.'));
            }
        }
        assertFalse(packages.isEmpty(), "no KNIME stand-in classes under " + knime);
        return writeBundle(jar, "org.knime.core", String.join(",", packages),
            "   <extension-point id=\"PortType\" name=\"PortType\" schema=\"schema/PortType.exsd\"/>\n", entries);
    }

    /** org.knime.workbench.repository: no classes, the two extension points our plugin.xml contributes to. */
    static Path writeKnimeRepositoryBundle(Path dir) throws IOException {
        return writeBundle(dir.resolve("org.knime.workbench.repository_" + KNIME_VERSION + ".jar"),
            "org.knime.workbench.repository", null,
            "   <extension-point id=\"nodes\" name=\"Node\" schema=\"schema/Node.exsd\"/>\n"
                + "   <extension-point id=\"categories\" name=\"Category\" schema=\"schema/Category.exsd\"/>\n",
            Map.of());
    }

    /**
     * org.slf4j.api: the SLF4J API classes from the test class path (the version ND4J is built against), its packages
     * exported with that version, as the slf4j bundle KNIME ships provides them. No binding: ND4J's lines go nowhere
     * here, as they go to KNIME's log in KNIME.
     */
    static Path writeSlf4jBundle(Path dir) throws IOException {
        Path api;
        try {
            api = Paths.get(org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String version = api.getFileName().toString().replaceAll("^slf4j-api-(.*)\\.jar$", "$1");
        Path unpacked = Files.createDirectories(dir.resolve("slf4j-api"));
        Map<String, Path> entries = new LinkedHashMap<>();
        Set<String> packages = new TreeSet<>();
        try (ZipFile z = new ZipFile(api.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().startsWith("org/slf4j/") && !e.isDirectory())
                .collect(Collectors.toList())) {
                Path out = unpacked.resolve(e.getName());
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out);
                }
                entries.put(e.getName(), out);
                if (e.getName().endsWith(".class")) {
                    packages.add(e.getName().substring(0, e.getName().lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        assertTrue(packages.contains("org.slf4j"), api + " has no org.slf4j classes");
        String exports = packages.stream().map(pk -> pk + ";version=\"" + version + "\"")
            .collect(Collectors.joining(","));
        return writeBundle(dir.resolve("org.slf4j.api_" + version + ".jar"), "org.slf4j.api", exports, "", entries);
    }

    private static Path writeBundle(Path jar, String symbolicName, String exports, String pluginXmlBody,
        Map<String, Path> entries) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName + ";singleton:=true");
        a.putValue(Constants.BUNDLE_VERSION, KNIME_VERSION + ".v" + "test");
        a.putValue(Constants.BUNDLE_NAME, symbolicName + " (generated by EquinoxIT)");
        if (exports != null) {
            a.putValue(Constants.EXPORT_PACKAGE, exports);
        }
        String pluginXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>\n"
            + pluginXmlBody + "</plugin>\n";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
            jos.putNextEntry(new JarEntry("plugin.xml"));
            jos.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                jos.putNextEntry(new JarEntry(e.getKey()));
                Files.copy(e.getValue(), jos);
                jos.closeEntry();
            }
        }
        return jar;
    }

    static Path extract(Path zip, String entry, Path dir) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(entry);
            if (e == null) {
                fail(zip + " has no " + entry + "; it has " + z.stream().map(ZipEntry::getName).collect(Collectors.toList()));
            }
            Path out = dir.resolve(entry.substring(entry.lastIndexOf('/') + 1));
            try (InputStream in = z.getInputStream(e)) {
                Files.copy(in, out);
            }
            return out;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            default: return "state " + state;
        }
    }
}
