package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;

/** Stand-in (test harness only): the spec of a port object, available at configure time. */
public interface PortObjectSpec {

    JComponent[] getViews();

    /** Saves and loads specs of one class; KNIME finds it through plugin.xml, the stand-in as a nested class. */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec>
        implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }
}
