package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Stand-in (test harness only): read access to model content. */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
