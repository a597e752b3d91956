package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.files;
import static org.cinn4knime.cli.CliRun.ikCsv;
import static org.cinn4knime.cli.CliRun.lines;
import static org.cinn4knime.cli.CliRun.run;
import static org.cinn4knime.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.TrainingSettings;

/** {@code train}, {@code --help}, {@code --version} and the bad inputs of {@code train}. */
class TrainCommandTest {

    /** A tiny, fast network for tests. */
    static final String[] SMALL = {"--blocks", "2", "--width", "16", "--batch", "64"};

    @TempDir
    Path m_dir;

    static String[] trainArgs(final Path data, final Path model, final String... more) {
        return trainArgs(data, "x0,x1,x2,x3", "2", model, more);
    }

    static String[] trainArgs(final Path data, final String x, final String epochs, final Path model,
        final String... more) {
        final List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--x", x, "--y",
            "y0,y1", "--model", model.toString(), "--epochs", epochs));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void trainsPrintsEpochsAndWritesModelAndHistory() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 300, 7, true);
        final Path model = m_dir.resolve("model.cinn");
        final Path history = m_dir.resolve("history.csv");
        final CliRun.Result r = run(trainArgs(data, model, "--history", history.toString(), "--seed", "3"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("epoch 1/2  train loss"), r::toString);
        assertTrue(r.out().contains("epoch 2/2  train loss"), r::toString);
        assertTrue(r.out().contains("best epoch"), r::toString);
        assertTrue(r.out().contains("model written to " + model), r::toString);
        assertTrue(r.out().contains("network: 2 GLOW blocks"), "AUTO resolved for four design columns: " + r);
        // not a terminal here: no progress bar
        assertTrue(!r.err().contains("\r") && !r.err().contains("[#"), r::toString);

        final CinnModel loaded = ModelFile.load(model);
        assertEquals(List.of("x0", "x1", "x2", "x3"), loaded.xNames());
        assertEquals(List.of("y0", "y1"), loaded.yNames());
        assertEquals(2, loaded.architecture().blocks());
        assertEquals(16, loaded.architecture().subnetWidth());
        assertEquals(3L, loaded.trainingSettings().seed());

        final List<String> h = lines(history);
        assertEquals("epoch,train_loss,validation_loss,validation_nll,learning_rate,best", h.get(0));
        assertEquals(3, h.size(), h::toString);
        for (int e = 1; e <= 2; e++) {
            final String[] cells = h.get(e).split(",");
            assertEquals(loaded.lossToNll(Double.parseDouble(cells[2])), Double.parseDouble(cells[3]), 1e-12,
                "validation_nll is the validation loss in data units: " + h.get(e));
        }
        final double bestValidation = loaded.info().history().get(loaded.info().bestEpoch() - 1).validationLoss();
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "validation NLL %.4f nats per row in data "
            + "units", loaded.lossToNll(bestValidation))), r::toString);
        assertTrue(h.get(1).startsWith("1,") && h.get(2).startsWith("2,"), h::toString);
        final int best = loaded.info().bestEpoch();
        assertEquals(List.of(best == 1, best == 2), List.of(h.get(1).endsWith(",true"), h.get(2).endsWith(",true")),
            "only the epoch the model keeps is flagged best: " + h);
        assertTrue(r.out().contains("best epoch " + best), r::toString);
        assertEquals(List.of("history.csv", "model.cinn", "train.csv"), files(m_dir));
    }

    @Test
    void progressOptionsForceTheBarOnOrOff() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 300, 7, true);
        final CliRun.Result on = run(trainArgs(data, m_dir.resolve("on.cinn"), "--progress"));
        assertEquals(0, on.code(), on::toString);
        assertTrue(on.err().contains("\r[") && on.err().contains("%"), "bar drawn with --progress: " + on);
        final CliRun.Result off = run(trainArgs(data, m_dir.resolve("off.cinn"), "--no-progress"));
        assertEquals(0, off.code(), off::toString);
        assertTrue(!off.err().contains("\r") && !off.err().contains("[#"), off::toString);
        assertTrue(run("train", "--help").out().contains("--[no-]progress"), "both spellings in the help");
    }

    @Test
    void architectureAndTrainingOptionsReachTheModel() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 300, 7, true);
        final Path model = m_dir.resolve("model.cinn");
        final CliRun.Result r = run(trainArgs(data, model, "--coupling", "single", "--activation", "Tanh",
            "--act-norm", "true", "--precision", "DOUBLE", "--weight-decay", "0.001", "--clip", "5", "--lr-decay",
            "0.5", "--lr-decay-at", "0.5", "--instability-threshold", "-3"));
        assertEquals(0, r.code(), r::toString);
        final CinnModel m = ModelFile.load(model);
        assertEquals(List.of("SINGLE", "TANH", "true", "DOUBLE"), List.of(m.architecture().coupling().name(),
            m.architecture().activation().name(), "" + m.architecture().actNorm(), m.architecture().precision().name()));
        assertEquals(List.of(0.001, 5.0, 0.5, -3.0), List.of(m.trainingSettings().weightDecay(),
            m.trainingSettings().gradientClipNorm(), m.trainingSettings().lrDecayFactor(),
            m.trainingSettings().instabilityThresholdPerDim()));
        assertEquals(List.of(0.5), java.util.Arrays.stream(m.trainingSettings().lrDecayAt()).boxed().toList());
        final CliRun.Result bad = run(trainArgs(data, model, "--coupling", "TRIPLE"));
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("--coupling") && bad.err().contains("TRIPLE"), bad::toString);
        // the one enum rule (EnumValues): any case, and the error lists what is allowed
        assertTrue(bad.err().contains("allowed (any case): GLOW, SINGLE"), bad::toString);
    }

    @Test
    void printsTheEnginesNotesWhenTheLossGoesNegative() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 300, 9, false);
        final CliRun.Result r = run("train", "--data", data.toString(), "--x", "x0,x1,x2,x3", "--y", "y0,y1",
            "--model", m_dir.resolve("m.cinn").toString(), "--epochs", "15", "--batch", "60", "--blocks", "4",
            "--width", "32", "--lr", "0.003", "--seed", "1");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("note: ") && l.contains("negative")), r::toString);
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("warning: ")), "stderr holds only warnings: " + r);
    }

    @Test
    void sameSeedGivesTheSameModel() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 200, 8, false);
        final Path a = m_dir.resolve("a.cinn");
        final Path b = m_dir.resolve("b.cinn");
        assertEquals(0, run(trainArgs(data, "x0,x1,x2,x3", "1", a, "--seed", "5")).code());
        assertEquals(0, run(trainArgs(data, "x0,x1,x2,x3", "1", b, "--seed", "5")).code());
        final double[][] x = {{0.1, 0.2, -0.3, 0.4}};
        final double[][] y = {{1.5, 0.0}};
        assertEquals(ModelFile.load(a).logDensity(x, y)[0], ModelFile.load(b).logDensity(x, y)[0], 0.0);
    }

    @Test
    void splineCouplingOptionsReachTheModel() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 300, 7, true);
        final Path model = m_dir.resolve("spline.cinn");
        final CliRun.Result r = run(trainArgs(data, model, "--coupling", "SPLINE", "--bins", "5", "--tail-bound",
            "2.5"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("network: 2 SPLINE blocks (5 bins on [-2.5, 2.5])"), r::toString);
        final CinnModel loaded = ModelFile.load(model);
        assertEquals(org.cinn4knime.engine.CouplingType.SPLINE, loaded.architecture().coupling());
        assertEquals(5, loaded.architecture().bins());
        assertEquals(2.5, loaded.architecture().tailBound());
        final CliRun.Result bad = run(trainArgs(data, m_dir.resolve("bad.cinn"), "--coupling", "SPLINE", "--bins",
            "1"));
        assertEquals(CinnCli.EXIT_USAGE, bad.code(), bad::toString); // outside the declared range: bad command line
        assertTrue(bad.err().contains("Spline bins must be between 2 and 64, but is 1."), bad::toString);
    }

    @Test
    void helpShowsEveryOptionWithTheEngineDefaults() {
        final CliRun.Result r = run("train", "--help");
        assertEquals(0, r.code(), r::toString);
        for (final String option : List.of("--data", "--x", "--y", "--model", "--epochs", "--batch", "--lr", "--blocks",
            "--width", "--layers", "--clamp", "--val-fraction", "--patience", "--seed", "--threads", "--history",
            "--coupling", "--bins", "--tail-bound")) {
            assertTrue(r.out().contains(option), option);
        }
        assertTrue(r.out().contains("(default " + TrainingSettings.defaults().epochs() + ")"), r::toString);
    }

    @Test
    void topLevelHelpAndVersion() {
        final CliRun.Result help = run("--help");
        assertEquals(0, help.code());
        for (final String command : List.of("train", "sample", "score", "demo")) {
            assertTrue(help.out().contains("  " + command + " "), command);
        }
        final CliRun.Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("cinn4knime "), version::toString);
        assertTrue(version.out().contains("model file format " + ModelFile.FORMAT_VERSION), version::toString);
        final CliRun.Result none = run();
        assertEquals(CinnCli.EXIT_USAGE, none.code());
        assertTrue(none.err().contains("Commands:"), none::toString);
    }

    @Test
    void usageErrorsGiveOneLineAndExitCode2() {
        final CliRun.Result unknown = run("train", "--data", "d.csv", "--x", "a", "--y", "b", "--model", "m",
            "--bogus", "1");
        assertEquals(CinnCli.EXIT_USAGE, unknown.code());
        assertEquals(1, unknown.errLines().size(), unknown::toString);
        assertTrue(unknown.err().contains("Unknown option") && unknown.err().contains("'--bogus'"), unknown::toString);
        assertTrue(unknown.err().contains("cinn4knime train --help"), unknown::toString);

        final CliRun.Result missing = run("train", "--data", "x.csv");
        assertEquals(CinnCli.EXIT_USAGE, missing.code());
        assertEquals(1, missing.errLines().size(), missing::toString);
        assertTrue(missing.err().contains("Missing required option")
            && missing.err().contains("'--x=<column>'"), missing::toString);

        final CliRun.Result badNumber = run("sample", "--model", "m", "--targets", "t", "--out", "o", "--n", "many");
        assertEquals(CinnCli.EXIT_USAGE, badNumber.code());
        assertTrue(badNumber.err().contains("'many'"), badNumber::toString);
    }

    // ---- bad input: one line on stderr, exit 1, nothing written ----

    private CliRun.Result trainFails(final Path data) throws IOException {
        return trainFails(data, "x0,x1,x2,x3", "2");
    }

    private CliRun.Result trainFails(final Path data, final String x, final String epochs) throws IOException {
        return CliRun.failsCleanly(m_dir, trainArgs(data, x, epochs, m_dir.resolve("model.cinn"), "--history",
            m_dir.resolve("history.csv").toString()));
    }

    @Test
    void unknownColumn() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 50, 1, false);
        final CliRun.Result r = trainFails(data, "x0,x1,nope", "2");
        assertTrue(r.err().contains("column 'nope' (--x) not found in " + data), r::toString);
        assertTrue(r.err().contains("its columns are: x0, x1, x2, x3, y0, y1"), r::toString);
    }

    @Test
    void semicolonOrTabSeparatedFilesAreNamedAsSuch() throws Exception {
        final Path semi = write(m_dir.resolve("semi.csv"), "x0;x1;x2;x3;y0;y1", "0.1;0.2;0.3;0.4;1.0;0.1");
        CliRun.Result r = trainFails(semi);
        assertTrue(r.err().contains("column 'x0' (--x) not found in " + semi) && r.err().contains("seems to use ';' "
            + "as its delimiter: cinn4knime reads comma-separated files"), r::toString);
        final Path tab = write(m_dir.resolve("tab.csv"), "x0\tx1\tx2\tx3\ty0\ty1", "0.1\t0.2\t0.3\t0.4\t1.0\t0.1");
        r = trainFails(tab);
        assertTrue(r.err().contains("seems to use a tab as its delimiter"), r::toString);
    }

    @Test
    void trailingCommaOfASpreadsheetIsAnUnnamedColumnThatIsNotSelected() throws Exception {
        final Path data = ikCsv(m_dir.resolve("plain.csv"), 200, 3, false);
        final Path trailing = m_dir.resolve("trailing.csv");
        Files.write(trailing, Files.readAllLines(data).stream().map(l -> l + ",").toList());
        final Path model = m_dir.resolve("m.cinn");
        final CliRun.Result r = run(trainArgs(trailing, model));
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.exists(model));
    }

    @Test
    void nonNumericCellNamesRowAndColumn() throws Exception {
        final Path data = write(m_dir.resolve("train.csv"), "x0,x1,x2,x3,y0,y1", "0.1,0.2,0.3,0.4,1.0,0.1",
            "0.1,0.2,0.3,0.4,1.0,0.1", "0.1,abc,0.3,0.4,1.0,0.1");
        final CliRun.Result r = trainFails(data);
        assertTrue(r.err().contains(data + ", row 3, column 'x1': 'abc' is not a number"), r::toString);
    }

    @Test
    void emptyAndNonFiniteCells() throws Exception {
        final Path data = write(m_dir.resolve("train.csv"), "x0,x1,x2,x3,y0,y1", "0.1,0.2,0.3,0.4,,0.1");
        assertTrue(trainFails(data).err().contains("row 1, column 'y0': empty cell"));
        write(data, "x0,x1,x2,x3,y0,y1", "0.1,0.2,0.3,0.4,1.0,0.1", "0.1,0.2,NaN,0.4,1.0,0.1");
        assertTrue(trainFails(data).err().contains("row 2, column 'x2': 'NaN' is not a finite number"));
    }

    @Test
    void raggedRow() throws Exception {
        final Path data = write(m_dir.resolve("train.csv"), "x0,x1,x2,x3,y0,y1", "0.1,0.2,0.3,0.4,1.0,0.1", "0.1,0.2");
        final CliRun.Result r = trainFails(data);
        assertTrue(r.err().contains(data + ", row 2: has 2 cells but the header has 6 columns"), r::toString);
    }

    @Test
    void emptyFileHeaderOnlyAndMissingFile() throws Exception {
        final Path empty = Files.writeString(m_dir.resolve("empty.csv"), "", StandardCharsets.UTF_8);
        assertTrue(trainFails(empty).err().contains(empty + " is empty"));
        final Path headerOnly = write(m_dir.resolve("header.csv"), "x0,x1,x2,x3,y0,y1");
        assertTrue(trainFails(headerOnly).err().contains(headerOnly + " has a header but no data rows"));
        final Path missing = m_dir.resolve("missing.csv");
        assertTrue(trainFails(missing).err().contains("file not found: " + missing + " (--data)"));
    }

    @Test
    void invalidSettingIsNamed() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 50, 1, false);
        // outside the declared range: a bad command line (exit 2) naming the setting and its range
        final CliRun.Result r = CliRun.failsAsUsage(m_dir, trainArgs(data, "x0,x1,x2,x3", "0",
            m_dir.resolve("model.cinn")));
        assertTrue(r.err().contains("invalid setting") && r.err().toLowerCase().contains("epoch")
            && r.err().contains("'cinn4knime train --help'"), r::toString);
    }

    @Test
    void missingOutputFolderFailsBeforeTraining() throws Exception {
        final Path data = ikCsv(m_dir.resolve("train.csv"), 50, 1, false);
        final Path model = m_dir.resolve("no-such-folder").resolve("model.cinn");
        final CliRun.Result r = run(trainArgs(data, model));
        assertEquals(CinnCli.EXIT_FAILURE, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("folder " + model.getParent() + " does not exist"), r::toString);
        assertTrue(!r.out().contains("epoch"), "must fail before training");
    }
}
