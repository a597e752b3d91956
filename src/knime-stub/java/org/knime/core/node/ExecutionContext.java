package org.knime.core.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.RowAppender;
import org.knime.core.data.def.DefaultRow;

/** Stand-in (test harness only): execution monitor that also creates tables; created by the framework (harness). */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final NodeProgressMonitor progress) {
        super(progress);
    }


    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        final BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        for (DataRow row : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        final BufferedDataContainer c = new BufferedDataContainer(spec, initDomain);
        final StandInProgressMonitor root = StandInProgressMonitor.root(getProgressMonitor());
        if (root != null) {
            root.track(c);
        }
        return c;
    }

    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in, final ColumnRearranger rearranger,
        final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        final BufferedDataContainer c = createDataContainer(rearranger.createSpec());
        try {
            final Method apply = ColumnRearranger.class.getDeclaredMethod("apply", DataTable.class, long.class,
                RowAppender.class, ExecutionMonitor.class);
            apply.setAccessible(true);
            apply.invoke(rearranger, in, in.size(), c, subProgressMon);
        } catch (InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof CanceledExecutionException) {
                throw (CanceledExecutionException)cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException)cause;
            }
            if (cause instanceof Error) {
                throw (Error)cause;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Stand-in wiring of ColumnRearranger is broken", e);
        }
        c.close();
        return c.getTable();
    }

    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (!in.getDataTableSpec().equalStructure(newSpec)
            && in.getDataTableSpec().getNumColumns() != newSpec.getNumColumns()) {
            throw new IllegalArgumentException("New spec has " + newSpec.getNumColumns()
                + " columns, the table has " + in.getDataTableSpec().getNumColumns());
        }
        final BufferedDataContainer c = createDataContainer(newSpec);
        for (DataRow row : in) {
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("No tables to concatenate");
        }
        final DataTableSpec spec = tables[0].getDataTableSpec();
        final BufferedDataContainer c = createDataContainer(spec);
        for (BufferedDataTable t : tables) {
            if (!t.getDataTableSpec().equalStructure(spec)) {
                throw new IllegalArgumentException("Cannot concatenate tables of different structure: "
                    + spec + " vs. " + t.getDataTableSpec());
            }
            for (DataRow row : t) {
                exec.checkCanceled();
                c.addRowToTable(new DefaultRow(row.getKey(), row));
            }
        }
        c.close();
        return c.getTable();
    }

    public void clearTable(final BufferedDataTable table) {
        // in memory: nothing to release
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg, false));
    }

    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg, true));
    }
}
