package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.RowKey;

/**
 * Stand-in (test harness only): collects rows in memory, checking them as KNIME does (cell count, cell types against
 * the column types, unique row keys). When closed it computes the column domains (numeric bounds, up to 60 nominal
 * values) for columns whose spec has none, and exposes the result as a table.
 */
public class DataContainer implements RowAppender, RowFlushable {

    public static final int NOT_IN_WORKFLOW_BUFFER = -1;

    private static final int MAX_POSSIBLE_VALUES = 60;

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<RowKey> m_keys = new HashSet<>();

    private DataTable m_table;

    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        m_spec = spec;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_table != null) {
            throw new IllegalStateException("Cannot add row \"" + row.getKey() + "\": container has been closed.");
        }
        final int n = m_spec.getNumColumns();
        if (row.getNumCells() != n) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey()
                + "\" is not equal to length of column names array: " + row.getNumCells() + " vs. " + n);
        }
        for (int i = 0; i < n; i++) {
            final DataCell cell = row.getCell(i);
            if (cell == null) {
                throw new NullPointerException("Cell " + i + " in row \"" + row.getKey() + "\" is null.");
            }
            final DataType colType = m_spec.getColumnSpec(i).getType();
            if (!cell.isMissing() && !colType.isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime type of cell #" + i + " (column \""
                    + m_spec.getColumnSpec(i).getName() + "\") in row \"" + row.getKey() + "\" is " + cell.getType()
                    + ", which does not comply with its declared type " + colType);
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    @Override
    public void flushRows() {
        // in memory: nothing to flush
    }

    public DataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    public void close() {
        if (m_table == null) {
            m_table = new InMemoryTable(specWithDomains(), m_rows);
        }
    }

    public boolean isClosed() {
        return m_table != null;
    }

    public boolean isOpen() {
        return m_table == null;
    }

    public long size() {
        return m_rows.size();
    }

    public DataTableSpec getTableSpec() {
        return m_table != null ? m_table.getDataTableSpec() : m_spec;
    }

    private DataTableSpec specWithDomains() {
        final DataColumnSpec[] cols = new DataColumnSpec[m_spec.getNumColumns()];
        for (int i = 0; i < cols.length; i++) {
            final DataColumnSpec col = m_spec.getColumnSpec(i);
            final DataColumnDomain d = col.getDomain();
            final DataColumnDomainCreator dc = new DataColumnDomainCreator(d);
            boolean changed = false;
            if (!d.hasBounds() && col.getType().isCompatible(DoubleValue.class)) {
                DataCell min = null;
                DataCell max = null;
                for (DataRow r : m_rows) {
                    final DataCell c = r.getCell(i);
                    if (c.isMissing() || Double.isNaN(((DoubleValue)c).getDoubleValue())) {
                        continue;
                    }
                    final double v = ((DoubleValue)c).getDoubleValue();
                    if (min == null || v < ((DoubleValue)min).getDoubleValue()) {
                        min = c;
                    }
                    if (max == null || v > ((DoubleValue)max).getDoubleValue()) {
                        max = c;
                    }
                }
                dc.setLowerBound(min);
                dc.setUpperBound(max);
                changed = min != null;
            }
            if (!d.hasValues() && col.getType().isCompatible(NominalValue.class)) {
                final Set<DataCell> values = new LinkedHashSet<>();
                for (DataRow r : m_rows) {
                    final DataCell c = r.getCell(i);
                    if (!c.isMissing()) {
                        values.add(c);
                    }
                    if (values.size() > MAX_POSSIBLE_VALUES) {
                        break;
                    }
                }
                if (values.size() <= MAX_POSSIBLE_VALUES) {
                    dc.setValues(values);
                    changed = true;
                }
            }
            if (changed) {
                final DataColumnSpecCreator c = new DataColumnSpecCreator(col);
                c.setDomain(dc.createDomain());
                cols[i] = c.createSpec();
            } else {
                cols[i] = col;
            }
        }
        return new DataTableSpec(m_spec.getName(), cols);
    }
}
