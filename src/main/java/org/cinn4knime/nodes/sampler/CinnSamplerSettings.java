package org.cinn4knime.nodes.sampler;

import org.cinn4knime.engine.settings.SamplingDeclarations;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Sampler, each derived from its declaration (mostly {@link SamplingDeclarations}). */
final class CinnSamplerSettings extends CinnNodeSettings {

    /** Node-only: keep the input table's other columns beside the designs. */
    static final Setting KEEP_INPUT_COLUMNS =
        Setting.bool("keep_input_columns", false).label("Keep the other input columns");

    static final Setting MISSING = MissingValuePolicy.declaration("Rows with missing y values");

    final SettingsModelIntegerBounded m_samplesPerRow = integer(SamplingDeclarations.SAMPLES_PER_ROW);

    final SettingsModelDoubleBounded m_temperature = real(SamplingDeclarations.TEMPERATURE);

    final SettingsModelIntegerBounded m_seed = integer(TrainingDeclarations.SEED);

    final SettingsModelBoolean m_appendLogDensity = bool(SamplingDeclarations.APPEND_LOG_DENSITY);

    final SettingsModelBoolean m_keepInputColumns = bool(KEEP_INPUT_COLUMNS);

    final SettingsModelString m_missing = add(MISSING, MissingValuePolicy::createModel);

    final SettingsModelIntegerBounded m_threads = integer(TrainingDeclarations.THREADS);

    @Override
    protected void check() throws InvalidSettingsException {
        missingValuePolicy();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }
}
