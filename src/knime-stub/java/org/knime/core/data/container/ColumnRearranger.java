package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in (test harness only): describes how to derive a table from another one (keep, remove, append, insert and
 * replace columns). Executed by {@code ExecutionContext.createColumnRearrangeTable}.
 */
public class ColumnRearranger {

    /** One output column: either an input column (factory == null) or output #index of a factory. */
    private static final class Column {
        final DataColumnSpec m_spec;

        final int m_inputIndex;

        final CellFactory m_factory;

        final int m_factoryIndex;

        Column(final DataColumnSpec spec, final int inputIndex, final CellFactory factory, final int factoryIndex) {
            m_spec = spec;
            m_inputIndex = inputIndex;
            m_factory = factory;
            m_factoryIndex = factoryIndex;
        }
    }

    private final DataTableSpec m_original;

    private final List<Column> m_columns = new ArrayList<>();

    public ColumnRearranger(final DataTableSpec original) {
        m_original = original;
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_columns.add(new Column(original.getColumnSpec(i), i, null, -1));
        }
    }

    public final int indexOf(final String colName) {
        for (int i = 0; i < m_columns.size(); i++) {
            if (m_columns.get(i).m_spec.getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    private int requireIndex(final String colName) {
        final int i = indexOf(colName);
        if (i < 0) {
            throw new IllegalArgumentException("No such column: \"" + colName + "\"");
        }
        return i;
    }

    public final int getColumnCount() {
        return m_columns.size();
    }

    public final void keepOnly(final int... colIndices) {
        final Set<Integer> keep = new LinkedHashSet<>();
        for (int i : colIndices) {
            keep.add(i);
        }
        final List<Column> kept = new ArrayList<>();
        for (int i = 0; i < m_columns.size(); i++) {
            if (keep.contains(i)) {
                kept.add(m_columns.get(i));
            }
        }
        m_columns.clear();
        m_columns.addAll(kept);
    }

    public final void keepOnly(final String... colNames) {
        keepOnly(Arrays.stream(colNames).mapToInt(this::requireIndex).toArray());
    }

    public final void remove(final int... colIndices) {
        final int[] sorted = colIndices.clone();
        Arrays.sort(sorted);
        for (int k = sorted.length - 1; k >= 0; k--) {
            m_columns.remove(sorted[k]);
        }
    }

    public final void remove(final String... colNames) {
        remove(Arrays.stream(colNames).mapToInt(this::requireIndex).toArray());
    }

    public final void move(final int from, final int to) {
        final Column c = m_columns.remove(from);
        m_columns.add(to > from ? to - 1 : to, c);
    }

    public final void move(final String colName, final int to) {
        move(requireIndex(colName), to);
    }

    public final void insertAt(final int position, final CellFactory fac) {
        final DataColumnSpec[] specs = fac.getColumnSpecs();
        for (int i = 0; i < specs.length; i++) {
            m_columns.add(position + i, new Column(specs[i], -1, fac, i));
        }
    }

    public final void append(final CellFactory fac) {
        insertAt(m_columns.size(), fac);
    }

    public final void replace(final CellFactory fac, final String... colNames) {
        replace(fac, Arrays.stream(colNames).mapToInt(this::requireIndex).toArray());
    }

    public final void replace(final CellFactory fac, final int... colIndices) {
        final DataColumnSpec[] specs = fac.getColumnSpecs();
        if (specs.length != colIndices.length) {
            throw new IllegalArgumentException("Factory creates " + specs.length + " columns but "
                + colIndices.length + " columns are to be replaced.");
        }
        for (int i = 0; i < colIndices.length; i++) {
            m_columns.set(colIndices[i], new Column(specs[i], -1, fac, i));
        }
    }

    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_original.getName(),
            m_columns.stream().map(c -> c.m_spec).toArray(DataColumnSpec[]::new));
    }

    /** Stand-in internal, called reflectively by ExecutionContext: applies the rearrangement row by row. */
    void apply(final DataTable in, final long rowCount, final RowAppender out, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final List<CellFactory> factories = new ArrayList<>();
        for (Column c : m_columns) {
            if (c.m_factory != null && !factories.contains(c.m_factory)) {
                factories.add(c.m_factory);
            }
        }
        long index = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            final Map<CellFactory, DataCell[]> computed = new IdentityHashMap<>();
            for (CellFactory f : factories) {
                final DataCell[] cells = f.getCells(row, index);
                if (cells == null || cells.length != f.getColumnSpecs().length) {
                    throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned "
                        + (cells == null ? "null" : cells.length + " cells") + " for row \"" + row.getKey()
                        + "\", expected " + f.getColumnSpecs().length);
                }
                computed.put(f, cells);
            }
            final DataCell[] result = new DataCell[m_columns.size()];
            for (int i = 0; i < result.length; i++) {
                final Column c = m_columns.get(i);
                result[i] = c.m_factory == null ? row.getCell(c.m_inputIndex) : computed.get(c.m_factory)[c.m_factoryIndex];
            }
            out.addRowToTable(new DefaultRow(row.getKey(), result));
            index++;
            for (CellFactory f : factories) {
                f.setProgress(index, rowCount, row.getKey(), exec);
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory) {
                ((AbstractCellFactory)f).afterProcessing();
            }
        }
    }
}
