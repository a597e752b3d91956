package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;


/** Stand-in (test harness only): a long setting, saved as one xlong entry under its config name. */
@SuppressWarnings("unchecked") // createClone() overrides the generic <T> createClone(), as in KNIME
public class SettingsModelLong extends SettingsModelNumber {

    private final String m_configName;

    private long m_value;

    public SettingsModelLong(final String configName, final long defaultValue) {
        m_configName = requireConfigName(configName);
        m_value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelLong createClone() {
        final SettingsModelLong clone = new SettingsModelLong(m_configName, m_value);
        clone.setEnabled(isEnabled());
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMN_long";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public void setLongValue(final long newValue) {
        final boolean changed = m_value != newValue;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public long getLongValue() {
        return m_value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        setLongValue(settings.getLong(m_configName, m_value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getLong(m_configName));
    }

    protected void validateValue(final long value) throws InvalidSettingsException {
        // no restriction
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final long value = settings.getLong(m_configName);
        validateValue(value);
        setLongValue(value);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

}
