package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVRecord;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ScoreReport;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.settings.TrainingDeclarations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score}: log-density of held-out (x, y) rows under the model, plus summary figures. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    defaultValueProvider = DeclaredSettings.Defaults.class, resourceBundle = DeclaredSettings.BUNDLE,
    description = {"Scores held-out data (a CSV with the model's x and y columns, by name): copies every input row and "
        + "appends log_density (log p(x | y), higher is better) and z_squared_norm (|z|², about the number of "
        + "network dimensions for a well-calibrated model: the x columns less one per exact-sum composition; 'info' "
        + "prints it).",
        ScoreCommand.LOG_P_MEANING,
        "Also appends in_training_range (false where the row's y lies outside the training targets' range or far from "
            + "every training target) and target_distance (above 1: too far); one warning line on stderr counts the "
            + "flagged rows.",
        "Prints the mean negative log-likelihood (NLL, nats per row and per dimension, bits per dimension) and the "
            + "calibration error (mean distance of the latent calibration curve from the diagonal; 0 is perfect)."})
final class ScoreCommand implements Callable<Integer> {

    /** What log p means with column domains (docs/domains.md), one sentence shared by sample and score --help. */
    static final String LOG_P_MEANING = "log p is a density in the data's units, but for a value exactly on a point "
        + "mass (a bound that training rows sat on) the log-probability of that value, and for a whole-number column "
        + "the density at x + 1/2, an approximation of log P(x).";

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--model", required = true, paramLabel = "<model.cinn>", description = "trained model file")
    private Path m_model;

    @Option(names = "--data", required = true, paramLabel = "<test.csv>",
        description = "data to score (CSV with the model's x and y columns)")
    private Path m_data;

    @Option(names = "--out", required = true, paramLabel = "<scores.csv>", description = "per-row scores to write")
    private Path m_out;

    @Option(names = "--summary", paramLabel = "<summary.csv>", description = "also write the summary figures (CSV)")
    private Path m_summary;

    @Option(names = "--threads", paramLabel = "<n>", descriptionKey = "threads")
    private int m_threads;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        DeclaredSettings.check(TrainingDeclarations.THREADS, m_threads);
        final int threads = m_threads;
        AtomicOutput.checkWritable(m_out);
        if (m_summary != null) {
            AtomicOutput.checkWritable(m_summary);
        }
        final CinnModel model = ModelInput.load(m_model);
        final ScoreReport report;
        try (CsvInput in = CsvInput.open(m_data, "--data");
                ScoresOutput out = ScoresOutput.create(m_out, in.header(), model);
                Scorer scorer = model.newScorer(threads)) { // its threads end also when an error leaves
            final int[] x = in.indexesOf(model.xNames(), "the model's x column");
            final int[] y = in.indexesOf(model.yNames(), "the model's y column");
            final int chunkRows = Scorer.rowsPerAdd(threads); // memory stays flat for large files
            final List<CSVRecord> records = new ArrayList<>();
            final List<double[]> xs = new ArrayList<>();
            final List<double[]> ys = new ArrayList<>();
            for (CSVRecord record = in.next(); record != null; record = in.next()) {
                records.add(record);
                xs.add(in.numbers(record, x));
                ys.add(in.numbers(record, y));
                if (records.size() == chunkRows) {
                    final double[][] yChunk = ys.toArray(new double[0][]);
                    out.write(records, scorer.add(xs.toArray(new double[0][]), yChunk), yChunk);
                    records.clear();
                    xs.clear();
                    ys.clear();
                }
            }
            if (in.rows() == 0) {
                throw new CliException(m_data + " has a header but no data rows");
            }
            if (!records.isEmpty()) {
                final double[][] yChunk = ys.toArray(new double[0][]);
                out.write(records, scorer.add(xs.toArray(new double[0][]), yChunk), yChunk);
            }
            report = scorer.finish();
            out.commit();
            SampleCommand.warnOutsideTargets(out.targetTally(), m_spec.commandLine().getErr());
        }
        final PrintWriter console = m_spec.commandLine().getOut();
        console.println(describe(report));
        console.println("scores written to " + m_out);
        if (m_summary != null) {
            CsvOutput.writeSummary(m_summary, metrics(report));
            console.println("summary written to " + m_summary);
        }
        return 0;
    }

    /** The figures of a score report as one console line. */
    static String describe(final ScoreReport r) {
        return String.format(Locale.ROOT,
            "%s: NLL %.4f nats per row (%.4f nats/dim, %.4f bits/dim), calibration error %.4f",
            CinnCli.count(r.rows(), "row"), r.meanNll(), r.nllPerDim(), r.bitsPerDim(), r.calibrationError());
    }

    /** The figures of a score report as summary rows: rows, NLL, calibration curve, latent mean/std per dimension. */
    static Map<String, Object> metrics(final ScoreReport r) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", r.rows());
        m.put("mean_nll", r.meanNll());
        m.put("nll_per_dim", r.nllPerDim());
        m.put("bits_per_dim", r.bitsPerDim());
        m.put("calibration_error", r.calibrationError());
        for (int i = 0; i < r.calibrationLevels().length; i++) {
            m.put(String.format(Locale.ROOT, "calibration_fraction_at_%.2f", r.calibrationLevels()[i]),
                r.calibrationFractions()[i]);
        }
        for (int i = 0; i < r.zMean().length; i++) {
            m.put("z" + i + "_mean", r.zMean()[i]);
            m.put("z" + i + "_std", r.zStd()[i]);
        }
        return m;
    }
}
