package org.cinn4knime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.TargetRange;

/**
 * The per-row scores CSV: the input columns followed by {@code log_density}, {@code z_squared_norm},
 * {@code in_training_range} and {@code target_distance} (renamed " (#1)" if the input has columns of those names;
 * the last two are the model's {@link TargetRange} verdict on the row's y). Written atomically; shared by
 * {@code score} and {@code demo}.
 */
final class ScoresOutput implements AutoCloseable {

    private final CsvOutput m_out;

    /** The verdicts of all rows written so far; rows are named by their 1-based data row. */
    private final TargetRange.Tally m_tally;

    private ScoresOutput(final CsvOutput out, final TargetRange range, final String flagColumn) {
        m_out = out;
        m_tally = range.tally("rows", flagColumn);
    }

    static ScoresOutput create(final Path file, final List<String> inputColumns, final CinnModel model)
        throws CliException, IOException {
        final List<String> header = new ArrayList<>(inputColumns);
        final List<String> added = CsvOutput.uniqueNames(inputColumns,
            List.of("log_density", "z_squared_norm", "in_training_range", "target_distance"));
        header.addAll(added);
        return new ScoresOutput(CsvOutput.create(file, header), model.targetRange(), added.get(2));
    }

    /**
     * Writes rows: each input row's cells followed by its scores {logDensity, zSquaredNorm} and the target-range
     * verdict on its y values.
     */
    void write(final List<? extends Iterable<?>> inputRows, final double[][] scores, final double[][] y)
        throws IOException {
        final List<Object> row = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            row.clear();
            inputRows.get(i).forEach(row::add);
            row.add(scores[i][0]);
            row.add(scores[i][1]);
            final String dataRow = String.valueOf(m_tally.checked() + 1);
            final TargetRange.Check check = m_tally.check(y[i], () -> dataRow);
            row.add(check.inRange());
            row.add(check.distance());
            m_out.row(row);
        }
    }

    /** The target-range verdicts of all rows written so far. */
    TargetRange.Tally targetTally() {
        return m_tally;
    }

    void commit() throws IOException {
        m_out.commit();
    }

    @Override
    public void close() throws IOException {
        m_out.close();
    }
}
