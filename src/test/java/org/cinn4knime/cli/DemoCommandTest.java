package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.files;
import static org.cinn4knime.cli.CliRun.lines;
import static org.cinn4knime.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.ik.InverseKinematics;

/** {@code demo} on a tiny configuration: every output is written and consistent with what was printed. */
class DemoCommandTest {

    @TempDir
    Path m_dir;

    @Test
    void runsEndToEndAndWritesAllOutputs() throws Exception {
        final Path out = m_dir.resolve("demo");
        final CliRun.Result r = run("demo", "--out", out.toString(), "--rows", "400", "--test-rows", "60",
            "--epochs", "1", "--samples", "12", "--seed", "2");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("epoch 1/1"), r::toString);
        assertTrue(r.out().contains("held-out 60 rows: NLL "), r::toString);
        assertTrue(r.out().contains("calibration error"), r::toString);
        assertTrue(r.out().contains("re-simulation error"), r::toString);
        assertEquals(List.of("arms.png", "designs.csv", "history.csv", "model.cinn", "scores.csv", "summary.csv"),
            files(out));

        assertEquals(1 + DemoCommand.TARGETS.length * 12, lines(out.resolve("designs.csv")).size());
        assertEquals(1 + 60, lines(out.resolve("scores.csv")).size());
        assertEquals(2, lines(out.resolve("history.csv")).size());
        assertEquals(List.of(InverseKinematics.X_NAMES), ModelFile.load(out.resolve("model.cinn")).xNames());

        // the printed re-simulation error is the one in the summary, and it matches the designs file
        final Map<String, String> summary = lines(out.resolve("summary.csv")).stream().skip(1)
            .map(l -> l.split(",")).collect(Collectors.toMap(c -> c[0], c -> c[1]));
        final double resim = Double.parseDouble(summary.get("resimulation_error"));
        assertTrue(r.out().contains(CliRun.fmt("%.4f", resim)), r::toString);
        double sum = 0;
        final List<String> designs = lines(out.resolve("designs.csv"));
        for (final String line : designs.subList(1, designs.size())) {
            final String[] c = line.split(",");
            final double[] x = {Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]),
                Double.parseDouble(c[7])};
            final double[] y = InverseKinematics.forward(x);
            sum += Math.hypot(y[0] - Double.parseDouble(c[2]), y[1] - Double.parseDouble(c[3]));
        }
        assertEquals(sum / (designs.size() - 1), resim, 1e-9);
        // the held-out posterior check is printed as it is summarised, and its figures are in range
        final double calib = Double.parseDouble(summary.get("posterior_calibration_error"));
        final double heldOut = Double.parseDouble(summary.get("heldout_resimulation_error"));
        assertTrue(calib >= 0 && calib <= 0.5, "calibration error is a distance of fractions: " + calib);
        assertTrue(heldOut > 0 && Double.isFinite(heldOut), "held-out re-simulation error " + heldOut);
        assertTrue(r.out().contains("posterior calibration error") && r.out().contains(CliRun.fmt("%.4f", calib))
            && r.out().contains(CliRun.fmt("%.4f for 60 held-out targets", heldOut)), r::toString);

        final BufferedImage png = ImageIO.read(out.resolve("arms.png").toFile());
        assertNotNull(png);
        assertEquals(ArmPlot.WIDTH, png.getWidth());
        assertEquals(ArmPlot.HEIGHT, png.getHeight());
    }

    @Test
    void biomassRefusesTheSizeOptionsOfTheGeneratedData() throws Exception {
        for (final String option : new String[]{"--rows", "--test-rows"}) {
            final CliRun.Result r = CliRun.failsAsUsage(m_dir, "demo", "--data", "biomass", option, "10", "--out",
                m_dir.resolve("bio").toString());
            assertTrue(r.err().contains(option + " sets the size of the generated") && r.err().contains(
                "leave " + option + " out"), r::toString);
        }
    }

    @Test
    void scoreHelpPromisesNoSeed() {
        // score has no --seed: its help must not promise what a seed does
        final CliRun.Result r = CliRun.run("score", "--help");
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains("seed"), r.out());
        assertTrue(r.out().contains("results do not depend on the number of threads"), r.out());
    }

    @Test
    void outFolderThatIsAFileFails() throws Exception {
        final Path file = Files.writeString(m_dir.resolve("taken"), "x", StandardCharsets.UTF_8);
        final CliRun.Result r = run("demo", "--out", file.toString(), "--rows", "100", "--epochs", "1");
        assertEquals(CinnCli.EXIT_FAILURE, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains(file + " exists and is not a folder"), r::toString);
    }

    @Test
    void threadsOutsideTheDeclaredRangeAreAUsageError() throws Exception {
        for (String bad : new String[] {"0", "300"}) {
            final CliRun.Result r = CliRun.failsAsUsage(m_dir, "demo", "--out", m_dir.resolve("demo").toString(),
                "--threads", bad);
            assertTrue(r.err().contains("--threads must be between 1 and 256, got " + bad), r::toString);
        }
    }
}
