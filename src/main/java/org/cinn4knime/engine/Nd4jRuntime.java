package org.cinn4knime.engine;

import java.nio.file.Paths;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J safely, inside OSGi (KNIME) as well as on a plain class path.
 *
 * <p>ND4J captures a class loader for its backend lookup the first time its class-loading helper is used; inside
 * OSGi the thread's context loader is often wrong, which breaks ND4J for the rest of the JVM's life. So before the
 * first use we hand ND4J the loader that loaded ND4J itself, also as the thread's context loader while the backend
 * starts. Idempotent and cheap after the first call.
 *
 * <p>Inside OSGi JavaCPP unpacks the natives into one unversioned {@code <cache>/linux-x86_64/} folder shared with
 * every other JavaCPP user of the account (KNIME's own deep-learning integration ships another JavaCPP). Unless the
 * user chose a cache folder, ours go to {@code <user.home>/.javacpp/cinn4knime-<JavaCPP version>} while ND4J starts
 * (JavaCPP 1.5.7 reads {@value #CACHE_DIR_PROPERTY}, then {@value #CACHE_DIR_ALIAS}, once, in
 * {@code Loader.getCacheDir()}, and keeps the folder for the JVM's life); the property is restored afterwards.
 */
public final class Nd4jRuntime {
    static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
    static final String CACHE_DIR_ALIAS = "org.bytedeco.javacpp.cacheDir";
    private static volatile boolean initialised;
    /** The JavaCPP cache folder chosen by us at start-up, or null if JavaCPP chose it. */
    private static volatile String ownCacheDir;
    private static boolean singleThreaded;

    private Nd4jRuntime() {
    }

    /**
     * Makes sure ND4J is usable; call at the start of every node execution and command.
     *
     * @throws CinnException in plain words if the native libraries cannot be loaded
     */
    public static void ensureInitialised() throws CinnException {
        if (initialised) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (initialised) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            ClassLoader nd4jLoader = Nd4j.class.getClassLoader(); // class literal: does not initialise Nd4j
            String cacheDir = ownCacheDir(insideOsgi(System.getProperty("osgi.framework"), nd4jLoader,
                    ClassLoader.getSystemClassLoader()), System.getProperty(CACHE_DIR_PROPERTY),
                    System.getProperty(CACHE_DIR_ALIAS), System.getProperty("user.home"), LibraryVersions.javacpp());
            if (cacheDir != null) {
                System.setProperty(CACHE_DIR_PROPERTY, cacheDir);
            }
            try {
                ND4JClassLoading.setNd4jClassloader(nd4jLoader);
                thread.setContextClassLoader(nd4jLoader);
                Nd4j.getBackend();
                Nd4j.create(new float[] {1f, 2f}, new long[] {2}, org.nd4j.linalg.api.buffer.DataType.FLOAT).sumNumber();
                setSingleThreaded();
                initialised = true;
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                throw new CinnException("The numeric library (ND4J) could not start on this computer ("
                        + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "). Most likely the "
                        + "native library part for this platform is missing from the installation: install the "
                        + "extension again so that its fragment " + nativeFragmentName(System.getProperty("os.name"),
                                System.getProperty("os.arch")) + " is included, and restart. Cause: "
                        + rootMessage(e), e);
            } catch (NullPointerException e) {
                throw new CinnException("The numeric library (ND4J) could not start: its native memory access "
                        + "(sun.misc.Unsafe) is not reachable. Inside OSGi the bundle must import sun.misc "
                        + "(Import-Package: sun.misc;resolution:=optional). Cause: " + e, e);
            } catch (RuntimeException e) {
                throw new CinnException("The numeric library (ND4J) could not start: " + e.getMessage(), e);
            } finally {
                thread.setContextClassLoader(previous);
                if (cacheDir != null) {
                    System.clearProperty(CACHE_DIR_PROPERTY); // it was unset before (see ownCacheDir)
                }
            }
            ownCacheDir = cacheDir;
        }
    }

    /** True inside an OSGi framework: the property Equinox sets, or ND4J not loaded by the application loader. */
    static boolean insideOsgi(String osgiFrameworkProperty, ClassLoader nd4jLoader, ClassLoader appLoader) {
        return osgiFrameworkProperty != null || nd4jLoader != appLoader;
    }

    /**
     * The JavaCPP cache folder of our own to use while ND4J starts: {@code <user.home>/.javacpp/cinn4knime-<JavaCPP
     * version>} inside OSGi when the user set neither cache property; otherwise null (JavaCPP's own choice).
     */
    static String ownCacheDir(boolean insideOsgi, String cachedir, String cacheDirAlias, String userHome,
            String javacppVersion) {
        if (!insideOsgi || cachedir != null || cacheDirAlias != null || userHome == null || userHome.isBlank()) {
            return null;
        }
        return Paths.get(userHome, ".javacpp", "cinn4knime-" + javacppVersion).toString();
    }

    /** The JavaCPP cache folder that {@link #ensureInitialised()} chose, or null if it left the choice to JavaCPP. */
    public static String ownJavacppCacheDir() {
        return ownCacheDir;
    }

    /** {@link #ensureInitialised()} for internal callers that cannot throw a checked exception. */
    static void ensureInitialisedUnchecked() {
        try {
            ensureInitialised();
        } catch (CinnException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * What every node execution, command and training run does first: {@link #ensureInitialised()} and a check of
     * the thread count. {@code threads} is the number of the caller's own worker threads (its
     * {@link org.cinn4knime.engine.parallel.WorkerPool} or {@link org.cinn4knime.engine.parallel.ChunkPipeline});
     * it is not handed to ND4J, whose intra-op and BLAS threads stay at 1 for the whole process (set once at
     * start-up, never changed), so several nodes running at once cannot change each other's threads.
     *
     * @throws CinnException if ND4J cannot start or {@code threads} is below 1
     */
    public static void start(int threads) throws CinnException {
        if (threads < 1) {
            throw new CinnException("Threads must be at least 1, but is " + threads + ".");
        }
        ensureInitialised();
    }

    /**
     * ND4J's intra-op (OpenMP / its own pool), master and BLAS threads: all 1. These are process-wide in ND4J and
     * far too fine-grained for our matrix sizes (two intra-op threads made training 4× slower on 2 cores); our
     * parallelism is whole shards or chunks per worker thread instead.
     */
    private static synchronized void setSingleThreaded() {
        if (singleThreaded) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        singleThreaded = true;
    }

    /** The default number of worker threads: the machine's cores as the JVM sees them (at most 256). */
    public static int defaultThreads() {
        return org.cinn4knime.engine.settings.TrainingDeclarations.THREADS.intDefault();
    }

    /**
     * The symbolic name of the native fragment for a platform, as the update site names them, e.g.
     * {@code org.cinn4knime.native.linux.x86_64}; "(none for this platform)" where we ship none.
     */
    static String nativeFragmentName(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(java.util.Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        String o = os.startsWith("linux") ? "linux" : os.startsWith("windows") ? "win32"
                : os.startsWith("mac") ? "macosx" : null;
        boolean shipped = a != null && o != null && !(o.equals("win32") && a.equals("aarch64"))
                && !(o.equals("linux") && a.equals("aarch64"));
        return shipped ? "org.cinn4knime.native." + o + "." + a
                : "(none: cinn4knime ships native fragments for linux x86_64, Windows x86_64 and macOS x86_64/arm64)";
    }

    /** The innermost cause's message, for a one-line explanation without exception class chains. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
