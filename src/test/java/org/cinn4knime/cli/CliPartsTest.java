package org.cinn4knime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cinn4knime.engine.AtomicFile;
import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.ik.InverseKinematics;

/** The building blocks: atomic outputs, progress bar, epoch lines, unique names, arm geometry. */
class CliPartsTest {

    @TempDir
    Path m_dir;

    @Test
    void atomicOutputAppearsOnlyOnCommit() throws Exception {
        final Path target = m_dir.resolve("out.csv");
        Files.writeString(target, "old", StandardCharsets.UTF_8);
        try (AtomicFile out = AtomicOutput.create(target)) {
            out.writer().write("half");
            out.writer().flush();
            assertEquals("old", Files.readString(target), "target untouched while writing");
            assertEquals(2, CliRun.files(m_dir).size(), "a temporary file beside the target");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.csv"), CliRun.files(m_dir), "temporary file removed without commit");
        try (AtomicFile out = AtomicOutput.create(target)) {
            out.writer().write("new");
            out.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.csv"), CliRun.files(m_dir));
    }

    @Test
    void progressBarOnlyWhenEnabledAndErasedBeforeEpochLines() {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final TrainingConsole off = new TrainingConsole(new PrintWriter(out), new PrintWriter(err), false, 3);
        off.progress(0.5, "epoch 2");
        assertEquals("", err.toString());

        final TrainingConsole on = new TrainingConsole(new PrintWriter(out), new PrintWriter(err), true, 3);
        on.progress(0.5, "epoch 2");
        assertTrue(err.toString().contains("\r[###############---------------]  50% epoch 2"), err::toString);
        on.epochFinished(new EpochStats(2, -1.5, -1.25, 1e-3, true));
        assertTrue(err.toString().endsWith("\r"), "bar erased");
        assertTrue(out.toString().contains("epoch 2/3  train loss   -1.5000  validation loss   -1.2500  lr 1.00e-03"
            + "  (best so far)"), out::toString);
    }

    @Test
    void progressBarIsDrawnWhenStderrIsATerminalOrWhenForced() throws Exception {
        final Path pts = Files.createSymbolicLink(m_dir.resolve("pts"), Path.of("/dev/pts/3"));
        final Path tty = Files.createSymbolicLink(m_dir.resolve("tty"), Path.of("/dev/tty1"));
        final Path file = Files.createSymbolicLink(m_dir.resolve("file"), m_dir.resolve("train.log"));
        final Path pipe = Files.createSymbolicLink(m_dir.resolve("pipe"), Path.of("pipe:[12345]"));
        final Path none = m_dir.resolve("no-such-link");
        // stderr a terminal: yes, whatever System.console() says (stdin or stdout may be redirected)
        assertTrue(TrainingConsole.showBar(null, pts, false));
        assertTrue(TrainingConsole.showBar(null, tty, false));
        // stderr a file or pipe: no, even with a console (stdin and stdout terminals, stderr redirected)
        assertFalse(TrainingConsole.showBar(null, file, true));
        assertFalse(TrainingConsole.showBar(null, pipe, true));
        // no /proc (not Linux): System.console()
        assertTrue(TrainingConsole.showBar(null, none, true));
        assertFalse(TrainingConsole.showBar(null, none, false));
        // --progress / --no-progress win
        assertTrue(TrainingConsole.showBar(Boolean.TRUE, pipe, false));
        assertFalse(TrainingConsole.showBar(Boolean.FALSE, pts, true));
    }

    @Test
    void barAndEpochLineFormats() {
        assertEquals("[------------------------------]   0%", TrainingConsole.bar(-1, null));
        assertEquals("[##############################] 100% done", TrainingConsole.bar(1, "done"));
        assertEquals("epoch  7/12  train loss    0.2500  lr 5.00e-04",
            TrainingConsole.epochLine(new EpochStats(7, 0.25, Double.NaN, 5e-4, false), 12));
        assertEquals("epoch  7/12  train loss    0.2500  lr 5.00e-04",
            TrainingConsole.epochLine(new EpochStats(7, 0.25, Double.NaN, 5e-4, true), 12),
            "without validation rows every epoch is the latest: no 'best so far' mark");
        assertEquals("epoch  7/12  train loss    0.2500  validation loss    0.3000  lr 5.00e-04  (best so far)",
            TrainingConsole.epochLine(new EpochStats(7, 0.25, 0.3, 5e-4, true), 12));
    }

    @Test
    void errorMessagesBecomeOneLine() {
        assertEquals("first; second; third", CinnCli.oneLine("first\n  second\r\nthird\n"));
        assertEquals("plain", CinnCli.oneLine("plain"));
    }

    @Test
    void uniqueNames() {
        assertEquals(List.of("a (#1)", "b", "a (#2)"),
            CsvOutput.uniqueNames(List.of("a", "c"), List.of("a", "b", "a")));
        assertEquals(List.of("log_density (#1)", "z"), CsvOutput.uniqueNames(List.of("log_density"),
            List.of("log_density", "z")));
        assertEquals(List.of("s (#2)"), CsvOutput.uniqueNames(List.of("s", "s (#1)"), List.of("s")));
    }

    @Test
    void armEndPointIsTheForwardKinematics() {
        final double[][] designs = InverseKinematics.samplePrior(50, 3);
        for (final double[] x : designs) {
            final double[][] joints = ArmPlot.joints(x);
            final double[] y = InverseKinematics.forward(x);
            assertEquals(0.0, joints[0][0], 0.0);
            assertEquals(x[0], joints[1][0], 0.0);
            assertEquals(y[0], joints[0][3], 1e-12);
            assertEquals(y[1], joints[1][3], 1e-12);
        }
    }

    @Test
    void plotMarksTheTargetInRed() {
        final double[] target = {1.5, 0.0};
        final BufferedImage image = ArmPlot.render(InverseKinematics.samplePrior(20, 4), target, "t");
        int red = 0;
        for (int px = 0; px < image.getWidth(); px++) {
            for (int py = 0; py < image.getHeight(); py++) {
                final Color c = new Color(image.getRGB(px, py));
                if (c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) {
                    red++;
                }
            }
        }
        assertTrue(red > 20, "target cross drawn: " + red + " red pixels");
        assertFalse(red > 2000, "only the cross is red: " + red);
    }
}
