package org.knime.core.node.workflow;

import java.util.Objects;

/** Stand-in (test harness only): a named flow variable holding a double, int or String. */
public final class FlowVariable extends FlowObject {

    /** @deprecated KNIME 4.1 replaced this enum by VariableType; kept for SettingsModel's getFlowVariableType(). */
    @Deprecated
    public enum Type {
        DOUBLE, INTEGER, STRING, CREDENTIALS, OTHER
    }

    private final String m_name;

    private final Type m_type;

    private final Object m_value;

    private FlowVariable(final String name, final Type type, final Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Invalid (empty) flow variable name");
        }
        // as KNIME (FlowVariable.Scope.verifyName, checked by every constructor, so also by NodeModel's
        // pushFlowVariable* at configure and execute): names of ordinary (flow scope) variables must not use the
        // prefixes of the local, hidden (5.3+) and global scopes, tested in this order
        for (String reserved : new String[]{"knime.node", "knime.hide", "knime"}) {
            if (name.startsWith(reserved)) {
                throw new IllegalArgumentException(String.format(
                    "The flow variable '%s' has a reserved prefix ('%s'). Please change the name.", name, reserved));
            }
        }
        m_name = name;
        m_type = type;
        m_value = value;
    }

    public FlowVariable(final String name, final String valueS) {
        this(name, Type.STRING, Objects.requireNonNull(valueS, "String value of flow variable " + name));
    }

    public FlowVariable(final String name, final double valueD) {
        this(name, Type.DOUBLE, valueD);
    }

    public FlowVariable(final String name, final int valueI) {
        this(name, Type.INTEGER, valueI);
    }

    public String getName() {
        return m_name;
    }

    /** @deprecated as in KNIME (use the variable type) */
    @Deprecated
    public Type getType() {
        return m_type;
    }

    public String getStringValue() {
        return m_type == Type.STRING ? (String)m_value : null;
    }

    public double getDoubleValue() {
        return m_type == Type.DOUBLE ? (Double)m_value : Double.NaN;
    }

    public int getIntValue() {
        return m_type == Type.INTEGER ? (Integer)m_value : 0;
    }

    public String getValueAsString() {
        return String.valueOf(m_value);
    }

    @Override
    public String toString() {
        return "\"" + m_name + "\" (" + m_type + ": " + m_value + ")";
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof FlowVariable && ((FlowVariable)obj).m_name.equals(m_name)
            && ((FlowVariable)obj).m_type == m_type && ((FlowVariable)obj).m_value.equals(m_value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_type, m_value);
    }
}
