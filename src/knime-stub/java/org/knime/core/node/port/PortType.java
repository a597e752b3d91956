package org.knime.core.node.port;

import java.lang.reflect.Method;

/** Stand-in (test harness only): the type of a node port (port object class + optional flag). */
public final class PortType {

    public static final int DEFAULT_COLOR = 0xff9b9b9b;

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = objectClass;
        m_optional = optional;
    }

    public String getName() {
        return "org.knime.core.node.BufferedDataTable".equals(m_objectClass.getName()) ? "Data"
            : m_objectClass.getSimpleName();
    }

    public int getColor() {
        return DEFAULT_COLOR;
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return getPortObjectSpecClass(m_objectClass);
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public boolean isOptional() {
        return m_optional;
    }

    public boolean isHidden() {
        return false;
    }

    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_optional ? 1 : 0);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_optional == m_optional;
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null ? m_optional : getPortObjectSpecClass().isInstance(spec);
    }

    public boolean acceptsPortObjectClass(final Class<? extends PortObject> cl) {
        return m_objectClass.isAssignableFrom(cl);
    }

    public boolean acceptsPortObject(final PortObject po) {
        return po == null ? m_optional : m_objectClass.isInstance(po);
    }

    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(final Class<? extends PortObject> objectClass) {
        try {
            final Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new IllegalArgumentException(
                "Cannot determine the spec class of " + objectClass.getName() + " from its getSpec() method", e);
        }
    }
}
