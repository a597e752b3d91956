package org.cinn4knime.nodes.sampler;

import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.CancelledException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.SampleChunk;
import org.cinn4knime.engine.TargetRange;
import org.cinn4knime.nodes.common.CinnNodeModel;
import org.cinn4knime.nodes.common.ExecutionProgress;
import org.cinn4knime.nodes.common.MissingRows;
import org.cinn4knime.nodes.common.NumericColumns;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * cINN Sampler: for every row of target y values, draws designs x from the model's conditional distribution p(x|y).
 * Rows are written while they are generated, a chunk of target rows at a time, so memory stays flat however many
 * designs are requested. The draws of the input row at 0-based position r come from the generator seeded by
 * (seed, r), whatever rows are skipped and however the rows are chunked.
 */
final class CinnSamplerNodeModel extends CinnNodeModel<CinnSamplerSettings> {

    /** Most target rows per engine call (bounds memory; the designs do not depend on it). */
    static final int CHUNK_ROWS = 1024;

    CinnSamplerNodeModel() {
        super(new PortType[]{CinnPortObject.TYPE, BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE},
            CinnSamplerSettings::new);
    }

    private SamplerLayout layout(final PortObjectSpec modelSpec, final PortObjectSpec tableSpec)
        throws InvalidSettingsException {
        return SamplerLayout.create(CinnPortObjectSpec.require(modelSpec),
            (org.knime.core.data.DataTableSpec)tableSpec, m_settings.m_keepInputColumns.getBooleanValue(),
            m_settings.m_appendLogDensity.getBooleanValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new PortObjectSpec[]{layout(inSpecs[0], inSpecs[1]).outputSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Nd4jRuntime.start(m_settings.m_threads.getIntValue());
        final CinnPortObject port = (CinnPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final SamplerLayout layout = layout(port.getSpec(), table.getDataTableSpec());
        exec.setMessage("Reading the target rows"); // replaces KNIME's "Copying input object at port 1"
        final MissingRows missing =
            new MissingRows(m_settings.missingValuePolicy(), "Rows with missing y values", "y values");
        final List<String> yNames = port.getSpec().getYNames();
        final BufferedDataContainer out = exec.createDataContainer(layout.outputSpec());
        final Sampling sampling = new Sampling(port.getModel(), layout, out);
        final long total = Math.max(1, table.size());
        long seen = 0;
        final List<DataRow> chunk = new ArrayList<>(CHUNK_ROWS);
        final List<double[]> targets = new ArrayList<>(CHUNK_ROWS);
        long chunkStart = 0; // input position of chunk.get(0): a chunk holds consecutive input rows only
        try (CloseableRowIterator rows = table.iterator()) { // closed also when an error leaves the loop
            while (rows.hasNext()) {
                final DataRow row = rows.next();
                final long position = seen++;
                if (missing.skip(row, NumericColumns.firstMissingName(row, layout.yIndices(), yNames))) {
                    if (!chunk.isEmpty()) { // the skipped row keeps its seed index: later rows keep their designs
                        sampling.run(chunkStart, chunk, targets, exec, seen / (double)total);
                    }
                    continue;
                }
                if (chunk.isEmpty()) {
                    chunkStart = position;
                }
                chunk.add(row);
                targets.add(NumericColumns.readFinite(row, layout.yIndices(), yNames));
                if (chunk.size() == CHUNK_ROWS) {
                    sampling.run(chunkStart, chunk, targets, exec, seen / (double)total);
                }
            }
        }
        if (!chunk.isEmpty()) {
            sampling.run(chunkStart, chunk, targets, exec, 1.0);
        }
        out.close();
        exec.setMessage("Generated " + sampling.m_written + " designs");
        final String outside = sampling.outsideWarning();
        final String missingWarning = missing.warning(seen);
        if (missingWarning != null || outside != null) {
            setWarningMessage(missingWarning == null ? outside
                : outside == null ? missingWarning : missingWarning + " " + outside);
        }
        return new PortObject[]{out.getTable()};
    }

    /** Samples chunk after chunk and writes the designs as they arrive. */
    private final class Sampling {

        private final CinnModel m_model;

        private final SamplerLayout m_layout;

        private final BufferedDataContainer m_out;

        private final int m_samplesPerRow = m_settings.m_samplesPerRow.getIntValue();

        private final double m_temperature = m_settings.m_temperature.getDoubleValue();

        private final long m_seed = m_settings.m_seed.getIntValue();

        private final int m_threads = m_settings.m_threads.getIntValue();

        private long m_written;

        /** Per design column: 0 double, 1 integer, 2 long output cells (whole-number columns of the model). */
        private final int[] m_xTypes;

        private double m_progressDone;

        /** Target-range verdicts of the current chunk's rows. */
        private TargetRange.Check[] m_checks;

        /** The target-range verdicts of all target rows so far, for the node warning. */
        private final TargetRange.Tally m_tally;

        Sampling(final CinnModel model, final SamplerLayout layout, final BufferedDataContainer out) {
            m_model = model;
            m_layout = layout;
            m_out = out;
            m_tally = model.targetRange().tally("target rows", SamplerLayout.IN_RANGE);
            final List<String> xNames = model.xNames();
            m_xTypes = new int[xNames.size()];
            final int first = layout.keptIndices().length;
            for (int x = 0; x < m_xTypes.length; x++) {
                final DataType t = layout.outputSpec().getColumnSpec(first + x).getType();
                m_xTypes[x] = IntCell.TYPE.equals(t) ? 1 : LongCell.TYPE.equals(t) ? 2 : 0;
                if (m_xTypes[x] != 0 && (model.domains() == null || !model.domains().isWholeNumber(x))) {
                    throw new IllegalStateException("The cINN model does not treat column '" + xNames.get(x)
                        + "' as whole numbers, but its port says so; re-execute the cINN Learner.");
                }
            }
        }

        /**
         * Samples for the collected rows, writes the designs and empties both lists.
         *
         * @param firstPosition 0-based input position of {@code rows.get(0)}; the rows follow it without gaps
         */
        void run(final long firstPosition, final List<DataRow> rows, final List<double[]> targets,
            final ExecutionContext exec,
            final double progressAfter) throws CanceledExecutionException, org.cinn4knime.engine.CinnException {
            exec.checkCanceled();
            // KNIME appends the engine's "Sampled i of n designs" to this message (" - ")
            exec.setMessage("Sampling for input rows " + (firstPosition + 1) + " to " + (firstPosition + rows.size()));
            final ExecutionMonitor sub = exec.createSubProgress(Math.max(0, progressAfter - m_progressDone));
            m_progressDone = progressAfter;
            m_checks = m_model.targetRange().check(targets.toArray(double[][]::new));
            for (int i = 0; i < m_checks.length; i++) {
                final DataRow row = rows.get(i);
                m_tally.add(m_checks[i], () -> "'" + row.getKey().getString() + "'");
            }
            try {
                m_model.sample(targets.toArray(double[][]::new), firstPosition, m_samplesPerRow,
                    m_temperature, m_seed, m_layout.withLogDensity(), m_threads, c -> write(rows, c),
                    new ExecutionProgress(sub));
            } catch (CancelledException e) {
                throw new CanceledExecutionException(e.getMessage());
            }
            rows.clear();
            targets.clear();
        }

        /** The node warning about flagged targets (count and first row), or null when none is flagged. */
        String outsideWarning() {
            return m_tally.warning();
        }

        private void write(final List<DataRow> rows, final SampleChunk c) {
            final int[] kept = m_layout.keptIndices();
            final int xDim = c.designs().length == 0 ? 0 : c.designs()[0].length;
            for (int i = 0; i < c.targetRow().length; i++) {
                final DataRow src = rows.get(c.targetRow()[i]);
                final int s = c.sampleIndex()[i];
                final DataCell[] cells = new DataCell[kept.length + xDim + 4 + (c.logDensity() == null ? 0 : 1)];
                int k = 0;
                for (int idx : kept) {
                    cells[k++] = src.getCell(idx);
                }
                for (int j = 0; j < xDim; j++) {
                    final double v = c.designs()[i][j];
                    cells[k++] = m_xTypes[j] == 1 ? new IntCell((int)v) : m_xTypes[j] == 2 ? new LongCell((long)v)
                        : new DoubleCell(v);
                }
                cells[k++] = new StringCell(src.getKey().getString());
                cells[k++] = new IntCell(s);
                final TargetRange.Check check = m_checks[c.targetRow()[i]];
                cells[k++] = check.inRange() ? BooleanCell.TRUE : BooleanCell.FALSE;
                cells[k++] = new DoubleCell(check.distance());
                if (c.logDensity() != null) {
                    cells[k] = new DoubleCell(c.logDensity()[i]);
                }
                m_out.addRowToTable(new DefaultRow(new RowKey(src.getKey().getString() + "_" + s), cells));
                m_written++;
            }
        }
    }
}
