package org.knime.core.node.config;

import org.knime.core.data.DataType;
import org.knime.core.node.config.base.ConfigBaseWO;

/** Stand-in (test harness only): write access to a config tree. */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);

    void addDataType(String key, DataType type);
}
