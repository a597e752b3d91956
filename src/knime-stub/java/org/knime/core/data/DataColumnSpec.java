package org.knime.core.data;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in (test harness only): name, type and domain of a column (no properties/handlers). */
public final class DataColumnSpec {

    private static final String CFG_NAME = "column_name";

    private static final String CFG_TYPE = "column_type";

    private static final String CFG_DOMAIN = "column_domain";

    private static final String CFG_LOWER = "lower_bound";

    private static final String CFG_UPPER = "upper_bound";

    private static final String CFG_VALUES = "possible_values";

    private final String m_name;

    private final DataType m_type;

    private final DataColumnDomain m_domain;

    DataColumnSpec(final String name, final DataType type, final DataColumnDomain domain) {
        m_name = Objects.requireNonNull(name, "Name of DataColumnSpec must not be null!");
        m_type = Objects.requireNonNull(type, "Type of DataColumnSpec must not be null!");
        m_domain = domain == null ? new DataColumnDomainCreator().createDomain() : domain;
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnDomain getDomain() {
        return m_domain;
    }

    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpec && equalStructure((DataColumnSpec)obj)
            && m_domain.equals(((DataColumnSpec)obj).m_domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_type);
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        m_type.save(config.addConfig(CFG_TYPE));
        final ConfigWO domain = config.addConfig(CFG_DOMAIN);
        if (m_domain.hasLowerBound()) {
            domain.addDataCell(CFG_LOWER, m_domain.getLowerBound());
        }
        if (m_domain.hasUpperBound()) {
            domain.addDataCell(CFG_UPPER, m_domain.getUpperBound());
        }
        if (m_domain.hasValues()) {
            domain.addDataCellArray(CFG_VALUES, m_domain.getValues().toArray(new DataCell[0]));
        }
    }

    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        DataColumnDomain domain = null;
        if (config.containsKey(CFG_DOMAIN)) {
            final ConfigRO d = config.getConfig(CFG_DOMAIN);
            final DataCell[] values = d.getDataCellArray(CFG_VALUES, (DataCell[])null);
            domain = new DataColumnDomain(d.getDataCell(CFG_LOWER, null), d.getDataCell(CFG_UPPER, null),
                values == null ? null : new java.util.LinkedHashSet<>(java.util.Arrays.asList(values)));
        }
        return new DataColumnSpec(config.getString(CFG_NAME), DataType.load(config.getConfig(CFG_TYPE)), domain);
    }
}
