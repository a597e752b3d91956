package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.lines;
import static org.cinn4knime.cli.CliRun.run;
import static org.cinn4knime.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5 on a real table: the biomass table (536 fuels; before, {@code train} refused with "fewer than the
 * batch size 500") trains with the defaults, says which batch size it chose, and the sampler flags a heating value
 * beyond the data on every one of its design rows and no other.
 */
class SmallRealTableTest {

    static final Path BIOMASS = Path.of("../shared/data/biomass.csv");

    @TempDir
    Path m_dir;

    @Test
    void biomassTrainsWithTheDefaultsAndAHeatingValueBeyondTheDataIsFlagged() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(BIOMASS), "skipped: " + BIOMASS.toAbsolutePath()
            + " (the shared real-data folder) is absent");
        final List<Double> hhv = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(BIOMASS, StandardCharsets.UTF_8)) {
            for (final CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(r)) {
                hhv.add(Double.parseDouble(rec.get("HHV")));
            }
        }
        assertEquals(536, hhv.size());
        final Path model = m_dir.resolve("biomass.cinn");
        final CliRun.Result t = run("train", "--data", BIOMASS.toString(), "--x",
            "carbon,hydrogen,oxygen,nitrogen,sulfur", "--y", "HHV", "--model", model.toString(), "--no-progress");
        assertEquals(0, t.code(), t::toString);
        assertTrue(t.out().contains("Batch size 60 was chosen for the 482 training rows"), t::toString);

        final Percentile p = new Percentile();
        p.setData(hhv.stream().mapToDouble(Double::doubleValue).toArray());
        final double[] wanted = {p.evaluate(10), p.evaluate(50), p.evaluate(90), 40.0};
        final Path targets = write(m_dir.resolve("targets.csv"), "HHV",
            String.format(Locale.ROOT, "%.3f", wanted[0]), String.format(Locale.ROOT, "%.3f", wanted[1]),
            String.format(Locale.ROOT, "%.3f", wanted[2]), "40");
        final Path designs = m_dir.resolve("designs.csv");
        final CliRun.Result s = run("sample", "--model", model.toString(), "--targets", targets.toString(), "--n",
            "50", "--out", designs.toString());
        assertEquals(0, s.code(), s::toString);
        assertTrue(s.err().contains("warning: 1 of 4 target rows lie outside the training targets (first: row 4: "
            + "'HHV' = 40.00 lies outside the training range"), s::toString);
        final List<String> rows = lines(designs);
        assertEquals(1 + 200, rows.size());
        final int flagCol = List.of(rows.get(0).split(",")).indexOf("in_training_range");
        for (int i = 1; i < rows.size(); i++) {
            final String[] cells = rows.get(i).split(",");
            assertEquals(cells[0].equals("4") ? "false" : "true", cells[flagCol], rows.get(i));
        }
        System.out.printf(Locale.ROOT, "biomass with the defaults: %s%n", t.out().lines()
            .filter(l -> l.contains("Batch size")).findFirst().orElse(""));
    }

    @Test
    void dataWarningsArePrintedOnce() throws Exception {
        final List<String> lines = new ArrayList<>(List.of("w1,w2,total,y"));
        final java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < 300; i++) {
            final double y = rnd.nextGaussian();
            final double w1 = 5 + y + 0.3 * rnd.nextGaussian();
            final double w2 = 2 + 0.5 * rnd.nextGaussian();
            lines.add(w1 + "," + w2 + "," + (w1 + w2) + "," + y);
        }
        final Path data = write(m_dir.resolve("dep.csv"), lines.toArray(new String[0]));
        final CliRun.Result t = run("train", "--data", data.toString(), "--x", "w1,w2,total", "--y", "y", "--model",
            m_dir.resolve("dep.cinn").toString(), "--epochs", "1", "--no-progress");
        assertEquals(0, t.code(), t::toString);
        assertEquals(1, t.err().lines().filter(l -> l.startsWith("warning: The design columns")).count(),
            t::toString);
    }

    @Test
    void fiftyRowTableTrainsWithTheDefaults() throws Exception {
        final Path data = CliRun.ikCsv(m_dir.resolve("fifty.csv"), 50, 8, false);
        final Path model = m_dir.resolve("m.cinn");
        final CliRun.Result t = run("train", "--data", data.toString(), "--x", "x0,x1,x2,x3", "--y", "y0,y1",
            "--model", model.toString(), "--epochs", "10", "--no-progress");
        assertEquals(0, t.code(), t::toString);
        assertTrue(t.out().contains("Batch size 16 was chosen for the 45 training rows"), t::toString);
        assertTrue(Files.isRegularFile(model));
        // an explicit batch larger than the rows still gives the clear error, naming the option
        final CliRun.Result bad = run("train", "--data", data.toString(), "--x", "x0,x1,x2,x3", "--y", "y0,y1",
            "--model", m_dir.resolve("n.cinn").toString(), "--batch", "64", "--no-progress");
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.err().contains("--batch 64 is larger than the 45 training rows"), bad::toString);
    }
}
