package org.cinn4knime.nodes.scorer;

import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Scorer, each derived from its declaration. */
final class CinnScorerSettings extends CinnNodeSettings {

    /** Node-only: text put in front of the names of the pushed flow variables. */
    static final Setting FLOW_VARIABLE_PREFIX =
        Setting.text("flow_variable_prefix", "cinn_").label("Flow variable prefix");

    static final Setting MISSING = MissingValuePolicy.declaration("Rows with missing x or y values");

    /**
     * The start KNIME reserves for its own flow variables: knime-core's {@code FlowVariable} refuses a flow-scope
     * name starting with it (case-sensitive), which would turn the node red at configure.
     */
    static final String RESERVED_FLOW_VARIABLE_START = "knime";

    final SettingsModelString m_prefix = string(FLOW_VARIABLE_PREFIX);

    final SettingsModelString m_missing = add(MISSING, MissingValuePolicy::createModel);

    final SettingsModelIntegerBounded m_threads = integer(TrainingDeclarations.THREADS);

    @Override
    protected void check() throws InvalidSettingsException {
        missingValuePolicy();
        prefix();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }

    /**
     * @return the flow variable prefix (may be empty)
     * @throws InvalidSettingsException naming the setting if it has no value or if a pushed variable's name would
     *             start with "knime" (reserved by KNIME)
     */
    String prefix() throws InvalidSettingsException {
        final String p = m_prefix.getStringValue();
        final String key = FLOW_VARIABLE_PREFIX.key();
        if (p == null) {
            throw new InvalidSettingsException("The setting '" + key + "' has no value.");
        }
        for (String name : CinnScorerNodeModel.flowVariableNames()) {
            if ((p + name).startsWith(RESERVED_FLOW_VARIABLE_START)) {
                throw new InvalidSettingsException("The setting '" + key + "' (" + FLOW_VARIABLE_PREFIX.label()
                    + ") is '" + p + "', so the flow variable '" + p + name + "' would start with '"
                    + RESERVED_FLOW_VARIABLE_START + "', which KNIME reserves for its own variables; choose another "
                    + "prefix, e.g. '" + FLOW_VARIABLE_PREFIX.stringDefault() + "'.");
            }
        }
        return p;
    }
}
