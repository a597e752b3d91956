package org.cinn4knime.nodes.scorer;

import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Scorer. */
final class CinnScorerSettings extends CinnNodeSettings {

    static final String CFG_FLOW_VARIABLE_PREFIX = "flow_variable_prefix";

    static final String DEFAULT_PREFIX = "cinn_";

    final SettingsModelString m_prefix = add(new SettingsModelString(CFG_FLOW_VARIABLE_PREFIX, DEFAULT_PREFIX));

    final SettingsModelString m_missing = add(MissingValuePolicy.createModel());

    final SettingsModelIntegerBounded m_threads = add(CommonSettings.createThreadsModel());

    @Override
    protected void check() throws InvalidSettingsException {
        missingValuePolicy();
        prefix();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }

    /** @return the flow variable prefix (may be empty) */
    String prefix() throws InvalidSettingsException {
        final String p = m_prefix.getStringValue();
        if (p == null) {
            throw new InvalidSettingsException("The setting '" + CFG_FLOW_VARIABLE_PREFIX + "' has no value.");
        }
        return p;
    }
}
