package org.cinn4knime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-row scores CSV: the input columns followed by {@code log_density} and {@code z_squared_norm} (renamed
 * " (#1)" if the input has columns of those names). Written atomically; shared by {@code score} and {@code demo}.
 */
final class ScoresOutput implements AutoCloseable {

    private final CsvOutput m_out;

    private ScoresOutput(final CsvOutput out) {
        m_out = out;
    }

    static ScoresOutput create(final Path file, final List<String> inputColumns) throws CliException, IOException {
        final List<String> header = new ArrayList<>(inputColumns);
        header.addAll(CsvOutput.uniqueNames(inputColumns, List.of("log_density", "z_squared_norm")));
        return new ScoresOutput(CsvOutput.create(file, header));
    }

    /** Writes rows: each input row's cells followed by its scores {logDensity, zSquaredNorm}. */
    void write(final List<? extends Iterable<?>> inputRows, final double[][] scores) throws IOException {
        final List<Object> row = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            row.clear();
            inputRows.get(i).forEach(row::add);
            row.add(scores[i][0]);
            row.add(scores[i][1]);
            m_out.row(row);
        }
    }

    void commit() throws IOException {
        m_out.commit();
    }

    @Override
    public void close() throws IOException {
        m_out.close();
    }
}
