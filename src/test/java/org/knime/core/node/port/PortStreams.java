package org.knime.core.node.port;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Test harness (src/test/java, not part of the KNIME stand-in): creates the zip streams that only the framework can
 * create (their constructors are package-private, as in KNIME).
 */
public final class PortStreams {

    private PortStreams() {
    }

    public static PortObjectZipOutputStream objectOut(final OutputStream out) {
        return new PortObjectZipOutputStream(out);
    }

    public static PortObjectZipInputStream objectIn(final InputStream in) {
        return new PortObjectZipInputStream(in);
    }

    public static PortObjectSpecZipOutputStream specOut(final OutputStream out) {
        return new PortObjectSpecZipOutputStream(out);
    }

    public static PortObjectSpecZipInputStream specIn(final InputStream in) {
        return new PortObjectSpecZipInputStream(in);
    }
}
