package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in (test harness only): write access to node settings. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);
}
