package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** Stand-in (test harness only): a port object spec that saves itself into a {@link ModelContent} tree. */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    private static final String ENTRY = PortSerialization.SIMPLE_ENTRY;

    private static final String CFG_MODEL = PortSerialization.CFG_MODEL;

    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private ModelContent content() {
        final ModelContent c = new ModelContent(CFG_MODEL);
        save(c);
        return c;
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        return ospec != null && ospec.getClass() == getClass()
            && content().isIdentical(((AbstractSimplePortObjectSpec)ospec).content());
    }

    @Override
    public int hashCode() {
        return content().toString().hashCode();
    }

    /** Serializer of all {@link AbstractSimplePortObjectSpec}s; subclass it (empty) as a public static nested class. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            final ModelContentRO content = PortSerialization.readEntry(in, ENTRY);
            final AbstractSimplePortObjectSpec result =
                PortSerialization.instantiate(content, AbstractSimplePortObjectSpec.class, ENTRY);
            try {
                result.load(content.getModelContent(CFG_MODEL));
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load " + result.getClass().getName() + ": " + e.getMessage(), e);
            }
            return (T)result;
        }

        @Override
        public void savePortObjectSpec(final T spec, final PortObjectSpecZipOutputStream out) throws IOException {
            final ModelContent content = PortSerialization.simpleContent(spec);
            spec.save(content.addModelContent(CFG_MODEL));
            PortSerialization.writeEntry(out, ENTRY, content);
        }
    }
}
