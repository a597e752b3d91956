package org.cinn4knime.nodes.sampler;

import java.util.List;

import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Sampler. */
final class CinnSamplerSettings {

    static final String CFG_SAMPLES_PER_ROW = "samples_per_row";

    static final String CFG_TEMPERATURE = "temperature";

    static final String CFG_APPEND_LOG_DENSITY = "append_log_density";

    static final String CFG_KEEP_INPUT_COLUMNS = "keep_input_columns";

    final SettingsModelIntegerBounded m_samplesPerRow =
        new SettingsModelIntegerBounded(CFG_SAMPLES_PER_ROW, 100, 1, 10_000_000);

    final SettingsModelDoubleBounded m_temperature = new SettingsModelDoubleBounded(CFG_TEMPERATURE, 1.0, 0.01, 10.0);

    final SettingsModelInteger m_seed = CommonSettings.createSeedModel();

    final SettingsModelBoolean m_appendLogDensity = new SettingsModelBoolean(CFG_APPEND_LOG_DENSITY, false);

    final SettingsModelBoolean m_keepInputColumns = new SettingsModelBoolean(CFG_KEEP_INPUT_COLUMNS, false);

    final SettingsModelString m_missing = MissingValuePolicy.createModel();

    final SettingsModelIntegerBounded m_threads = CommonSettings.createThreadsModel();

    private final List<SettingsModel> m_all = List.of(m_samplesPerRow, m_temperature, m_seed, m_appendLogDensity,
        m_keepInputColumns, m_missing, m_threads);

    void save(final NodeSettingsWO settings) {
        m_all.forEach(m -> m.saveSettingsTo(settings));
    }

    void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_all) {
            m.loadSettingsFrom(settings);
        }
    }

    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final CinnSamplerSettings s = new CinnSamplerSettings();
        s.load(settings);
        s.missingValuePolicy();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }
}
