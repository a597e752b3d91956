package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Stand-in (test harness only): an immutable row. */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        m_key = Objects.requireNonNull(rowKey, "Row key must not be null.");
        m_cells = row.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException("Cell at index " + i + " of row \"" + rowKey + "\" must not be null.");
            }
        }
    }

    public DefaultRow(final String rowKey, final DataCell... row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final String rowKey, final List<DataCell> row) {
        this(new RowKey(rowKey), row.toArray(new DataCell[0]));
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowKey, final double... row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final String rowKey, final int... row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, Arrays.stream(row).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowKey, final String... row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, Arrays.stream(row).map(StringCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowKey, final DataRow row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final RowKey rowKey, final DataRow row) {
        this(rowKey, row.stream().toArray(DataCell[]::new));
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DefaultRow && ((DefaultRow)obj).m_key.equals(m_key)
            && Arrays.equals(((DefaultRow)obj).m_cells, m_cells);
    }

    @Override
    public int hashCode() {
        return 31 * m_key.hashCode() + Arrays.hashCode(m_cells);
    }
}
