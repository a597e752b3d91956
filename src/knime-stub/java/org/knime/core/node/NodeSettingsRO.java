package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Stand-in (test harness only): read access to node settings. */
public interface NodeSettingsRO extends ConfigRO {

    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
