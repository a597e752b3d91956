package org.knime.core.data;

import java.util.Set;

/** Stand-in (test harness only): builds a {@link DataColumnDomain}. */
public class DataColumnDomainCreator {

    private DataCell m_lower;

    private DataCell m_upper;

    private Set<? extends DataCell> m_values;

    public DataColumnDomainCreator() {
    }

    public DataColumnDomainCreator(final DataColumnDomain domain) {
        m_lower = domain.getLowerBound();
        m_upper = domain.getUpperBound();
        m_values = domain.getValues();
    }

    public DataColumnDomainCreator(final Set<? extends DataCell> values) {
        m_values = values;
    }

    public DataColumnDomainCreator(final DataCell lower, final DataCell upper) {
        m_lower = lower;
        m_upper = upper;
    }

    public DataColumnDomainCreator(final Set<? extends DataCell> values, final DataCell lower, final DataCell upper) {
        m_values = values;
        m_lower = lower;
        m_upper = upper;
    }

    public DataColumnDomain createDomain() {
        return new DataColumnDomain(m_lower, m_upper, m_values);
    }

    public void setValues(final Set<? extends DataCell> values) {
        m_values = values;
    }

    public void setLowerBound(final DataCell lower) {
        m_lower = lower;
    }

    public void setUpperBound(final DataCell upper) {
        m_upper = upper;
    }
}
