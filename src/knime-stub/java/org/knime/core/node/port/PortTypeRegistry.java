package org.knime.core.node.port;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-in (test harness only): creates port types and finds serializers. KNIME reads serializers from plugin.xml;
 * the stand-in looks for a public static nested serializer class (the way cinn4knime registers them in plugin.xml).
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_types = new LinkedHashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optionalTypes = new LinkedHashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public synchronized Collection<PortType> availablePortTypes() {
        return new ArrayList<>(m_types.values());
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null");
        }
        return (isOptional ? m_optionalTypes : m_types).computeIfAbsent(objectClass,
            c -> new PortType(c, isOptional));
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObject.PortObjectSerializer<PortObject>> getObjectSerializer(
        final Class<? extends PortObject> objectClass) {
        return (Optional<PortObject.PortObjectSerializer<PortObject>>)(Optional<?>)findSerializer(objectClass,
            PortObject.PortObjectSerializer.class, "getPortObjectSerializer");
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpec.PortObjectSpecSerializer<PortObjectSpec>> getSpecSerializer(
        final Class<? extends PortObjectSpec> specClass) {
        return (Optional<PortObjectSpec.PortObjectSpecSerializer<PortObjectSpec>>)(Optional<?>)findSerializer(
            specClass, PortObjectSpec.PortObjectSpecSerializer.class, "getPortObjectSpecSerializer");
    }

    private static Optional<Object> findSerializer(final Class<?> owner, final Class<?> serializerBase,
        final String legacyMethod) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> nested : c.getDeclaredClasses()) {
                final int mod = nested.getModifiers();
                if (serializerBase.isAssignableFrom(nested) && Modifier.isPublic(mod) && Modifier.isStatic(mod)
                    && !Modifier.isAbstract(mod)) {
                    try {
                        final Constructor<?> ctor = nested.getConstructor();
                        return Optional.of(ctor.newInstance());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Serializer " + nested.getName()
                            + " needs a public no-argument constructor", e);
                    }
                }
            }
            try {
                final Method m = c.getMethod(legacyMethod);
                if (Modifier.isStatic(m.getModifiers()) && serializerBase.isAssignableFrom(m.getReturnType())) {
                    return Optional.ofNullable(m.invoke(null));
                }
            } catch (NoSuchMethodException e) {
                // no legacy accessor
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Calling " + c.getName() + "." + legacyMethod + "() failed", e);
            }
        }
        return Optional.empty();
    }
}
