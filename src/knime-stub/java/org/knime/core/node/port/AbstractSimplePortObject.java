package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/** Stand-in (test harness only): a port object that saves itself into a {@link ModelContent} tree. */
public abstract class AbstractSimplePortObject implements PortObject {

    private static final String ENTRY = PortSerialization.SIMPLE_ENTRY;

    private static final String CFG_MODEL = "model";

    public AbstractSimplePortObject() {
    }

    protected abstract void save(org.knime.core.node.ModelContentWO model, ExecutionMonitor exec)
        throws CanceledExecutionException;

    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private ModelContent content() {
        final ModelContent c = new ModelContent(CFG_MODEL);
        try {
            save(c, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IllegalStateException("Saving for equals/hashCode was canceled", e);
        }
        return c;
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        return obj != null && obj.getClass() == getClass()
            && content().isIdentical(((AbstractSimplePortObject)obj).content());
    }

    @Override
    public int hashCode() {
        return content().toString().hashCode();
    }

    /** Serializer of all {@link AbstractSimplePortObject}s; subclass it (empty) as a public static nested class. */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ModelContentRO content = PortSerialization.readEntry(in, ENTRY);
            final AbstractSimplePortObject result =
                PortSerialization.instantiate(content, AbstractSimplePortObject.class, ENTRY);
            try {
                result.load(content.getModelContent(CFG_MODEL), spec, exec);
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load " + result.getClass().getName() + ": " + e.getMessage(), e);
            }
            return (T)result;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ModelContent content = PortSerialization.simpleContent(portObject);
            portObject.save(content.addModelContent(CFG_MODEL), exec);
            PortSerialization.writeEntry(out, ENTRY, content);
        }
    }
}
