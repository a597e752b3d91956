package org.cinn4knime.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.cinn4knime.engine.AtomicFile;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.EpochStats;

/**
 * A CSV output file written through {@link AtomicFile}: rows go to a temporary file that replaces the target only on
 * {@link #commit()}. Numbers are written with full precision ({@link Double#toString}) so results can be compared
 * exactly between runs.
 */
final class CsvOutput implements Closeable {

    private final AtomicFile m_file;
    private final CSVPrinter m_printer;

    private CsvOutput(final AtomicFile file, final CSVPrinter printer) {
        m_file = file;
        m_printer = printer;
    }

    static CsvOutput create(final Path target, final List<String> header) throws CliException, IOException {
        final AtomicFile file = AtomicOutput.create(target);
        try {
            final CSVPrinter printer = new CSVPrinter(file.writer(),
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            printer.printRecord(header);
            return new CsvOutput(file, printer);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    void row(final Object... cells) throws IOException {
        m_printer.printRecord(cells);
    }

    void row(final Iterable<?> cells) throws IOException {
        m_printer.printRecord(cells);
    }

    void commit() throws IOException {
        m_printer.flush();
        m_file.commit();
    }

    @Override
    public void close() throws IOException {
        m_file.close();
    }

    /**
     * Writes the model's training history: one row per epoch with train/validation loss (the training objective on
     * standardised data), validation NLL (the validation loss in data units, comparable to {@code score}'s mean_nll),
     * learning rate and whether it is the epoch whose weights the model keeps.
     */
    static void writeHistory(final Path target, final CinnModel model) throws CliException, IOException {
        final int bestEpoch = model.info().bestEpoch();
        try (CsvOutput out = create(target,
            List.of("epoch", "train_loss", "validation_loss", "validation_nll", "learning_rate", "best"))) {
            for (final EpochStats s : model.info().history()) {
                final boolean noValidation = Double.isNaN(s.validationLoss());
                out.row(s.epoch(), s.trainLoss(), noValidation ? "" : s.validationLoss(),
                    noValidation ? "" : model.lossToNll(s.validationLoss()), s.learningRate(), s.epoch() == bestEpoch);
            }
            out.commit();
        }
    }

    /** Writes a two-column summary ({@code metric,value}), in the map's order. */
    static void writeSummary(final Path target, final Map<String, ?> metrics) throws CliException, IOException {
        try (CsvOutput out = create(target, List.of("metric", "value"))) {
            for (final Map.Entry<String, ?> e : metrics.entrySet()) {
                out.row(e.getKey(), e.getValue());
            }
            out.commit();
        }
    }

    /**
     * Returns {@code wanted} with names that clash with {@code taken} or with each other made unique KNIME-style
     * ("name (#1)").
     */
    static List<String> uniqueNames(final Collection<String> taken, final List<String> wanted) {
        final Set<String> used = new HashSet<>(taken);
        final List<String> result = new ArrayList<>();
        for (final String name : wanted) {
            String unique = name;
            for (int i = 1; used.contains(unique); i++) {
                unique = name + " (#" + i + ")";
            }
            used.add(unique);
            result.add(unique);
        }
        return result;
    }
}
