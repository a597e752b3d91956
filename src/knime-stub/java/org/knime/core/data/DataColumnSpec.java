package org.knime.core.data;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in (test harness only): name, type and domain of a column (no properties/handlers). */
public final class DataColumnSpec {

    private static final String CFG_NAME = "column_name";

    private static final String CFG_TYPE = "column_type";

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
    }

    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        return new DataColumnSpec(config.getString(CFG_NAME), DataType.load(config.getConfig(CFG_TYPE)), null);
    }
}
