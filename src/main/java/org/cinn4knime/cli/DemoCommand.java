package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Posteriors;
import org.cinn4knime.engine.ProgressListener;
import org.cinn4knime.engine.ScoreReport;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.cinn4knime.engine.stats.PosteriorCalibration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the inverse-kinematics task end to end on generated data. A planar arm slides along a vertical rail
 * (x0) and bends three joints (x1..x3); y = (y0, y1) is where its tip ends up. The cINN learns p(x | y), is asked for
 * arm configurations that reach a few wanted end points, and is scored on held-out data.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    defaultValueProvider = DeclaredSettings.Defaults.class, resourceBundle = DeclaredSettings.BUNDLE,
    description = {"Runs an example end to end: by default inverse kinematics on generated data (arm configurations "
        + "for target end points); with --data biomass, fuel compositions for wanted heating values on the bundled "
        + "real table of 536 biomass fuels.",
        "The inverse-kinematics demo trains a cINN, samples arm configurations for a few target end points, scores "
            + "held-out data, and prints the NLL, the calibration error and the re-simulation error (distance "
            + "between the sampled arms' end points and their target).",
        "Writes into the output folder: history.csv, model.cinn, designs.csv, scores.csv, summary.csv and arms.png "
            + "(sampled arms for the first target)."})
final class DemoCommand implements Callable<Integer> {

    /**
     * Target end points (y0, y1), all reachable under the prior; the first is the one plotted. (1.5, 0), the classic
     * target of the cINN literature, lies where the prior puts little mass, so a one-minute model reaches it less well.
     */
    static final double[][] TARGETS = {{1.7, -0.4}, {1.5, 0.0}, {1.8, 0.5}, {1.3, -0.8}};

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "<DIR>",
        description = "output folder, created if missing (default ${DEFAULT-VALUE})")
    private Path m_dir;

    /** Held-out rows whose posteriors are sampled for the re-simulation and calibration check. */
    private static final int POSTERIOR_ROWS = 200;

    /** Designs per held-out row for that check. */
    private static final int POSTERIOR_SAMPLES = 100;

    @Option(names = "--rows", paramLabel = "<n>", defaultValue = "50000",
        description = "generated training rows (default ${DEFAULT-VALUE}); inverse kinematics only, refused with "
            + "--data biomass")
    private int m_rows;

    @Option(names = "--test-rows", paramLabel = "<n>", defaultValue = "2000",
        description = "held-out rows to score (default ${DEFAULT-VALUE}); inverse kinematics only, refused with "
            + "--data biomass")
    private int m_testRows;

    @Option(names = "--epochs", paramLabel = "<n>",
        description = "training epochs (default 40; " + BiomassDemo.DEFAULT_EPOCHS + " with --data biomass)")
    private Integer m_epochs;

    @Option(names = "--data", paramLabel = "<ik|biomass>", defaultValue = "ik",
        description = {"ik: the inverse-kinematics task on generated data (default); biomass: compositions of solid "
            + "biomass fuels for wanted heating values, on the bundled real table of 536 fuels (Ghugare et al., "
            + "BioEnergy Research 7 (2014) 681-692, via the R package modeldata, MIT licence), with the composition "
            + "C+H+O+N+S <= 100 declared; writes biomass-designs.csv and biomass.png"})
    private String m_data;

    @Option(names = "--samples", paramLabel = "<n>", defaultValue = "500",
        description = "designs per target (default ${DEFAULT-VALUE})")
    private int m_samples;

    @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "1",
        description = "seed of data, training and sampling (default ${DEFAULT-VALUE})")
    private long m_seed;

    /** Worker threads for training, sampling and scoring: the declaration of train, sample and score. */
    @Option(names = "--threads", paramLabel = "<n>", descriptionKey = "threads")
    private int m_threads;

    @Option(names = "--progress", negatable = true,
        description = "draw (--progress) or never draw (--no-progress) the training progress bar on stderr; "
            + "default: when stderr is a terminal")
    private Boolean m_progress;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        final PrintWriter out = m_spec.commandLine().getOut();
        final PrintWriter err = m_spec.commandLine().getErr();
        if (m_rows < 10 || m_testRows < 1 || m_samples < 1) {
            throw new UsageException("--rows must be at least 10, --test-rows and --samples at least 1");
        }
        DeclaredSettings.check(TrainingDeclarations.THREADS, m_threads);
        final int threads = m_threads;
        if (!"ik".equals(m_data) && !"biomass".equals(m_data)) {
            throw new UsageException("--data must be ik or biomass, not '" + m_data + "'");
        }
        if ("biomass".equals(m_data)) {
            for (final String generatedOnly : new String[]{"--rows", "--test-rows"}) {
                if (m_spec.commandLine().getParseResult().hasMatchedOption(generatedOnly)) {
                    throw new UsageException(generatedOnly + " sets the size of the generated inverse-kinematics "
                        + "data; --data biomass always uses the bundled table of 536 fuels, so leave " + generatedOnly
                        + " out");
                }
            }
            prepareFolder(m_dir);
            BiomassDemo.run(m_dir, m_epochs, m_samples, m_seed, threads, m_progress, out, err);
            return 0;
        }
        prepareFolder(m_dir);
        final int epochs = m_epochs == null ? 40 : m_epochs;
        final long start = System.nanoTime();

        // 1. data
        final String[] xNames = InverseKinematics.X_NAMES;
        final String[] yNames = InverseKinematics.Y_NAMES;
        final double[][] xTrain = InverseKinematics.samplePrior(m_rows, m_seed);
        final double[][] yTrain = InverseKinematics.forward(xTrain);
        final double[][] xTest = InverseKinematics.samplePrior(m_testRows, m_seed + 1);
        final double[][] yTest = InverseKinematics.forward(xTest);
        out.printf(Locale.ROOT, "inverse kinematics: %d training rows, %d held-out rows, x = (%s), y = (%s)%n", m_rows,
            m_testRows, String.join(", ", xNames), String.join(", ", yNames));

        // 2. train
        // small --rows (tests, quick looks): batches must fit into the training part (validation takes <= half)
        final TrainingSettings defaults = TrainingSettings.defaults();
        final TrainingSettings settings = defaults.withEpochs(epochs).withSeed(m_seed).withThreads(threads)
            .withBatchSize(Math.min(defaults.batchSize(), m_rows / 2));
        final TrainingResult trained = TrainCommand.train(
            new TrainingData(xNames, xTrain, yNames, yTrain, CsvInput.rowIds(m_rows)), CinnArchitecture.defaults(),
            settings, out, err, m_progress);
        final double trainSeconds = (System.nanoTime() - start) / 1e9;
        final CinnModel model = trained.model();
        CsvOutput.writeHistory(m_dir.resolve("history.csv"), trained.model());
        ModelFile.save(model, m_dir.resolve("model.cinn"));

        // 3. sample designs for the targets and re-simulate them
        final Posteriors.Collector collected = new Posteriors.Collector(TARGETS.length, m_samples);
        try (DesignsOutput designs = DesignsOutput.create(m_dir.resolve("designs.csv"), model, TARGETS, false)) {
            model.sample(TARGETS, 0, m_samples, 1.0, m_seed, false, threads, chunk -> {
                designs.accept(chunk);
                collected.accept(chunk);
            }, ProgressListener.NONE);
            designs.commit();
        }
        final double[][][] arms = collected.designs();
        for (int t = 0; t < TARGETS.length; t++) {
            out.printf(Locale.ROOT, "target (%5.2f, %5.2f): mean re-simulation error %.4f over %d designs%n",
                TARGETS[t][0], TARGETS[t][1],
                Posteriors.resimulationError(arms[t], TARGETS[t], InverseKinematics::forward), m_samples);
        }
        final double resimulation = Posteriors.resimulationError(arms, TARGETS, InverseKinematics::forward);

        // 4. score held-out data
        final ScoreReport report;
        final List<String> columns = new ArrayList<>(Arrays.asList(xNames));
        columns.addAll(Arrays.asList(yNames));
        try (ScoresOutput scores = ScoresOutput.create(m_dir.resolve("scores.csv"), columns, model);
                Scorer scorer = model.newScorer(threads)) {
            final List<List<Double>> cells = new ArrayList<>();
            for (int i = 0; i < m_testRows; i++) {
                final List<Double> row = new ArrayList<>();
                Arrays.stream(xTest[i]).forEach(row::add);
                Arrays.stream(yTest[i]).forEach(row::add);
                cells.add(row);
            }
            scores.write(cells, scorer.add(xTest, yTest), yTest);
            report = scorer.finish();
            scores.commit();
        }

        // 5. posteriors of held-out rows: re-simulation and calibration as on the benchmark (Kruse et al.)
        final int checkRows = Math.min(POSTERIOR_ROWS, m_testRows);
        final double[][] checkY = Arrays.copyOf(yTest, checkRows);
        final double[][][] posterior = Posteriors.sample(model, checkY, POSTERIOR_SAMPLES, m_seed + 2, threads);
        final double heldOutResim = Posteriors.resimulationError(posterior, checkY, InverseKinematics::forward);
        final double posteriorCalibration =
            PosteriorCalibration.error(Arrays.copyOf(xTest, checkRows), posterior);

        // 6. summary and plot
        final double totalSeconds = (System.nanoTime() - start) / 1e9;
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("training_rows", m_rows);
        summary.put("epochs_run", trained.history().size());
        summary.put("best_epoch", trained.bestEpoch());
        summary.putAll(ScoreCommand.metrics(report));
        summary.put("resimulation_error", resimulation);
        summary.put("heldout_resimulation_error", heldOutResim);
        summary.put("posterior_calibration_error", posteriorCalibration);
        summary.put("training_seconds", trainSeconds);
        summary.put("total_seconds", totalSeconds);
        CsvOutput.writeSummary(m_dir.resolve("summary.csv"), summary);
        ArmPlot.write(m_dir.resolve("arms.png"), arms[0], TARGETS[0], String.format(Locale.ROOT,
            "%d sampled arm configurations for the target (%.2f, %.2f)", m_samples, TARGETS[0][0], TARGETS[0][1]));

        out.println("held-out " + ScoreCommand.describe(report));
        out.printf(Locale.ROOT, "re-simulation error (mean distance of the sampled arms' end points from their target)"
            + ": %.4f for the %d targets above, %.4f for %d held-out targets%n", resimulation, TARGETS.length,
            heldOutResim, checkRows);
        out.printf(Locale.ROOT, "posterior calibration error (true x inside the central intervals of %d designs, "
            + "median over levels): %.4f%n", POSTERIOR_SAMPLES, posteriorCalibration);
        out.printf(Locale.ROOT, "done in %.1f s (training %.1f s); wrote history.csv, model.cinn, designs.csv, "
            + "scores.csv, summary.csv, arms.png to %s%n", totalSeconds, trainSeconds, m_dir);
        return 0;
    }

    private static void prepareFolder(final Path dir) throws CliException, IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException("--out " + dir + " exists and is not a folder");
        }
        Files.createDirectories(dir);
    }
}
