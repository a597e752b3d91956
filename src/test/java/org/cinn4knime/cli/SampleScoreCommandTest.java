package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.ikCsv;
import static org.cinn4knime.cli.CliRun.lines;
import static org.cinn4knime.cli.CliRun.run;
import static org.cinn4knime.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cinn4knime.engine.Scorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample} and {@code score} on a small trained model, and their bad inputs. */
class SampleScoreCommandTest {

    @TempDir
    static Path s_shared;

    static Path s_model;

    @TempDir
    Path m_dir;

    @BeforeAll
    static void trainModel() throws IOException {
        final Path data = ikCsv(s_shared.resolve("train.csv"), 300, 11, false);
        s_model = s_shared.resolve("model.cinn");
        final CliRun.Result r = run(TrainCommandTest.trainArgs(data, s_model));
        assertEquals(0, r.code(), r::toString);
    }

    private Path targets() throws IOException {
        return write(m_dir.resolve("targets.csv"), "name,y1,y0", "a,0.0,1.5", "b,0.8,1.0", "c,-0.4,1.7");
    }

    private CliRun.Result sample(final Path targets, final Path out, final String... more) {
        final List<String> args = new ArrayList<>(List.of("sample", "--model", s_model.toString(),
            "--targets", targets.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    @Test
    void samplesDesignsForEveryTargetRow() throws Exception {
        final Path out = m_dir.resolve("designs.csv");
        final CliRun.Result r = sample(targets(), out, "--n", "7", "--log-density", "--seed", "3");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("21 designs for 3 targets written to " + out), r::toString);
        final List<String> rows = lines(out);
        assertEquals("target_row,sample,y0,y1,x0,x1,x2,x3,in_training_range,target_distance,log_density",
            rows.get(0));
        assertEquals(1 + 21, rows.size());
        // target rows 1..3, samples 1..7 each, y columns repeat the target (picked by name, not position)
        final double[][] expectedY = {{1.5, 0.0}, {1.0, 0.8}, {1.7, -0.4}};
        for (int i = 1; i < rows.size(); i++) {
            final String[] cells = rows.get(i).split(",");
            final int target = Integer.parseInt(cells[0]);
            assertEquals((i - 1) / 7 + 1, target);
            assertEquals((i - 1) % 7 + 1, Integer.parseInt(cells[1]));
            assertEquals(expectedY[target - 1][0], Double.parseDouble(cells[2]), 0.0);
            assertEquals(expectedY[target - 1][1], Double.parseDouble(cells[3]), 0.0);
            for (int c : new int[]{4, 5, 6, 7, 9, 10}) {
                assertTrue(Double.isFinite(Double.parseDouble(cells[c])), rows.get(i));
            }
            assertTrue(cells[8].equals("true") || cells[8].equals("false"), rows.get(i));
        }
        // repeatable with the same seed, different with another
        final Path again = m_dir.resolve("again.csv");
        assertEquals(0, sample(targets(), again, "--n", "7", "--log-density", "--seed", "3").code());
        assertEquals(rows, lines(again));
        final Path other = m_dir.resolve("other.csv");
        assertEquals(0, sample(targets(), other, "--n", "7", "--log-density", "--seed", "4").code());
        assertNotEquals(rows, lines(other));
    }

    @Test
    void scoresEveryRowAndSummarises() throws Exception {
        final Path data = ikCsv(m_dir.resolve("test.csv"), 120, 12, true);
        final Path out = m_dir.resolve("scores.csv");
        final Path summary = m_dir.resolve("summary.csv");
        final CliRun.Result r = run("score", "--model", s_model.toString(), "--data", data.toString(), "--out",
            out.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("120 rows: NLL "), r::toString);
        assertTrue(r.out().contains("calibration error"), r::toString);

        final List<String> in = lines(data);
        final List<String> scores = lines(out);
        assertEquals(in.get(0) + ",log_density,z_squared_norm,in_training_range,target_distance", scores.get(0));
        assertEquals(in.size(), scores.size());
        double sumLogDensity = 0;
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i).startsWith(in.get(i) + ","), "input cells are copied unchanged");
            final String[] cells = scores.get(i).split(",");
            sumLogDensity += Double.parseDouble(cells[7]);
            assertTrue(Double.parseDouble(cells[8]) >= 0, scores.get(i));
        }
        final Map<String, String> metrics = lines(summary).stream().skip(1).map(l -> l.split(","))
            .collect(Collectors.toMap(c -> c[0], c -> c[1]));
        assertEquals("120", metrics.get("rows"));
        assertEquals(-sumLogDensity / 120, Double.parseDouble(metrics.get("mean_nll")), 1e-6,
            "mean NLL is the mean of -log_density");
        assertTrue(metrics.containsKey("calibration_error"), metrics::toString);
        assertTrue(metrics.containsKey("z3_std"), metrics::toString);
    }

    @Test
    void scoreOutputColumnsDoNotClashWithInputColumns() throws Exception {
        final Path data = write(m_dir.resolve("test.csv"), "x0,x1,x2,x3,y0,y1,log_density",
            "0.1,0.2,-0.1,0.3,1.7,0.4,9");
        final Path out = m_dir.resolve("scores.csv");
        assertEquals(0, run("score", "--model", s_model.toString(), "--data", data.toString(), "--out",
            out.toString()).code());
        assertEquals("x0,x1,x2,x3,y0,y1,log_density,log_density (#1),z_squared_norm,in_training_range,"
            + "target_distance", lines(out).get(0));
    }

    @Test
    void targetsOutsideTheTrainingDataAreFlaggedOnEveryRowAndCountedOnStderr() throws Exception {
        final Path targets = write(m_dir.resolve("far.csv"), "y0,y1", "1.5,0.0", "50,0.0", "1.6,0.1");
        final Path out = m_dir.resolve("designs.csv");
        final CliRun.Result r = sample(targets, out, "--n", "5");
        assertEquals(0, r.code(), r::toString);
        final List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning:")).toList();
        assertEquals(1, warnings.size(), r::toString);
        assertTrue(warnings.get(0).contains("1 of 3 target rows") && warnings.get(0).contains("first: row 2")
            && warnings.get(0).contains("'y0' = 50"), warnings.get(0));
        final List<String> rows = lines(out);
        assertEquals(1 + 15, rows.size(), "designs for the flagged target are still written");
        for (int i = 1; i < rows.size(); i++) {
            final String[] cells = rows.get(i).split(",");
            final boolean far = cells[0].equals("2");
            assertEquals(far ? "false" : "true", cells[8], rows.get(i));
            assertTrue(far == Double.parseDouble(cells[9]) > 1, rows.get(i));
        }
        // the scorer flags its rows the same way
        final List<String> real = lines(ikCsv(m_dir.resolve("real.csv"), 1, 12, false));
        final String[] cells = real.get(1).split(",");
        cells[4] = "50";
        final Path data = write(m_dir.resolve("score.csv"), real.get(0), real.get(1), String.join(",", cells));
        final Path scores = m_dir.resolve("scores.csv");
        final CliRun.Result s = run("score", "--model", s_model.toString(), "--data", data.toString(), "--out",
            scores.toString());
        assertEquals(0, s.code(), s::toString);
        assertTrue(s.err().contains("warning: 1 of 2 rows lie outside the training targets (first: row 2"),
            s::toString);
        assertTrue(lines(scores).get(1).contains(",true,") && lines(scores).get(2).contains(",false,"),
            lines(scores)::toString);
    }

    // ---- bad input: one line on stderr, exit 1, nothing (new) written, old outputs untouched ----

    private CliRun.Result fails(final String... args) throws IOException {
        return CliRun.failsCleanly(m_dir, args);
    }

    /**
     * A target so far outside that the designs overflow is refused with an error naming its row (the README and
     * {@code sample --help} say so); nothing is written.
     */
    @Test
    void targetSoFarOutThatTheDesignsOverflowIsRefusedNamingTheRow() throws Exception {
        final Path targets = write(m_dir.resolve("absurd.csv"), "y0,y1", "1.5,0.0", "1e300,0.0");
        final CliRun.Result r = fails("sample", "--model", s_model.toString(), "--targets", targets.toString(),
            "--n", "3", "--out", m_dir.resolve("designs.csv").toString());
        assertTrue(r.err().contains("target row 2") && r.err().contains("far outside the training targets"),
            r::toString);
        final CliRun.Result help = run("sample", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("so far outside the training targets that its "
            + "designs overflow"), help::toString);
    }

    @Test
    void corruptTruncatedAndMissingModel() throws Exception {
        final Path targets = targets();
        final Path out = m_dir.resolve("designs.csv");
        final Path garbage = m_dir.resolve("garbage.cinn");
        Files.writeString(garbage, "this is not a model", StandardCharsets.UTF_8);
        CliRun.Result r = fails("sample", "--model", garbage.toString(), "--targets", targets.toString(), "--out",
            out.toString());
        assertTrue(r.err().contains(garbage.toString()) && r.err().contains("not a cINN model file"), r::toString);

        final byte[] real = Files.readAllBytes(s_model);
        final Path truncated = m_dir.resolve("truncated.cinn");
        Files.write(truncated, Arrays.copyOf(real, real.length / 2));
        r = fails("score", "--model", truncated.toString(), "--data", targets.toString(), "--out", out.toString());
        assertTrue(r.err().contains(truncated.toString()) && r.err().contains("corrupt"), r::toString);

        final Path missing = m_dir.resolve("missing.cinn");
        r = fails("sample", "--model", missing.toString(), "--targets", targets.toString(), "--out", out.toString());
        assertTrue(r.err().contains("file not found: " + missing + " (--model)"), r::toString);
    }

    @Test
    void targetsWithoutTheModelsYColumn() throws Exception {
        final Path targets = write(m_dir.resolve("targets.csv"), "y0,z", "1.5,0");
        final CliRun.Result r = fails("sample", "--model", s_model.toString(), "--targets", targets.toString(),
            "--out", m_dir.resolve("designs.csv").toString());
        assertTrue(r.err().contains("column 'y1' (the model's y column) not found in " + targets), r::toString);
    }

    @Test
    void badSamplingSettings() throws Exception {
        final Path targets = targets();
        final Path out = m_dir.resolve("designs.csv");
        // a value outside the declared range is a bad command line: exit 2
        assertTrue(CliRun.failsAsUsage(m_dir, "sample", "--model", s_model.toString(), "--targets", targets.toString(),
            "--out", out.toString(), "--n", "0").err().contains("--n must be between 1 and 10000000, got 0"));
        assertTrue(CliRun.failsAsUsage(m_dir, "sample", "--model", s_model.toString(), "--targets", targets.toString(),
            "--out", out.toString(), "--temperature", "-1").err().contains("--temperature must be in (0, 10], got -1.0"));
    }

    @Test
    void badCellAfterTheFirstChunkLeavesNoPartialScoresAndKeepsTheOldFile() throws Exception {
        final Path data = ikCsv(m_dir.resolve("test.csv"), Scorer.rowsPerAdd(1) + 10, 13, false);
        final List<String> rows = new ArrayList<>(lines(data));
        final int badRow = Scorer.rowsPerAdd(1) + 5;
        rows.set(badRow, rows.get(badRow).replaceFirst("^([^,]*),[^,]*,", "$1,oops,"));
        Files.write(data, rows, StandardCharsets.UTF_8);
        final Path out = Files.writeString(m_dir.resolve("scores.csv"), "old results\n", StandardCharsets.UTF_8);
        final CliRun.Result r = fails("score", "--model", s_model.toString(), "--data", data.toString(), "--out",
            out.toString(), "--threads", "1");
        assertTrue(r.err().contains(data + ", row " + badRow + ", column 'x1': 'oops' is not a number"),
            r::toString);
        assertEquals(List.of("old results"), lines(out), "the previous output must survive a failed run");
    }

    @Test
    void scoreOnEmptyAndHeaderOnlyFiles() throws Exception {
        final Path out = m_dir.resolve("scores.csv");
        final Path empty = Files.writeString(m_dir.resolve("empty.csv"), "", StandardCharsets.UTF_8);
        assertTrue(fails("score", "--model", s_model.toString(), "--data", empty.toString(), "--out", out.toString())
            .err().contains(empty + " is empty"));
        final Path header = write(m_dir.resolve("header.csv"), "x0,x1,x2,x3,y0,y1");
        assertTrue(fails("score", "--model", s_model.toString(), "--data", header.toString(), "--out",
            out.toString()).err().contains(header + " has a header but no data rows"));
    }
}
