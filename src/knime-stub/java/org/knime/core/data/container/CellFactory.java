package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in (test harness only): computes new cells for a row (used with {@link ColumnRearranger}). */
public interface CellFactory {

    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException(
            getClass().getName() + " must implement getCells(DataRow) or getCells(DataRow, long)");
    }

    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    DataColumnSpec[] getColumnSpecs();

    /** @deprecated use {@link #setProgress(long, long, RowKey, ExecutionMonitor)} */
    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    @SuppressWarnings("deprecation")
    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)curRowNr, (int)rowCount, lastKey, exec);
    }
}
