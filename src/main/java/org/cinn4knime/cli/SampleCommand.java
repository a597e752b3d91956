package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample}: draws designs x for every target row y of a CSV file. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Samples designs for wanted targets: for every row of the targets file (which needs the model's "
        + "y columns, by name) draws --n designs x ~ p(x | y).",
        "Output columns: target_row (1-based row of the targets file), sample (1..n), the y columns, the x columns "
            + "and, with --log-density, log_density (log p(x | y))."})
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--model", required = true, paramLabel = "<model.cinn>", description = "trained model file")
    private Path m_model;

    @Option(names = "--targets", required = true, paramLabel = "<targets.csv>",
        description = "targets (CSV with the model's y columns)")
    private Path m_targets;

    @Option(names = "--n", paramLabel = "<n>", defaultValue = "100",
        description = "designs per target row (default ${DEFAULT-VALUE})")
    private int m_n;

    @Option(names = "--temperature", paramLabel = "<T>", defaultValue = "1.0",
        description = "scale of the latent draws z ~ N(0, T²I); "
        + "below 1 gives more typical, less diverse designs (default ${DEFAULT-VALUE})")
    private double m_temperature;

    @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "42",
        description = "random seed; the same seed gives the same designs (default ${DEFAULT-VALUE})")
    private long m_seed;

    @Option(names = "--log-density", description = "add the column log_density")
    private boolean m_logDensity;

    @Option(names = "--out", required = true, paramLabel = "<designs.csv>", description = "designs file to write")
    private Path m_out;

    @Option(names = "--threads", paramLabel = "<n>", defaultValue = "0",
        description = "worker threads; 0 = the machine's cores (default ${DEFAULT-VALUE}); the designs are the same "
            + "on any number of threads")
    private int m_threads;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        if (m_n < 1) {
            throw new CliException("--n must be at least 1, got " + m_n);
        }
        if (!(m_temperature > 0) || Double.isInfinite(m_temperature)) {
            throw new CliException("--temperature must be a positive number, got " + m_temperature);
        }
        final int threads = threads(m_threads);
        AtomicOutput.checkWritable(m_out);
        final CinnModel model = ModelInput.load(m_model);
        final double[][] targets;
        try (CsvInput in = CsvInput.open(m_targets, "--targets")) {
            targets = in.readAll(in.indexesOf(model.yNames(), "the model's y column"))[0];
        }
        final long rows = sample(model, targets, m_n, m_temperature, m_seed, m_logDensity, threads,
            m_out);
        final PrintWriter out = m_spec.commandLine().getOut();
        out.println(rows + " designs for " + targets.length + " targets written to " + m_out);
        return 0;
    }

    /** The worker threads for {@code --threads}: 0 means the machine's cores; negative values are refused. */
    static int threads(final int option) throws CliException {
        if (option < 0 || option > 256) {
            throw new CliException("--threads must be between 0 (the machine's cores) and 256, got " + option);
        }
        return option == 0 ? Nd4jRuntime.defaultThreads() : option;
    }

    /** Samples into a designs CSV that appears only when complete; returns the number of design rows. */
    static long sample(final CinnModel model, final double[][] targets, final int n, final double temperature,
        final long seed, final boolean logDensity, final int threads, final Path file)
        throws CliException, CinnException, IOException {
        try (DesignsOutput designs = DesignsOutput.create(file, model, targets, logDensity)) {
            model.sample(targets, 0, n, temperature, seed, logDensity, threads, designs, ProgressListener.NONE);
            designs.commit();
            return designs.rows();
        }
    }
}
