package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/** Stand-in (test harness only): a int setting, saved as one xint entry under its config name. */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private int m_value;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        m_configName = requireConfigName(configName);
        m_value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelInteger createClone() {
        final SettingsModelInteger clone = new SettingsModelInteger(m_configName, m_value);
        clone.setEnabled(isEnabled());
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public void setIntValue(final int newValue) {
        final boolean changed = m_value != newValue;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public int getIntValue() {
        return m_value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        setIntValue(settings.getInt(m_configName, m_value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(m_configName));
    }

    protected void validateValue(final int value) throws InvalidSettingsException {
        // no restriction
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final int value = settings.getInt(m_configName);
        validateValue(value);
        setIntValue(value);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    @Override
    public String getKey() {
        return m_configName;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FlowVariable.Type getFlowVariableType() {
        return FlowVariable.Type.INTEGER;
    }
}
