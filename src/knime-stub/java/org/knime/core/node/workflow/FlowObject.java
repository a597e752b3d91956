package org.knime.core.node.workflow;

/**
 * Stand-in (test harness only): declared only because {@link FlowVariable} extends it in the real API. The real class
 * has members; none are declared here.
 */
public abstract class FlowObject {

    FlowObject() {
    }
}
