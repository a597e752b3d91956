package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/** Stand-in (test harness only): a String setting (may be null), saved as one xstring entry. */
public class SettingsModelString extends SettingsModel implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private String m_value;

    public SettingsModelString(final String configName, final String defaultValue) {
        m_configName = requireConfigName(configName);
        m_value = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelString createClone() {
        final SettingsModelString clone = new SettingsModelString(m_configName, m_value);
        clone.setEnabled(isEnabled());
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_string";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        setStringValue(settings.getString(m_configName, m_value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    public void setStringValue(final String newValue) {
        final boolean changed = !Objects.equals(newValue, m_value);
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public String getStringValue() {
        return m_value;
    }

    public String getJavaUnescapedStringValue() {
        if (m_value == null) {
            return null;
        }
        return m_value.translateEscapes();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(m_configName);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        setStringValue(settings.getString(m_configName));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addString(m_configName, m_value);
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
        return FlowVariable.Type.STRING;
    }
}
