package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Stand-in (test harness only): the domain of a column: optional bounds and optional possible values. */
public final class DataColumnDomain {

    private final DataCell m_lower;

    private final DataCell m_upper;

    private final Set<DataCell> m_values;

    DataColumnDomain(final DataCell lower, final DataCell upper, final Set<? extends DataCell> values) {
        m_lower = lower;
        m_upper = upper;
        m_values = values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public Set<DataCell> getValues() {
        return m_values;
    }

    public boolean hasValues() {
        return m_values != null;
    }

    public DataCell getLowerBound() {
        return m_lower;
    }

    public boolean hasLowerBound() {
        return m_lower != null;
    }

    public DataCell getUpperBound() {
        return m_upper;
    }

    public boolean hasUpperBound() {
        return m_upper != null;
    }

    public boolean hasBounds() {
        return hasLowerBound() && hasUpperBound();
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataColumnDomain)) {
            return false;
        }
        final DataColumnDomain o = (DataColumnDomain)obj;
        return Objects.equals(m_lower, o.m_lower) && Objects.equals(m_upper, o.m_upper)
            && Objects.equals(m_values, o.m_values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_lower, m_upper, m_values);
    }

    @Override
    public String toString() {
        return "lower=" + m_lower + ", upper=" + m_upper + ", values=" + m_values;
    }
}
