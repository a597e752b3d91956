package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;

class ExecutionContextTablesTest {

    private static final DataTableSpec SPEC =
        new DataTableSpec(new String[]{"x", "y"}, new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE});

    private static BufferedDataTable table(final int rows) {
        final double[][] v = new double[rows][];
        for (int i = 0; i < rows; i++) {
            v[i] = new double[]{i, 2.0 * i};
        }
        return NodeModelHarness.createTable(SPEC, v);
    }

    private static SingleCellFactory sum() {
        return new SingleCellFactory(new DataColumnSpecCreator("sum", DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                return new DoubleCell(((DoubleValue)row.getCell(0)).getDoubleValue()
                    + ((DoubleValue)row.getCell(1)).getDoubleValue());
            }
        };
    }

    @Test
    void columnRearrangerAppendsRemovesAndReportsProgress() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new ToyNodeModel());
        final ColumnRearranger r = new ColumnRearranger(SPEC);
        r.append(sum());
        r.remove("x");
        assertArrayEquals(new String[]{"y", "sum"}, r.createSpec().getColumnNames());
        final BufferedDataTable out = h.newExecutionContext().createColumnRearrangeTable(table(4), r,
            h.newExecutionContext());
        assertEquals(4, out.size());
        final List<Double> sums = new ArrayList<>();
        try (CloseableRowIterator it = out.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                sums.add(((DoubleValue)row.getCell(1)).getDoubleValue());
                assertEquals("Row" + (sums.size() - 1), row.getKey().getString());
            }
        }
        assertEquals(List.of(0.0, 3.0, 6.0, 9.0), sums);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), h.progress());
    }

    @Test
    void columnRearrangerHonoursCancel() {
        final NodeModelHarness h = new NodeModelHarness(new ToyNodeModel()).cancelAfter(2);
        final ColumnRearranger r = new ColumnRearranger(SPEC);
        r.append(sum());
        final ExecutionContext exec = h.newExecutionContext();
        assertThrows(CanceledExecutionException.class,
            () -> exec.createColumnRearrangeTable(table(10), r, exec));
        assertEquals(2, h.progressCalls());
    }

    @Test
    void concatenateAndCopyTables() throws Exception {
        final ExecutionContext exec = new NodeModelHarness(new ToyNodeModel()).newExecutionContext();
        final BufferedDataTable a = table(2);
        final BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new org.knime.core.data.def.DefaultRow("other", 5.0, 6.0));
        c.close();
        final BufferedDataTable both = exec.createConcatenateTable(exec, a, c.getTable());
        assertEquals(3, both.size());
        assertEquals("Rows: 3, Cols: 2", both.getSummary());
        final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
            () -> exec.createConcatenateTable(exec, a, a));
        assertTrue(dup.getMessage().contains("duplicate row ID"), dup.getMessage());
        assertThrows(IllegalStateException.class, () -> exec.createDataContainer(SPEC).getTable(),
            "an open container has no table yet");
    }

    /** The stand-in records iterators neither closed nor at their end (knime-core CloseableRowIterator). */
    @Test
    void openIteratorsAreRecordedUntilClosedOrExhausted() {
        final BufferedDataTable t = table(3);
        final CloseableRowIterator left = t.iterator();
        left.next(); // as a for-each loop left by an exception
        assertEquals(1, t.openIterators());
        try (CloseableRowIterator closed = t.iterator()) {
            closed.next();
        }
        assertEquals(1, t.openIterators(), "a closed iterator is not open");
        for (DataRow r : t) {
            assertEquals(2, r.getNumCells());
        }
        assertEquals(1, t.openIterators(), "an iterator run to its end is not open");
        left.close();
        assertEquals(0, t.openIterators());
    }
}
