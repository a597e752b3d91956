package org.cinn4knime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cinn4knime.engine.ik.InverseKinematics;

/** Test helpers: run the CLI in-process and capture its output; write small CSV inputs. */
final class CliRun {

    /** Exit code and console output of one command line. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRun() {
    }

    static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = CinnCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs the command line and asserts a clean failure: exit code 1, exactly one {@code error: } line on stderr, and
     * the files in {@code dir} unchanged (nothing half-written left behind).
     */
    static Result failsCleanly(final Path dir, final String... args) throws IOException {
        final List<String> before = files(dir);
        final Result r = run(args);
        assertEquals(CinnCli.EXIT_FAILURE, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        assertEquals(before, files(dir), "a failed run must not leave files behind");
        return r;
    }

    /**
     * Runs the command line and asserts a bad command line: exit code 2, exactly one {@code error: } line on stderr
     * pointing to {@code --help}, and the files in {@code dir} unchanged.
     */
    static Result failsAsUsage(final Path dir, final String... args) throws IOException {
        final List<String> before = files(dir);
        final Result r = run(args);
        assertEquals(CinnCli.EXIT_USAGE, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(" --help')"), r::toString);
        assertEquals(before, files(dir), "a refused command line must not leave files behind");
        return r;
    }

    /** Writes an inverse-kinematics table with columns x0..x3, y0, y1 (plus an "id" text column first if wanted). */
    static Path ikCsv(final Path file, final int rows, final long seed, final boolean idColumn) throws IOException {
        final double[][] x = InverseKinematics.samplePrior(rows, seed);
        final double[][] y = InverseKinematics.forward(x);
        final List<String> lines = new ArrayList<>();
        lines.add((idColumn ? "id," : "") + "x0,x1,x2,x3,y0,y1");
        for (int i = 0; i < rows; i++) {
            final StringBuilder line = new StringBuilder(idColumn ? "r" + (i + 1) + "," : "");
            for (final double v : x[i]) {
                line.append(v).append(',');
            }
            line.append(y[i][0]).append(',').append(y[i][1]);
            lines.add(line.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static Path write(final Path file, final String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    /** Names of all files in a folder (to check that no temporary or partial files are left). */
    static List<String> files(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> lines(final Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static String fmt(final String format, final Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
