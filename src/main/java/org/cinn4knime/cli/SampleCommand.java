package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ProgressListener;
import org.cinn4knime.engine.TargetRange;
import org.cinn4knime.engine.settings.SamplingDeclarations;
import org.cinn4knime.engine.settings.TrainingDeclarations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample}: draws designs x for every target row y of a CSV file. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
    defaultValueProvider = DeclaredSettings.Defaults.class, resourceBundle = DeclaredSettings.BUNDLE,
    description = {"Samples designs for wanted targets: for every row of the targets file (which needs the model's "
        + "y columns, by name) draws --n designs x ~ p(x | y).",
        "Output columns: target_row (1-based row of the targets file), sample (1..n), the y columns, the x columns, "
            + "in_training_range (false where the target lies outside the training targets' range or far from every "
            + "training target: the model extrapolates), target_distance (distance to the nearest training targets; "
            + "above 1 is too far) and, with --log-density, log_density (log p(x | y)).",
        ScoreCommand.LOG_P_MEANING,
        "Designs for flagged targets are still written; one warning line on stderr counts them and names the first. "
            + "Only a target so far outside the training targets that its designs overflow (no finite value, e.g. "
            + "1e300) is refused: the run stops with an error naming that row and writes nothing."})
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--model", required = true, paramLabel = "<model.cinn>", description = "trained model file")
    private Path m_model;

    @Option(names = "--targets", required = true, paramLabel = "<targets.csv>",
        description = "targets (CSV with the model's y columns)")
    private Path m_targets;

    @Option(names = "--n", paramLabel = "<n>", descriptionKey = "samples_per_row")
    private int m_n;

    @Option(names = "--temperature", paramLabel = "<T>", descriptionKey = "temperature")
    private double m_temperature;

    @Option(names = "--seed", paramLabel = "<seed>", descriptionKey = "seed")
    private long m_seed;

    @Option(names = "--log-density", descriptionKey = "append_log_density")
    private boolean m_logDensity;

    @Option(names = "--out", required = true, paramLabel = "<designs.csv>", description = "designs file to write")
    private Path m_out;

    @Option(names = "--threads", paramLabel = "<n>", descriptionKey = "threads")
    private int m_threads;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        DeclaredSettings.check(SamplingDeclarations.SAMPLES_PER_ROW, m_n);
        DeclaredSettings.check(SamplingDeclarations.TEMPERATURE, m_temperature);
        DeclaredSettings.check(TrainingDeclarations.SEED, m_seed);
        DeclaredSettings.check(TrainingDeclarations.THREADS, m_threads);
        AtomicOutput.checkWritable(m_out);
        final CinnModel model = ModelInput.load(m_model);
        final double[][] targets;
        try (CsvInput in = CsvInput.open(m_targets, "--targets")) {
            targets = in.readAll(in.indexesOf(model.yNames(), "the model's y column"))[0];
        }
        final long rows;
        try (DesignsOutput designs = DesignsOutput.create(m_out, model, targets, m_logDensity)) {
            model.sample(targets, 0, m_n, m_temperature, m_seed, m_logDensity, m_threads, designs,
                ProgressListener.NONE);
            designs.commit();
            rows = designs.rows();
            warnOutsideTargets(designs.targetTally(), m_spec.commandLine().getErr());
        }
        final PrintWriter out = m_spec.commandLine().getOut();
        out.println(CinnCli.count(rows, "design") + " for " + CinnCli.count(targets.length, "target") + " written to "
            + m_out);
        return 0;
    }

    /**
     * Prints one warning line on {@code err} counting the flagged rows and naming the first (row numbers are the
     * 1-based data rows of the input file), in the wording of {@link TargetRange.Tally#warning()}; for a format-1
     * model without flagged rows one note that its range is only derived.
     */
    static void warnOutsideTargets(final TargetRange.Tally tally, final PrintWriter err) {
        final String warning = tally.warning();
        if (warning != null) {
            err.println("warning: " + warning);
        } else if (tally.rangeIsDerived()) {
            err.println("note: " + TargetRange.DERIVED_NOTE + " Retrain for the full check.");
        }
        err.flush();
    }
}
