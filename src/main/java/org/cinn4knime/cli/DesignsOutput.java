package org.cinn4knime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.SampleChunk;
import org.cinn4knime.engine.SampleSink;
import org.cinn4knime.engine.TargetRange;

/**
 * Streams sampled designs into a CSV file with the columns {@code target_row, sample, <y columns>, <x columns>,
 * in_training_range, target_distance [, log_density]}: target_row is the 1-based row of the targets file, sample
 * counts 1..n per target, the y columns repeat the target, in_training_range and target_distance are the model's
 * {@link TargetRange} verdict on the target (false / above 1 = the model extrapolates). Shared by {@code sample} and
 * {@code demo}.
 */
final class DesignsOutput implements SampleSink, AutoCloseable {

    private final CsvOutput m_out;
    private final double[][] m_targets;
    private final boolean m_logDensity;
    private final TargetRange.Check[] m_checks;
    /** The verdicts of all target rows, named by their 1-based row of the targets file. */
    private final TargetRange.Tally m_tally;
    private long m_rows;

    /** Per design column: whole numbers, written without a decimal point. */
    private final boolean[] m_whole;

    private DesignsOutput(final CsvOutput out, final CinnModel model, final double[][] targets,
        final boolean logDensity, final String flagColumn) {
        m_whole = new boolean[model.xDim()];
        for (int j = 0; j < m_whole.length; j++) {
            m_whole[j] = model.domains() != null && model.domains().isWholeNumber(j);
        }
        m_tally = model.targetRange().tally("target rows", flagColumn);
        m_checks = new TargetRange.Check[targets.length];
        for (int r = 0; r < targets.length; r++) {
            final String row = String.valueOf(r + 1);
            m_checks[r] = m_tally.check(targets[r], () -> row);
        }
        m_out = out;
        m_targets = targets;
        m_logDensity = logDensity;
    }

    static DesignsOutput create(final Path file, final CinnModel model, final double[][] targets,
        final boolean logDensity) throws CliException, IOException {
        final List<String> header = header(model, logDensity);
        return new DesignsOutput(CsvOutput.create(file, header), model, targets, logDensity,
            header.get(header.size() - (logDensity ? 3 : 2)));
    }

    /** The target-range verdicts of every target row. */
    TargetRange.Tally targetTally() {
        return m_tally;
    }

    /** The output columns; names that clash get a KNIME-style " (#1)" suffix. */
    static List<String> header(final CinnModel model, final boolean logDensity) {
        final List<String> data = new ArrayList<>(model.yNames());
        data.addAll(model.xNames());
        final List<String> added = new ArrayList<>(List.of("target_row", "sample"));
        final List<String> header = new ArrayList<>(CsvOutput.uniqueNames(data, added));
        header.addAll(data);
        header.addAll(CsvOutput.uniqueNames(header, logDensity
            ? List.of("in_training_range", "target_distance", "log_density")
            : List.of("in_training_range", "target_distance")));
        return header;
    }

    @Override
    public void accept(final SampleChunk chunk) throws CinnException {
        final List<Object> row = new ArrayList<>();
        try {
            for (int i = 0; i < chunk.designs().length; i++) {
                row.clear();
                row.add(chunk.targetRow()[i] + 1);
                row.add(chunk.sampleIndex()[i] + 1);
                for (final double v : m_targets[chunk.targetRow()[i]]) {
                    row.add(v);
                }
                final double[] design = chunk.designs()[i];
                for (int j = 0; j < design.length; j++) {
                    row.add(m_whole[j] ? (Object)(long)design[j] : (Object)design[j]);
                }
                final TargetRange.Check check = m_checks[chunk.targetRow()[i]];
                row.add(check.inRange());
                row.add(check.distance());
                if (m_logDensity) {
                    row.add(chunk.logDensity()[i]);
                }
                m_out.row(row);
                m_rows++;
            }
        } catch (IOException e) {
            final CinnException failure = new CinnException("cannot write designs: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    long rows() {
        return m_rows;
    }

    void commit() throws IOException {
        m_out.commit();
    }

    @Override
    public void close() throws IOException {
        m_out.close();
    }
}
