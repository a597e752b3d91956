package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in (test harness only): write access to model content. */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);

    void addModelContent(ModelContent content);
}
