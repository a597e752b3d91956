package org.knime.core.data;

/** Stand-in (test harness only): a missing value, optionally with the reason it is missing. */
public final class MissingCell extends DataCell implements MissingValue {

    private final String m_error;

    public MissingCell(final String error) {
        m_error = error;
    }

    @Override
    public String getError() {
        return m_error;
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
