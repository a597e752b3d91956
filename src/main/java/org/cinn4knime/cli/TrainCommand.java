package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.CinnTrainer;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.domain.DomainSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: fits a cINN to the x and y columns of a CSV file and writes the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    defaultValueProvider = DeclaredSettings.Defaults.class, resourceBundle = DeclaredSettings.BUNDLE,
    description = {"Trains a cINN of the design parameters (--x columns) given the targets (--y columns) of a CSV "
        + "file with a header row, and writes the model file the KNIME nodes read too.",
        "Prints the loss per epoch (the loss is a negative log-likelihood and can, and should, become negative) and "
            + "the engine's loss-health warnings."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--data", required = true, paramLabel = "<train.csv>", description = "training data (CSV)")
    private Path m_data;

    @Option(names = "--x", required = true, split = ",", splitSynopsisLabel = ",", paramLabel = "<column>",
        description = "design parameter columns (comma-separated)")
    private List<String> m_x;

    @Option(names = "--y", required = true, split = ",", splitSynopsisLabel = ",", paramLabel = "<column>",
        description = "target / condition columns (comma-separated)")
    private List<String> m_y;

    @Option(names = "--model", required = true, paramLabel = "<model.cinn>", description = "model file to write")
    private Path m_model;

    @Option(names = "--history", paramLabel = "<history.csv>", description = "also write the loss per epoch (CSV)")
    private Path m_history;

    @Option(names = "--epochs", paramLabel = "<n>", descriptionKey = "epochs")
    private int m_epochs;

    @Option(names = "--batch", paramLabel = "<rows>", descriptionKey = "batch_size")
    private int m_batch;

    @Option(names = "--lr", paramLabel = "<rate>", descriptionKey = "learning_rate")
    private double m_lr;

    @Option(names = "--blocks", paramLabel = "<n>", descriptionKey = "blocks")
    private int m_blocks;

    @Option(names = "--width", paramLabel = "<n>", descriptionKey = "subnet_width")
    private int m_width;

    @Option(names = "--layers", paramLabel = "<n>", descriptionKey = "subnet_layers")
    private int m_layers;

    @Option(names = "--clamp", paramLabel = "<c>", descriptionKey = "clamp")
    private double m_clamp;

    @Option(names = "--val-fraction", paramLabel = "<fraction>", descriptionKey = "validation_percent")
    private double m_valFraction;

    @Option(names = "--patience", paramLabel = "<epochs>", descriptionKey = "patience")
    private int m_patience;

    @Option(names = "--seed", paramLabel = "<seed>", descriptionKey = "seed")
    private long m_seed;

    @Option(names = "--threads", paramLabel = "<n>", descriptionKey = "threads")
    private int m_threads;

    @Option(names = "--coupling", paramLabel = "<type>", descriptionKey = "coupling")
    private CouplingType m_coupling;

    @Option(names = "--bins", paramLabel = "<n>", descriptionKey = "spline_bins")
    private int m_bins;

    @Option(names = "--tail-bound", paramLabel = "<B>", descriptionKey = "spline_tail_bound")
    private double m_tailBound;

    @Option(names = "--activation", paramLabel = "<f>", descriptionKey = "activation")
    private Activation m_activation;

    @Option(names = "--act-norm", paramLabel = "<bool>", arity = "1", descriptionKey = "act_norm")
    private boolean m_actNorm;

    @Option(names = "--precision", paramLabel = "<p>", descriptionKey = "precision")
    private Precision m_precision;

    @Option(names = "--beta1", paramLabel = "<b>", descriptionKey = "adam_beta1")
    private double m_beta1;

    @Option(names = "--beta2", paramLabel = "<b>", descriptionKey = "adam_beta2")
    private double m_beta2;

    @Option(names = "--weight-decay", paramLabel = "<w>", descriptionKey = "weight_decay")
    private double m_weightDecay;

    @Option(names = "--clip", paramLabel = "<norm>", descriptionKey = "gradient_clip")
    private double m_clip;

    @Option(names = "--lr-decay", paramLabel = "<factor>", descriptionKey = "lr_decay_factor")
    private double m_lrDecay;

    @Option(names = "--lr-decay-at", paramLabel = "<fractions>", split = ",", descriptionKey = "lr_decay_at")
    private double[] m_lrDecayAt;

    @Option(names = "--instability-threshold", paramLabel = "<nats>", descriptionKey = "instability_threshold")
    private double m_instabilityThreshold;

    // column domains: inferred from the data unless --no-domains; these declarations override the inference

    @Option(names = "--lower", split = ",", paramLabel = "<column=value>",
        description = "declared lower bound of a design column (repeatable); designs never fall below it")
    private List<String> m_lower;

    @Option(names = "--upper", split = ",", paramLabel = "<column=value>",
        description = "declared upper bound of a design column (repeatable); only 1 (a fraction) and 100 (a column "
            + "whose name says percent) are inferred")
    private List<String> m_upper;

    @Option(names = "--integer", split = ",", paramLabel = "<column>",
        description = "design columns of whole numbers (designs are whole)")
    private List<String> m_integer;

    @Option(names = "--continuous", split = ",", paramLabel = "<column>",
        description = "design columns never treated as whole numbers, whatever their values")
    private List<String> m_continuous;

    @Option(names = "--unbounded", split = ",", paramLabel = "<column>",
        description = "design columns without bounds or whole numbers, whatever their values")
    private List<String> m_unbounded;

    @Option(names = "--composition", paramLabel = "<a,b,c<=total|a,b,c=total>",
        description = "a group of design columns summing to at most (<=, the rest is a remainder such as ash) or "
            + "exactly (=) the total; every design keeps the sum (repeatable)")
    private List<String> m_composition;

    @Option(names = "--no-domains",
        description = "infer no column domains (only the declared ones apply): the network sees the raw columns")
    private boolean m_noDomains;

    @Option(names = "--domains", paramLabel = "<entries>", descriptionKey = "column_domains")
    private String m_domains;

    @Option(names = "--progress", negatable = true,
        description = "draw (--progress) or never draw (--no-progress) the progress bar on stderr; "
            + "default: when stderr is a terminal")
    private Boolean m_progress;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        final CinnArchitecture arch = CinnArchitecture.defaults().withBlocks(m_blocks).withSubnetWidth(m_width)
            .withSubnetLayers(m_layers).withClamp(m_clamp).withCoupling(m_coupling).withActivation(m_activation)
            .withActNorm(m_actNorm).withPrecision(m_precision).withBins(m_bins).withTailBound(m_tailBound);
        final TrainingSettings settings = TrainingSettings.defaults().withEpochs(m_epochs).withBatchSize(m_batch)
            .withLearningRate(m_lr).withValidationFraction(m_valFraction).withPatience(m_patience).withSeed(m_seed)
            .withThreads(m_threads).withBeta1(m_beta1).withBeta2(m_beta2).withWeightDecay(m_weightDecay).withGradientClipNorm(m_clip)
            .withLrDecayFactor(m_lrDecay).withLrDecayAt(m_lrDecayAt == null ? new double[0] : m_lrDecayAt)
            .withInstabilityThresholdPerDim(m_instabilityThreshold);
        try {
            arch.validate();
            settings.validate();
        } catch (final IllegalArgumentException e) {
            // a value outside a setting's declared range is a bad command line (exit 2), named by the engine
            throw new UsageException("invalid setting: " + e.getMessage());
        }
        // fail on unwritable outputs now, not after training
        AtomicOutput.checkWritable(m_model);
        if (m_history != null) {
            AtomicOutput.checkWritable(m_history);
        }
        final List<String> x = columns(m_x, "--x", "design");
        final List<String> y = columns(m_y, "--y", "target");
        final DomainSpec domains = domainSpec();
        checkDeclaredColumns(domains, x);
        final TrainingData data = readData(m_data, x, y);
        checkBatch(data.rows(), settings);

        final PrintWriter out = m_spec.commandLine().getOut();
        final TrainingResult result = train(data, arch, settings, domains, out, m_spec.commandLine().getErr(),
            m_progress);
        ModelFile.save(result.model(), m_model);
        out.println("network: " + result.model().architecture().summary());
        out.println("model written to " + m_model);
        if (m_history != null) {
            CsvOutput.writeHistory(m_history, result.model());
            out.println("history written to " + m_history);
        }
        return 0;
    }

    /** The column-domain options as one {@link DomainSpec}; a malformed entry is an error naming its option. */
    DomainSpec domainSpec() throws CliException {
        final DomainSpec.Builder b = new DomainSpec.Builder();
        try {
            if (m_noDomains) {
                b.noInference();
            }
            if (m_domains != null) {
                b.add(m_domains);
            }
            add(b, "lower", m_lower);
            add(b, "upper", m_upper);
            add(b, "integer", m_integer);
            add(b, "continuous", m_continuous);
            add(b, "unbounded", m_unbounded);
            add(b, "composition", m_composition);
        } catch (final IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return b.build();
    }

    /**
     * The declarations' checks that need no data ({@link DomainSpec#check}), before any data is read, so that a bad
     * declaration is a bad command line (exit 2) like an unparsable one; data-dependent checks (rows outside a bound)
     * stay with training (exit 1).
     */
    static void checkDeclaredColumns(final DomainSpec spec, final List<String> x) throws UsageException {
        try {
            spec.check(x);
        } catch (final CinnDataException e) {
            final String why = e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                : e.getMessage();
            throw new UsageException(why + "; check --x " + String.join(",", x) + " and the domain options (--lower, "
                + "--upper, --integer, --continuous, --unbounded, --composition, --domains)");
        }
    }

    /**
     * A batch size given on the command line (not the adapting default) that is larger than the training rows is an
     * error naming --batch (exit 1: it depends on the data).
     */
    private void checkBatch(final int rows, final TrainingSettings settings) throws CliException {
        if (m_batch == TrainingSettings.defaults().batchSize()) {
            return; // the default adapts to small tables
        }
        final int nVal = CinnTrainer.validationRows(settings.validationFraction(), rows);
        final int nTrain = rows - nVal;
        if (nTrain >= 2 && m_batch > nTrain) {
            throw new CliException("--batch " + m_batch + " is larger than the " + nTrain + " training rows of "
                + m_data + " (" + rows + " rows less " + nVal + " held out for validation by --val-fraction "
                + settings.validationFraction() + "); give --batch " + nTrain + " or less, or leave --batch out to let "
                + "it adapt to the table");
        }
    }

    /** The trimmed column names of --x or --y; an empty name is a bad command line naming the option. */
    private static List<String> columns(final List<String> names, final String option, final String what)
        throws UsageException {
        final List<String> trimmed = trimmed(names);
        if (trimmed.isEmpty() || trimmed.stream().anyMatch(String::isEmpty)) {
            throw new UsageException(option + " has an empty column name (" + option + " " + String.join(",", names)
                + "); give the " + what + " columns comma-separated, e.g. " + option + " a,b");
        }
        return trimmed;
    }

    private static void add(final DomainSpec.Builder b, final String keyword, final List<String> values) {
        if (values != null) {
            for (final String v : values) {
                if (v.contains(";")) {
                    throw new IllegalArgumentException("--" + keyword + " " + v + ": one entry per option, no ';'");
                }
                try {
                    b.add(keyword + " " + v.trim());
                } catch (final IllegalArgumentException e) {
                    throw new IllegalArgumentException("--" + keyword + " " + v + ": " + e.getMessage());
                }
            }
        }
    }

    /** Reads the named x and y columns of a CSV file as training data (row ids "row 1", ...). */
    static TrainingData readData(final Path file, final List<String> x, final List<String> y)
        throws CliException, IOException {
        try (CsvInput in = CsvInput.open(file, "--data")) {
            final double[][][] values = in.readAll(in.indexesOf(x, "--x"), in.indexesOf(y, "--y"));
            return new TrainingData(x.toArray(new String[0]), values[0], y.toArray(new String[0]), values[1],
                CsvInput.rowIds(values[0].length));
        }
    }

    /**
     * Trains with console reporting (epoch lines and the engine's notes on {@code out}, progress bar and loss-health
     * warnings on {@code err}) and prints how training ended. Shared by {@code train} and {@code demo}.
     *
     * @param progress {@code --progress}/{@code --no-progress}, or null to draw the bar when stderr is a terminal
     */
    static TrainingResult train(final TrainingData data, final CinnArchitecture arch, final TrainingSettings settings,
        final PrintWriter out, final PrintWriter err, final Boolean progress) throws CinnException {
        return train(data, arch, settings, DomainSpec.INFER, out, err, progress);
    }

    /** As above with the user's column-domain declarations. */
    static TrainingResult train(final TrainingData data, final CinnArchitecture arch, final TrainingSettings settings,
        final DomainSpec domains, final PrintWriter out, final PrintWriter err, final Boolean progress)
        throws CinnException {
        Nd4jRuntime.start(settings.threads());
        final boolean bar = TrainingConsole.showBar(progress, TrainingConsole.STDERR_LINK, System.console() != null);
        final TrainingConsole console = new TrainingConsole(out, err, bar, settings.epochs());
        final TrainingResult result;
        try {
            result = CinnTrainer.train(data, arch, settings, domains, console);
        } finally {
            console.clearBar();
        }
        final int best = result.bestEpoch();
        out.println(String.format(Locale.ROOT, "training %s; best epoch %d", result.stopReason(), best)
            + bestLoss(result.model()));
        for (final String note : result.notes()) {
            out.println("note: " + note);
        }
        for (final String warning : result.warnings()) {
            if (!console.shownWarnings().contains(warning)) { // data warnings were printed before training
                err.println("warning: " + warning);
            }
        }
        out.flush();
        err.flush();
        return result;
    }

    /**
     * " (train loss a, validation loss b; validation NLL c nats per row in data units)": the losses are the training
     * objective on standardised data, the NLL is comparable to {@code score}'s mean_nll.
     */
    private static String bestLoss(final CinnModel model) {
        final EpochStats s = model.info().bestEpochStats();
        return String.format(Locale.ROOT, " (train loss %.4f%s)", s.trainLoss(),
            Double.isNaN(s.validationLoss()) ? ""
                : String.format(Locale.ROOT, ", validation loss %.4f; validation NLL %.4f nats per row in data "
                    + "units", s.validationLoss(), model.lossToNll(s.validationLoss())));
    }

    private static List<String> trimmed(final List<String> names) {
        return names.stream().map(String::trim).toList();
    }
}
