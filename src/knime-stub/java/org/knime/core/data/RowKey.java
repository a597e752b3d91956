package org.knime.core.data;

/** Stand-in (test harness only): the row ID. */
public final class RowKey implements RowKeyValue {

    private final String m_key;

    public RowKey(final String key) {
        if (key == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_key = key;
    }

    @Override
    public String getString() {
        return m_key;
    }

    @Override
    public String toString() {
        return m_key;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_key.equals(m_key);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    public static String[] toStrings(final RowKey... keys) {
        final String[] result = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            result[i] = keys[i].getString();
        }
        return result;
    }

    public static RowKey[] toRowKeys(final String... strings) {
        final RowKey[] result = new RowKey[strings.length];
        for (int i = 0; i < strings.length; i++) {
            result[i] = new RowKey(strings[i]);
        }
        return result;
    }

    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
