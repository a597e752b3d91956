package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Stand-in (test harness only): the zip stream a serializer writes to / reads from; created by the framework. */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
