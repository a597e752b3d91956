package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in (test harness only): a cell factory with fixed column specs and default progress reporting. */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_colSpecs;

    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        if (colSpecs == null || colSpecs.length == 0) {
            throw new IllegalArgumentException("Column specs must not be empty.");
        }
        m_colSpecs = colSpecs.clone();
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs.clone();
    }

    public void afterProcessing() {
        // hook for subclasses
    }

    /** @deprecated use {@link #setProgress(long, long, RowKey, ExecutionMonitor)} */
    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(rowCount <= 0 ? 0 : curRowNr / (double)rowCount,
            "Processed row " + curRowNr + "/" + rowCount + " (\"" + lastKey + "\")");
    }
}
