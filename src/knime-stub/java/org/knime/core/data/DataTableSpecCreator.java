package org.knime.core.data;

import java.util.ArrayList;
import java.util.List;

/** Stand-in (test harness only): builds a {@link DataTableSpec}. */
public final class DataTableSpecCreator {

    private String m_name = "default";

    private final List<DataColumnSpec> m_columns = new ArrayList<>();

    public DataTableSpecCreator() {
    }

    public DataTableSpecCreator(final DataTableSpec spec) {
        m_name = spec.getName();
        spec.forEach(m_columns::add);
    }

    public DataTableSpecCreator replaceColumn(final int index, final DataColumnSpec column) {
        m_columns.set(index, column);
        return this;
    }

    public DataTableSpecCreator addColumns(final DataColumnSpec... columns) {
        for (DataColumnSpec c : columns) {
            m_columns.add(c);
        }
        return this;
    }

    public DataTableSpecCreator addColumns(final DataTableSpec spec) {
        spec.forEach(m_columns::add);
        return this;
    }

    public DataTableSpecCreator setName(final String name) {
        m_name = name;
        return this;
    }

    public DataTableSpecCreator dropAllColumns() {
        m_columns.clear();
        return this;
    }

    public DataTableSpec createSpec() {
        return new DataTableSpec(m_name, m_columns.toArray(new DataColumnSpec[0]));
    }
}
