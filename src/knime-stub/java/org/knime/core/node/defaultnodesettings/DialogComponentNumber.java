package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a label and a spinner for an int, long or double settings model. */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel m_label;

    private final JSpinner m_spinner;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_label = new JLabel(label);
        m_spinner = new JSpinner(new SpinnerNumberModel(value(), null, null, stepSize));
        ((JSpinner.DefaultEditor)m_spinner.getEditor()).getTextField().setColumns(compWidth);
        m_spinner.addChangeListener(e -> {
            try {
                updateModel();
            } catch (InvalidSettingsException ex) {
                // keep the old value; shown on save
            }
        });
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_spinner);
    }

    private Number value() {
        final SettingsModel m = getModel();
        if (m instanceof SettingsModelInteger) {
            return ((SettingsModelInteger)m).getIntValue();
        }
        if (m instanceof SettingsModelLong) {
            return ((SettingsModelLong)m).getLongValue();
        }
        if (m instanceof SettingsModelDouble) {
            return ((SettingsModelDouble)m).getDoubleValue();
        }
        throw new IllegalStateException("Unsupported number model " + m.getClass());
    }

    private void updateModel() throws InvalidSettingsException {
        final Number n = (Number)m_spinner.getValue();
        final SettingsModel m = getModel();
        try {
            if (m instanceof SettingsModelInteger) {
                ((SettingsModelInteger)m).setIntValue(n.intValue());
            } else if (m instanceof SettingsModelLong) {
                ((SettingsModelLong)m).setLongValue(n.longValue());
            } else if (m instanceof SettingsModelDouble) {
                ((SettingsModelDouble)m).setDoubleValue(n.doubleValue());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    public JSpinner getSpinner() {
        return m_spinner;
    }

    public JLabel getLabel() {
        return m_label;
    }

    @Override
    protected void updateComponent() {
        if (m_spinner != null && !value().equals(m_spinner.getValue())) {
            m_spinner.setValue(value());
        }
        if (m_spinner != null) {
            setEnabledComponents(getModel().isEnabled());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        updateModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_spinner.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_spinner.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
