package org.cinn4knime.nodes.sampler;

import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Sampler. */
final class CinnSamplerSettings extends CinnNodeSettings {

    static final String CFG_SAMPLES_PER_ROW = "samples_per_row";

    static final String CFG_TEMPERATURE = "temperature";

    static final String CFG_APPEND_LOG_DENSITY = "append_log_density";

    static final String CFG_KEEP_INPUT_COLUMNS = "keep_input_columns";

    final SettingsModelIntegerBounded m_samplesPerRow =
        add(new SettingsModelIntegerBounded(CFG_SAMPLES_PER_ROW, 100, 1, 10_000_000));

    final SettingsModelDoubleBounded m_temperature =
        add(new SettingsModelDoubleBounded(CFG_TEMPERATURE, 1.0, 0.01, 10.0));

    final SettingsModelInteger m_seed = add(CommonSettings.createSeedModel());

    final SettingsModelBoolean m_appendLogDensity = add(new SettingsModelBoolean(CFG_APPEND_LOG_DENSITY, false));

    final SettingsModelBoolean m_keepInputColumns = add(new SettingsModelBoolean(CFG_KEEP_INPUT_COLUMNS, false));

    final SettingsModelString m_missing = add(MissingValuePolicy.createModel());

    final SettingsModelIntegerBounded m_threads = add(CommonSettings.createThreadsModel());

    @Override
    protected void check() throws InvalidSettingsException {
        missingValuePolicy();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }
}
