package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

/** Stand-in (test harness only): a settings model a flow variable can control. */
public interface SettingsModelFlowVariableCompatible {

    String getKey();

    @SuppressWarnings("deprecation")
    FlowVariable.Type getFlowVariableType();
}
