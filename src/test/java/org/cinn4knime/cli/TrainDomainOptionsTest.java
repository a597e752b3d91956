package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.failsCleanly;
import static org.cinn4knime.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.domain.Domains;

/** {@code train}'s column-domain options reach the model, and bad declarations fail naming column and row. */
class TrainDomainOptionsTest {

    @TempDir
    Path m_dir;

    /** amount ≥ 0 (exact zeros), frac in [0, 1], layers whole 1..6, c + o ≤ 100, y. */
    static Path table(final Path file, final int rows) throws IOException {
        final SplittableRandom r = new SplittableRandom(5);
        final List<String> lines = new ArrayList<>();
        lines.add("amount,frac,layers,c,o,y");
        for (int i = 0; i < rows; i++) {
            final double c = 30 + 40 * r.nextDouble();
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s", i % 4 == 0 ? "0" : 10 * r.nextDouble(),
                r.nextDouble(), 1 + r.nextInt(6), c, (100 - c) * r.nextDouble(), r.nextGaussian()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static String[] args(final Path data, final Path model, final String... more) {
        final List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--x",
            "amount,frac,layers,c,o", "--y", "y", "--model", model.toString(), "--epochs", "1", "--blocks", "2",
            "--width", "16", "--batch", "64"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void declarationsReachTheModelAndTheSummaryListsThem() throws Exception {
        final Path data = table(m_dir.resolve("t.csv"), 300);
        final Path model = m_dir.resolve("m.cinn");
        final CliRun.Result r = run(args(data, model, "--composition", "c,o<=100", "--upper", "amount=50",
            "--continuous", "layers"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("note: Column domains: composition c + o ≤ 100"), r::toString);
        assertTrue(r.out().contains("amount: in [0, 50], point mass at 0 (25.0 % of rows) (declared)"), r::toString);
        final CinnModel m = ModelFile.load(model);
        final Domains d = m.domains();
        assertEquals(50, d.column(0).upper());
        assertEquals(1, d.column(1).upper());
        assertFalse(d.column(2).wholeNumber());
        assertEquals(List.of("c", "o"), d.compositions().get(0).parts());
        // inferred: layers is whole without --continuous
        final CliRun.Result r2 = run(args(data, model));
        assertEquals(0, r2.code(), r2::toString);
        assertTrue(ModelFile.load(model).domains().column(2).wholeNumber());
        // --no-domains: the raw columns
        final CliRun.Result r3 = run(args(data, model, "--no-domains"));
        assertEquals(0, r3.code(), r3::toString);
        assertNull(ModelFile.load(model).domains());
    }

    @Test
    void badDeclarationsNameColumnAndRow() throws Exception {
        final Path data = table(m_dir.resolve("t.csv"), 100);
        final Path model = m_dir.resolve("m.cinn");
        CliRun.Result r = failsCleanly(m_dir, args(data, model, "--lower", "frac=0.5"));
        assertTrue(r.err().contains("'frac'") && r.err().contains("row 'row ") && r.err().contains("below its lower "
            + "bound 0.5"), r::toString);
        // declarations that contradict each other or name no --x column are a bad command line (exit 2)
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--lower", "amount=5", "--upper", "amount=2"));
        assertTrue(r.err().contains("'amount'") && r.err().contains("lower bound must be below"), r::toString);
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--domains", "lower frac=0.1; upper frac=0.05"));
        assertTrue(r.err().contains("'frac'") && r.err().contains("lower bound must be below"), r::toString);
        r = failsCleanly(m_dir, args(data, model, "--lower", "amount=5", "--upper", "amount=1e9"));
        assertTrue(r.err().contains("'amount'") && r.err().contains("below its lower bound 5"), r::toString);
        r = failsCleanly(m_dir, args(data, model, "--composition", "c,o=100"));
        assertTrue(r.err().contains("c + o sum to") && r.err().contains("row 'row 1'"), r::toString);
        // an option value that does not parse is a bad command line (exit 2), as picocli's own parse errors
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--upper", "amount"));
        assertTrue(r.err().contains("--upper amount") && r.err().contains("COLUMN=VALUE"), r::toString);
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--lower", "frac=abc"));
        assertTrue(r.err().contains("--lower frac=abc"), r::toString);
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--integer", "nosuch"));
        assertTrue(r.err().contains("'nosuch'") && r.err().contains("--x amount,frac,layers,c,o"), r::toString);
        r = CliRun.failsAsUsage(m_dir, args(data, model, "--composition", "c,nosuch<=100"));
        assertTrue(r.err().contains("'nosuch'"), r::toString);
        // a batch larger than the training rows depends on the data (exit 1) but names --batch
        final String[] batch91 = args(data, model);
        batch91[batch91.length - 1] = "91";
        r = failsCleanly(m_dir, batch91);
        assertTrue(r.err().contains("--batch 91 is larger than the 90 training rows") && r.err().contains(
            "--val-fraction 0.1"), r::toString);
        // an empty column list is a bad command line naming the option
        r = CliRun.failsAsUsage(m_dir, "train", "--data", data.toString(), "--x", "", "--y", "y", "--model",
            model.toString());
        assertTrue(r.err().contains("--x has an empty column name"), r::toString);
        r = CliRun.failsAsUsage(m_dir, "train", "--data", data.toString(), "--x", "amount,,frac", "--y", "y",
            "--model", model.toString());
        assertTrue(r.err().contains("--x has an empty column name"), r::toString);
    }
}
