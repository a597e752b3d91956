package org.knime.core.node.port;

import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * Stand-in (test harness only): a port object that writes its own zip entries. The serializer first writes an entry
 * {@code meta.xml} naming the class (instantiated through its public no-argument constructor on load).
 */
public abstract class AbstractPortObject implements PortObject {

    private static final String META = "meta.xml";

    public AbstractPortObject() {
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Serializer of all {@link AbstractPortObject}s; subclass it (empty) as a public static nested class. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ModelContentRO meta = PortSerialization.readEntry(in, META);
            final AbstractPortObject result = PortSerialization.instantiate(meta, AbstractPortObject.class, META);
            result.load(in, spec, exec);
            return (T)result;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ModelContent meta = new ModelContent(META); // as KNIME: "meta.xml" with version 1 and class_name
            meta.addInt("version", 1);
            meta.addString(PortSerialization.CFG_CLASS, portObject.getClass().getName());
            PortSerialization.writeEntry(out, META, meta);
            portObject.save(out, exec);
        }
    }
}
