package org.knime.core.node.config.base;

import java.util.Objects;

/** Stand-in internal: a leaf entry; the value is kept in its settings.xml text form ({@code null} = isnull). */
final class ValueEntry extends AbstractConfigEntry {

    private final String m_value;

    ValueEntry(final String key, final EntryType type, final String value) {
        super(key, type);
        if (type == EntryType.CONFIG) {
            throw new IllegalArgumentException("A value entry cannot be of type config: " + key);
        }
        if (value == null && type != EntryType.STRING) {
            throw new IllegalArgumentException("Only string entries may be null: " + key);
        }
        m_value = value;
    }

    String value() {
        return m_value;
    }

    @Override
    public String toStringValue() {
        return m_value;
    }

    @Override
    boolean hasIdenticalValue(final AbstractConfigEntry other) {
        return other instanceof ValueEntry && Objects.equals(m_value, ((ValueEntry)other).m_value);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(m_value);
    }
}
