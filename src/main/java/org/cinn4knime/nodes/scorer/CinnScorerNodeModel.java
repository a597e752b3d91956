package org.cinn4knime.nodes.scorer;

import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.ScoreReport;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.TargetRange;
import org.cinn4knime.nodes.common.CinnNodeModel;
import org.cinn4knime.nodes.common.MissingRows;
import org.cinn4knime.nodes.common.NumericColumns;
import org.cinn4knime.nodes.common.TargetRangeColumns;
import org.cinn4knime.nodes.common.UniqueNames;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * cINN Scorer: evaluates the model on rows with known x and y. Out 0: the input with log p(x|y), ||z||², "Target in
 * training range" and "Target distance" appended (as the Sampler flags targets; a node warning counts the flagged rows);
 * out 1: summary statistics (mean NLL, bits per dimension, calibration error, latent mean/std per dimension, row
 * counts), the headline figures also as flow variables.
 */
final class CinnScorerNodeModel extends CinnNodeModel<CinnScorerSettings> {

    /** Columns appended to the input: log p(x|y), ||z||², target in training range, target distance. */
    static final int ADDED = 4;

    /** The target-range columns, named as the Sampler's. */
    static final String IN_RANGE = TargetRangeColumns.IN_RANGE;

    static final String DISTANCE = TargetRangeColumns.DISTANCE;

    static final String FV_MEAN_NLL = "mean_nll";

    static final String FV_BITS_PER_DIM = "bits_per_dim";

    static final String FV_CALIBRATION_ERROR = "calibration_error";

    static final String FV_ROWS_SCORED = "rows_scored";

    static final String FV_ROWS_SKIPPED = "rows_skipped";

    /** @return the names of the pushed flow variables, without the prefix */
    static List<String> flowVariableNames() {
        return List.of(FV_MEAN_NLL, FV_BITS_PER_DIM, FV_CALIBRATION_ERROR, FV_ROWS_SCORED, FV_ROWS_SKIPPED);
    }

    CinnScorerNodeModel() {
        super(new PortType[]{CinnPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            CinnScorerSettings::new);
    }

    /** Input column indices and the output spec. */
    private record Layout(int[] xIdx, int[] yIdx, DataTableSpec outputSpec) {
        static Layout create(final CinnPortObjectSpec model, final DataTableSpec in) throws InvalidSettingsException {
            final int[] x = NumericColumns.indices(in, model.getXNames(), "x column of the cINN model");
            final int[] y = NumericColumns.indices(in, model.getYNames(), "y column of the cINN model");
            final UniqueNames names = new UniqueNames(List.of(in.getColumnNames()));
            final DataColumnSpec[] cols = new DataColumnSpec[in.getNumColumns() + ADDED];
            for (int i = 0; i < in.getNumColumns(); i++) {
                cols[i] = in.getColumnSpec(i);
            }
            final int a = in.getNumColumns();
            cols[a] = new DataColumnSpecCreator(names.make("log p(x|y)"), DoubleCell.TYPE).createSpec();
            cols[a + 1] = new DataColumnSpecCreator(names.make("||z||^2"), DoubleCell.TYPE).createSpec();
            cols[a + 2] = new DataColumnSpecCreator(names.make(IN_RANGE), BooleanCell.TYPE).createSpec();
            cols[a + 3] = new DataColumnSpecCreator(names.make(DISTANCE), DoubleCell.TYPE).createSpec();
            return new Layout(x, y, new DataTableSpec(in.getName(), cols));
        }
    }

    static DataTableSpec statisticsSpec() {
        return new DataTableSpec("cINN score statistics", new DataColumnSpecCreator("Value", DoubleCell.TYPE)
            .createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final Layout layout = Layout.create(CinnPortObjectSpec.require(inSpecs[0]), (DataTableSpec)inSpecs[1]);
        pushFlowVariables(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        return new PortObjectSpec[]{layout.outputSpec(), statisticsSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Nd4jRuntime.start(m_settings.m_threads.getIntValue());
        final CinnPortObject port = (CinnPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final CinnPortObjectSpec modelSpec = port.getSpec();
        final Layout layout = Layout.create(modelSpec, table.getDataTableSpec());
        final MissingRows missing =
            new MissingRows(m_settings.missingValuePolicy(), "Rows with missing x or y values", "x or y values");
        exec.setMessage("Scoring rows"); // replaces KNIME's "Copying input object at port 1"
        final int threads = m_settings.m_threads.getIntValue();
        final ScoreReport report;
        final long skipped;
        final BufferedDataContainer out = exec.createDataContainer(layout.outputSpec());
        try (Scorer scorer = port.getModel().newScorer(threads)) { // its threads end also when an error leaves
            final int chunkRows = Scorer.rowsPerAdd(threads); // every thread busy
            final List<DataRow> chunk = new ArrayList<>(chunkRows);
            final long total = Math.max(1, table.size());
            long seen = 0;
            final List<String> xNames = modelSpec.getXNames();
            final List<String> yNames = modelSpec.getYNames();
            final TargetRange.Tally flags = port.getModel().targetRange().tally("rows", IN_RANGE);
            try (CloseableRowIterator rows = table.iterator()) { // closed also when an error leaves the loop
                while (rows.hasNext()) {
                    final DataRow row = rows.next();
                    seen++;
                    final String missingX = NumericColumns.firstMissingName(row, layout.xIdx(), xNames);
                    missing.skip(row, missingX != null ? missingX
                        : NumericColumns.firstMissingName(row, layout.yIdx(), yNames));
                    chunk.add(row); // skipped rows stay in the output, with missing scores
                    if (chunk.size() == chunkRows) {
                        score(chunk, layout, modelSpec, scorer, flags, out);
                        exec.checkCanceled();
                        exec.setProgress(seen / (double)total, "Scored " + seen + " rows");
                    }
                }
            }
            score(chunk, layout, modelSpec, scorer, flags, out);
            out.close();
            skipped = missing.skipped();
            final long scored = seen - skipped;
            if (scored == 0) {
                throw new IllegalArgumentException(seen == 0 ? "The input table is empty; nothing to score."
                    : "All " + seen + " rows have missing x or y values; nothing to score.");
            }
            final String outside = flags.warning();
            if (missing.warning(seen) != null) {
                setWarningMessage(missing.warning(seen) + " Their score cells are missing."
                    + (outside == null ? "" : " " + outside));
            } else if (outside != null) {
                setWarningMessage(outside);
            }
            report = scorer.finish();
        }
        pushFlowVariables(report.meanNll(), report.bitsPerDim(), report.calibrationError(), report.rows(), skipped);
        return new PortObject[]{out.getTable(), statisticsTable(report, skipped, exec)};
    }

    /** Scores the complete rows of the chunk, writes all rows of the chunk in input order and empties it. */
    private static void score(final List<DataRow> chunk, final Layout layout, final CinnPortObjectSpec spec,
        final Scorer scorer, final TargetRange.Tally flags, final BufferedDataContainer out) throws CinnException {
        final List<double[]> xs = new ArrayList<>();
        final List<double[]> ys = new ArrayList<>();
        final List<String> keys = new ArrayList<>(); // of the complete rows, to name a row the model refuses
        final boolean[] complete = new boolean[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            final DataRow row = chunk.get(i);
            complete[i] = NumericColumns.firstMissing(row, layout.xIdx()) < 0
                && NumericColumns.firstMissing(row, layout.yIdx()) < 0;
            if (complete[i]) {
                xs.add(NumericColumns.readFinite(row, layout.xIdx(), spec.getXNames()));
                ys.add(NumericColumns.readFinite(row, layout.yIdx(), spec.getYNames()));
                keys.add("'" + row.getKey().getString() + "'");
            }
        }
        final double[][] scores = xs.isEmpty() ? new double[0][]
            : scorer.add(xs.toArray(double[][]::new), ys.toArray(double[][]::new), keys::get);
        int k = 0;
        for (int i = 0; i < chunk.size(); i++) {
            final DataRow row = chunk.get(i);
            final DataCell[] cells = new DataCell[row.getNumCells() + ADDED];
            for (int c = 0; c < row.getNumCells(); c++) {
                cells[c] = row.getCell(c);
            }
            final int a = row.getNumCells();
            if (complete[i]) {
                cells[a] = new DoubleCell(scores[k][0]);
                cells[a + 1] = new DoubleCell(scores[k][1]);
                final String key = keys.get(k);
                final TargetRange.Check check = flags.check(ys.get(k), () -> key);
                cells[a + 2] = check.inRange() ? BooleanCell.TRUE : BooleanCell.FALSE;
                cells[a + 3] = new DoubleCell(check.distance());
                k++;
            } else {
                for (int c = a; c < cells.length; c++) {
                    cells[c] = DataType.getMissingCell();
                }
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
        }
        chunk.clear();
    }

    private static BufferedDataTable statisticsTable(final ScoreReport r, final long skipped,
        final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(statisticsSpec());
        c.addRowToTable(new DefaultRow("Mean NLL (nats per row)", r.meanNll()));
        c.addRowToTable(new DefaultRow("NLL per dimension (nats)", r.nllPerDim()));
        c.addRowToTable(new DefaultRow("Bits per dimension", r.bitsPerDim()));
        c.addRowToTable(new DefaultRow("Calibration error", r.calibrationError()));
        for (int d = 0; d < r.zMean().length; d++) {
            c.addRowToTable(new DefaultRow("z" + d + " mean", r.zMean()[d]));
            c.addRowToTable(new DefaultRow("z" + d + " std", r.zStd()[d]));
        }
        c.addRowToTable(new DefaultRow("Rows scored", (double)r.rows()));
        c.addRowToTable(new DefaultRow(new RowKey("Rows skipped"), (double)skipped));
        c.close();
        return c.getTable();
    }

    private void pushFlowVariables(final double meanNll, final double bitsPerDim, final double calibrationError,
        final long rowsScored, final long rowsSkipped) throws InvalidSettingsException {
        final String p = m_settings.prefix();
        pushFlowVariableDouble(p + FV_MEAN_NLL, meanNll);
        pushFlowVariableDouble(p + FV_BITS_PER_DIM, bitsPerDim);
        pushFlowVariableDouble(p + FV_CALIBRATION_ERROR, calibrationError);
        pushFlowVariableInt(p + FV_ROWS_SCORED, (int)Math.min(Integer.MAX_VALUE, rowsScored));
        pushFlowVariableInt(p + FV_ROWS_SKIPPED, (int)Math.min(Integer.MAX_VALUE, rowsSkipped));
    }
}
