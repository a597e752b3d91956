package org.knime.core.node;

import java.io.File;
import java.util.Arrays;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** A small table-in/table-out node used to test the harness: multiplies the selected numeric columns. */
final class ToyNodeModel extends NodeModel {

    final SettingsModelIntegerBounded m_factor = new SettingsModelIntegerBounded("factor", 2, 1, 10);

    @SuppressWarnings("unchecked")
    final SettingsModelColumnFilter2 m_columns = new SettingsModelColumnFilter2("columns", DoubleValue.class);

    /** When true, execute() returns a table whose spec differs from what configure() announced. */
    boolean m_breakSpec;

    ToyNodeModel() {
        super(1, 1);
    }

    private String[] selected(final DataTableSpec in) throws InvalidSettingsException {
        final String[] incl = m_columns.applyTo(in).getIncludes();
        if (incl.length == 0) {
            throw new InvalidSettingsException("No numeric column selected in setting \"columns\"");
        }
        return incl;
    }

    private DataTableSpec outSpec(final DataTableSpec in) throws InvalidSettingsException {
        return new DataTableSpec(Arrays.stream(selected(in))
            .map(n -> new DataColumnSpecCreator(n + "*" + m_factor.getIntValue(), DoubleCell.TYPE).createSpec())
            .toArray(DataColumnSpec[]::new));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{outSpec(inSpecs[0])};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DataTableSpec in = inData[0].getDataTableSpec();
        final int[] idx = in.columnsToIndices(selected(in));
        DataTableSpec spec = outSpec(in);
        if (m_breakSpec) {
            spec = new DataTableSpec(new DataColumnSpecCreator("unexpected", DoubleCell.TYPE).createSpec());
        }
        final BufferedDataContainer c = exec.createDataContainer(spec);
        long row = 0;
        int skipped = 0;
        double sum = 0;
        for (DataRow r : inData[0]) {
            exec.checkCanceled();
            exec.setProgress(++row / (double)inData[0].size(), "Row " + row);
            final DataCell[] cells = new DataCell[spec.getNumColumns()];
            boolean missing = false;
            for (int i = 0; i < cells.length; i++) {
                final DataCell cell = r.getCell(idx[i]);
                missing |= cell.isMissing();
                cells[i] = cell.isMissing() ? cell
                    : new DoubleCell(((DoubleValue)cell).getDoubleValue() * m_factor.getIntValue());
            }
            if (missing) {
                skipped++;
                continue;
            }
            for (DataCell cell : cells) {
                sum += ((DoubleValue)cell).getDoubleValue();
            }
            c.addRowToTable(new DefaultRow(r.getKey(), cells));
        }
        c.close();
        if (skipped > 0) {
            setWarningMessage("Skipped " + skipped + " row(s) with missing values");
        }
        pushFlowVariableInt("toy_rows", (int)c.size());
        pushFlowVariableDouble("toy_sum", sum);
        pushFlowVariableString("toy_columns", String.join(",", selected(in)));
        return new BufferedDataTable[]{c.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_factor.saveSettingsTo(settings);
        m_columns.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_factor.validateSettings(settings);
        m_columns.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_factor.loadSettingsFrom(settings);
        m_columns.loadSettingsFrom(settings);
    }

    @Override
    protected void reset() {
        // nothing cached
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }
}
