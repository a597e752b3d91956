package org.knime.core.data;

/** Stand-in (test harness only): builds a {@link DataColumnSpec}. */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain;

    public DataColumnSpecCreator(final String name, final DataType type) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_name = name;
        m_type = type;
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        m_name = cspec.getName();
        m_type = cspec.getType();
        m_domain = cspec.getDomain();
    }

    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        m_name = name;
    }

    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_type = type;
    }

    public void setDomain(final DataColumnDomain domain) {
        m_domain = domain;
    }

    public DataType getType() {
        return m_type;
    }

    public void removeAllHandlers() {
        // the stand-in has no handlers
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_domain);
    }
}
