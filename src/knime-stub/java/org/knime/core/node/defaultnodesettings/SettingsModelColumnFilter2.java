package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

/** Stand-in (test harness only): a column selection (include/exclude lists or pattern) over an input table. */
public final class SettingsModelColumnFilter2 extends SettingsModel {

    private DataColumnSpecFilterConfiguration m_config;

    private int m_inputPortIndex;

    public SettingsModelColumnFilter2(final String configName) {
        this(new DataColumnSpecFilterConfiguration(requireConfigName(configName)));
    }

    @SafeVarargs
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... allowedTypes) {
        this(new DataColumnSpecFilterConfiguration(requireConfigName(configName), typeFilter(allowedTypes)));
    }

    public SettingsModelColumnFilter2(final String configName, final InputFilter<DataColumnSpec> filter,
        final int filterEnableMask) {
        this(new DataColumnSpecFilterConfiguration(requireConfigName(configName), filter, filterEnableMask));
    }

    private SettingsModelColumnFilter2(final DataColumnSpecFilterConfiguration config) {
        m_config = config;
    }

    private static InputFilter<DataColumnSpec> typeFilter(final Class<? extends DataValue>[] allowedTypes) {
        if (allowedTypes == null || allowedTypes.length == 0) {
            return null;
        }
        final Class<? extends DataValue>[] types = allowedTypes.clone();
        return new InputFilter<>() {
            @Override
            public boolean include(final DataColumnSpec spec) {
                for (Class<? extends DataValue> t : types) {
                    if (spec.getType().isCompatible(t)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelColumnFilter2 createClone() {
        final SettingsModelColumnFilter2 clone = new SettingsModelColumnFilter2(m_config.clone());
        clone.m_inputPortIndex = m_inputPortIndex;
        clone.setEnabled(isEnabled());
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return m_config.getConfigRootName();
    }

    public void loadDefaults(final DataTableSpec spec) {
        m_config.loadDefaults(spec, true);
    }

    public void loadDefaults(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        m_config.loadDefault(spec, filter, filterDefinesIncludeList);
    }

    protected DataColumnSpecFilterConfiguration getFilterConfiguration() {
        return m_config.clone();
    }

    protected void setFilterConfiguration(final DataColumnSpecFilterConfiguration conf) {
        if (!conf.equals(m_config)) {
            m_config = conf.clone();
            notifyChangeListeners();
        }
    }

    public FilterResult applyTo(final DataTableSpec inSpec) {
        return m_config.applyTo(inSpec);
    }

    void setInputPortIndex(final int index) {
        m_inputPortIndex = index;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (m_inputPortIndex >= specs.length || !(specs[m_inputPortIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("No table spec at input port " + m_inputPortIndex + " for \""
                + getConfigName() + "\"");
        }
        m_config.loadConfigurationInDialog(settings, (DataTableSpec)specs[m_inputPortIndex]);
        notifyChangeListeners();
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_config.saveConfiguration(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_config.clone().loadConfigurationInModel(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final DataColumnSpecFilterConfiguration before = m_config.clone();
        m_config.loadConfigurationInModel(settings);
        if (!before.equals(m_config)) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        m_config.saveConfiguration(settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " - Port:" + m_inputPortIndex + "(" + getConfigName() + ")";
    }
}
