package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Stand-in (test harness only): the zip stream a serializer writes to / reads from; created by the framework. */
public class PortObjectZipOutputStream extends ZipOutputStream {

    PortObjectZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
