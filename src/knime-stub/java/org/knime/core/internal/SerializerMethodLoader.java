package org.knime.core.internal;

/**
 * Stand-in (test harness only): declared only because {@code PortObject.PortObjectSerializer} and
 * {@code PortObjectSpec.PortObjectSpecSerializer} implement {@link Serializer}. No members.
 */
public final class SerializerMethodLoader {

    private SerializerMethodLoader() {
    }

    /** Marker interface of KNIME serializers (referenced by the real API, members left out). */
    public interface Serializer<T> {
    }
}
