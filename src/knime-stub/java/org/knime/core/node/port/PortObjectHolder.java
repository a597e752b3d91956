package org.knime.core.node.port;

/** Stand-in (test harness only): a node model that keeps port objects as internals. */
public interface PortObjectHolder {

    PortObject[] getInternalPortObjects();

    void setInternalPortObjects(PortObject[] portObjects);
}
