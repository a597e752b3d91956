package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a label and a text field for a String settings model. */
public final class DialogComponentString extends DialogComponent {

    private final JLabel m_label;

    private final JTextField m_field;

    private final boolean m_disallowEmpty;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
        m_label = new JLabel(label);
        m_field = new JTextField(stringModel.getStringValue(), compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
    }

    @Override
    protected void updateComponent() {
        if (m_field != null) {
            final String v = ((SettingsModelString)getModel()).getStringValue();
            if (!m_field.getText().equals(v)) {
                m_field.setText(v);
            }
            setEnabledComponents(getModel().isEnabled());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (m_disallowEmpty && m_field.getText().isEmpty()) {
            throw new InvalidSettingsException("Please enter a value for \"" + m_label.getText() + "\"");
        }
        ((SettingsModelString)getModel()).setStringValue(m_field.getText());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    public void setSizeComponents(final int width, final int height) {
        m_field.setPreferredSize(new java.awt.Dimension(width, height));
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
