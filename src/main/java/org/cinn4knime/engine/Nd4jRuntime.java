package org.cinn4knime.engine;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J safely, inside OSGi (KNIME) as well as on a plain class path.
 *
 * <p>ND4J captures a class loader for its backend lookup the first time its class-loading helper is used; inside
 * OSGi the thread's context loader is often wrong, which breaks ND4J for the rest of the JVM's life. So before the
 * first use we hand ND4J the loader that loaded ND4J itself, also as the thread's context loader while the backend
 * starts. Idempotent and cheap after the first call.
 */
public final class Nd4jRuntime {
    private static volatile boolean initialised;
    private static int currentThreads = -1;

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
            try {
                ND4JClassLoading.setNd4jClassloader(nd4jLoader);
                thread.setContextClassLoader(nd4jLoader);
                Nd4j.getBackend();
                Nd4j.create(new float[] {1f, 2f}, new long[] {2}, org.nd4j.linalg.api.buffer.DataType.FLOAT).sumNumber();
                initialised = true;
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                throw new CinnException("The numeric library (ND4J) could not start on this computer ("
                        + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "). Most likely the "
                        + "native library part for this platform is missing from the installation; reinstall the "
                        + "extension including its platform fragment, and restart. Cause: " + e, e);
            } catch (RuntimeException e) {
                throw new CinnException("The numeric library (ND4J) could not start: " + e.getMessage(), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        setThreads(1);
    }

    /** {@link #ensureInitialised()} for internal callers that cannot throw a checked exception. */
    static void ensureInitialisedUnchecked() {
        try {
            ensureInitialised();
        } catch (CinnException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Sets the number of ND4J (OpenMP) and BLAS threads. 1 is usually fastest on a busy machine. */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, but is " + threads + ".");
        }
        if (threads == currentThreads) {
            return;
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        currentThreads = threads;
    }
}
