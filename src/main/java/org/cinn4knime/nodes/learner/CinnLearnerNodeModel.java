package org.cinn4knime.nodes.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cinn4knime.engine.CancelledException;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.CinnTrainer;
import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.ProgressListener;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.nodes.common.CinnNodeModel;
import org.cinn4knime.nodes.common.ExecutionProgress;
import org.cinn4knime.nodes.common.MissingRows;
import org.cinn4knime.nodes.common.NumericColumns;
import org.cinn4knime.engine.domain.DomainSpec;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.cinn4knime.nodes.port.CinnPortObjectSpec.TrainingSummary;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * cINN Learner: trains a conditional invertible neural network that maps the x (design) columns to a Gaussian latent
 * space, conditioned on the y (target) columns. Out 0: the model; out 1: the training history.
 */
final class CinnLearnerNodeModel extends CinnNodeModel<CinnLearnerSettings> {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(CinnLearnerNodeModel.class);

    /** Share of the progress bar used for reading the table; the rest is training. */
    private static final double READ_SHARE = 0.05;

    CinnLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{CinnPortObject.TYPE, BufferedDataTable.TYPE},
            CinnLearnerSettings::new);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec spec = (DataTableSpec)inSpecs[0];
        final CinnLearnerSettings.Columns cols = m_settings.columns(spec);
        // the spec names the coupling kind the model will have (AUTO resolved by the number of x columns)
        final CinnArchitecture arch = m_settings.architecture().resolvedFor(cols.x().size());
        m_settings.training();
        m_settings.domains(cols);
        return new PortObjectSpec[]{new CinnPortObjectSpec(cols.x(), cols.y(), arch, null)
            .withWholeNumberX(m_settings.wholeNumberColumns(cols)), historySpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Nd4jRuntime.start(m_settings.m_threads.getIntValue());
        final BufferedDataTable table = (BufferedDataTable)inObjects[0];
        final CinnLearnerSettings.Columns cols = m_settings.columns(table.getDataTableSpec());
        final CinnArchitecture arch = m_settings.architecture();
        final TrainingSettings training = m_settings.training();
        final DomainSpec domains = m_settings.domains(cols);
        final List<String> warnings = new ArrayList<>();

        exec.setMessage("Reading the training table");
        final TrainingData data = read(table, cols, exec.createSubProgress(READ_SHARE), warnings);

        // KNIME appends a sub monitor's message to its parent's (" - "): each phase sets the parent message
        exec.setMessage("Training");
        final ExecutionMonitor trainExec = exec.createSubProgress(1 - READ_SHARE);
        final TrainingResult result;
        try {
            result = CinnTrainer.train(data, arch, training, domains, new TrainingProgress(trainExec));
        } catch (CancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
        warnings.addAll(result.warnings());
        result.notes().forEach(LOGGER::info);
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }

        exec.setMessage("Writing the model and the training history");
        final List<EpochStats> history = result.history();
        final CinnModel model = result.model();
        final EpochStats best = model.info().bestEpochStats();
        final TrainingSummary summary = new TrainingSummary(data.rows(), history.size(), result.bestEpoch(),
            best.selectionLoss(),
            model.lossToNll(best.validationLoss()), result.stopReason());
        // the trained model's architecture: AUTO resolved, as configure's spec has it
        final CinnPortObjectSpec modelSpec = new CinnPortObjectSpec(cols.x(), cols.y(), model.architecture(), summary)
            .withWholeNumberX(m_settings.wholeNumberColumns(cols))
            .withDomains(model.domains() == null ? List.of() : model.domains().describe());
        return new PortObject[]{new CinnPortObject(modelSpec, model), historyTable(model, exec)};
    }

    private TrainingData read(final BufferedDataTable table, final CinnLearnerSettings.Columns cols,
        final ExecutionMonitor exec, final List<String> warnings)
        throws InvalidSettingsException, CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        final String[] xNames = cols.xNames();
        final String[] yNames = cols.yNames();
        final List<String> xList = List.of(xNames);
        final List<String> yList = List.of(yNames);
        final int[] xIdx = NumericColumns.indices(spec, xList, "x (design) column");
        final int[] yIdx = NumericColumns.indices(spec, yList, "y (target) column");
        final MissingRows missing =
            new MissingRows(m_settings.missingValuePolicy(), "Rows with missing values", "x or y values");
        final List<double[]> xs = new ArrayList<>();
        final List<double[]> ys = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final long total = Math.max(1, table.size());
        long seen = 0;
        try (CloseableRowIterator rows = table.iterator()) { // closed also when an error leaves the loop
            while (rows.hasNext()) {
                final DataRow row = rows.next();
                if (++seen % 1000 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(seen / (double)total);
                }
                final String missingX = NumericColumns.firstMissingName(row, xIdx, xList);
                if (missing.skip(row,
                    missingX != null ? missingX : NumericColumns.firstMissingName(row, yIdx, yList))) {
                    continue;
                }
                xs.add(NumericColumns.read(row, xIdx));
                ys.add(NumericColumns.read(row, yIdx));
                ids.add(row.getKey().getString());
            }
        }
        if (missing.warning(seen) != null) {
            warnings.add(missing.warning(seen));
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException(seen == 0 ? "The input table is empty; the cINN Learner needs rows."
                : "All " + seen + " input rows have missing x or y values; nothing left to train on.");
        }
        return new TrainingData(xNames, xs.toArray(double[][]::new), yNames, ys.toArray(double[][]::new),
            ids.toArray(String[]::new));
    }

    /** Shows the engine's per-batch progress followed by the losses of the last finished epoch. */
    private static final class TrainingProgress implements ProgressListener {

        private final ExecutionProgress m_exec;

        private volatile String m_lastEpoch = "";

        TrainingProgress(final ExecutionMonitor exec) {
            m_exec = new ExecutionProgress(exec);
        }

        @Override
        public void progress(final double fraction, final String message) {
            m_exec.progress(fraction, message + m_lastEpoch);
        }

        @Override
        public boolean isCancelRequested() {
            return m_exec.isCancelRequested();
        }

        @Override
        public void epochFinished(final EpochStats s) {
            final String val = Double.isNaN(s.validationLoss()) ? ""
                : String.format(Locale.ROOT, ", validation loss %.4f", s.validationLoss());
            m_lastEpoch = String.format(Locale.ROOT, " | epoch %d: training loss %.4f%s", s.epoch(), s.trainLoss(), val);
        }
    }

    /**
     * Training and validation loss are the training objective (standardised data, no constants); the validation NLL
     * is the validation loss in the data's units (what the cINN Scorer reports as mean NLL).
     */
    static DataTableSpec historySpec() {
        return new DataTableSpec("Training history",
            new DataColumnSpecCreator("Epoch", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Training loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Validation loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Validation NLL", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Learning rate", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Best epoch", BooleanCell.TYPE).createSpec());
    }

    private static BufferedDataTable historyTable(final CinnModel model, final ExecutionContext exec) {
        final int bestEpoch = model.info().bestEpoch();
        final BufferedDataContainer c = exec.createDataContainer(historySpec());
        for (EpochStats s : model.info().history()) {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)s.epoch() - 1), new IntCell(s.epoch()),
                doubleOrMissing(s.trainLoss()), doubleOrMissing(s.validationLoss()),
                doubleOrMissing(model.lossToNll(s.validationLoss())), new DoubleCell(s.learningRate()),
                s.epoch() == bestEpoch ? BooleanCell.TRUE : BooleanCell.FALSE));
        }
        c.close();
        return c.getTable();
    }

    private static DataCell doubleOrMissing(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }
}
