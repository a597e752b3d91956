package org.cinn4knime.nodes.scorer;

import java.util.List;

import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the cINN Scorer. */
final class CinnScorerSettings {

    static final String CFG_FLOW_VARIABLE_PREFIX = "flow_variable_prefix";

    static final String DEFAULT_PREFIX = "cinn_";

    final SettingsModelString m_prefix = new SettingsModelString(CFG_FLOW_VARIABLE_PREFIX, DEFAULT_PREFIX);

    final SettingsModelString m_missing = MissingValuePolicy.createModel();

    final SettingsModelIntegerBounded m_threads = CommonSettings.createThreadsModel();

    private final List<SettingsModel> m_all = List.of(m_prefix, m_missing, m_threads);

    void save(final NodeSettingsWO settings) {
        m_all.forEach(m -> m.saveSettingsTo(settings));
    }

    void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_all) {
            m.loadSettingsFrom(settings);
        }
    }

    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final CinnScorerSettings s = new CinnScorerSettings();
        s.load(settings);
        s.missingValuePolicy();
        s.prefix();
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
