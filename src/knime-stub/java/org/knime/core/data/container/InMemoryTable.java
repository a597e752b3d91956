package org.knime.core.data.container;

import java.util.Collections;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/** Stand-in internal: the rows of a closed {@link DataContainer}. */
final class InMemoryTable implements DataTable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    InMemoryTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = Collections.unmodifiableList(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public RowIterator iterator() {
        return CloseableRowIterator.from(m_rows.iterator());
    }
}
