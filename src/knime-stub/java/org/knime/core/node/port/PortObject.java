package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in (test harness only): an object passed between nodes. */
public interface PortObject {

    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();

    /** Saves and loads port objects of one class; KNIME finds it through plugin.xml, the stand-in as a nested class. */
    abstract static class PortObjectSerializer<T extends PortObject> implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }
}
