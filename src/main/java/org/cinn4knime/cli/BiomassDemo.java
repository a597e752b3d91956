package org.cinn4knime.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.cinn4knime.chart.XyChart;
import org.cinn4knime.engine.AtomicFile;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Posteriors;
import org.cinn4knime.engine.TargetRange;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.domain.DomainSpec;

/**
 * {@code demo --data biomass}: inverse design on real data. The bundled table of 536 solid biomass fuels
 * ({@code org/cinn4knime/data/biomass.csv}: ultimate analysis C, H, O, N, S in mass-% and the higher heating value
 * HHV in MJ/kg; Ghugare et al., BioEnergy Research 7 (2014) 681–692, via the R package modeldata) trains a cINN of
 * the composition given HHV with the composition C + H + O + N + S ≤ 100 declared (the rest is ash) and every other
 * domain inferred. It asks for compositions at the 10th, 50th and 90th HHV percentile and at 40 MJ/kg (beyond the
 * data's maximum of 35), and judges them by what the physics allows (no negative fraction, no sum above 100),
 * by the share of designs with exactly no sulfur against the real rows around the same HHV, and by re-simulation
 * through the Channiwala–Parikh correlation (Fuel 81 (2002) 1051–1063), compared with what the correlation gives for
 * the real rows near the same target.
 */
final class BiomassDemo {
    static final String RESOURCE = "/org/cinn4knime/data/biomass.csv";
    static final String[] X = {"carbon", "hydrogen", "oxygen", "nitrogen", "sulfur"};
    static final String[] Y = {"HHV"};
    static final String COMPOSITION = "composition carbon,hydrogen,oxygen,nitrogen,sulfur<=100";
    /** Real rows within this distance (MJ/kg) of a target are its reference. */
    static final double NEAR = 1.0;
    /** The target beyond the data. */
    static final double BEYOND = 40.0;
    static final int DEFAULT_EPOCHS = 200;
    /** Until the batch size adapts to the rows by itself: a batch that suits 536 rows. */
    static final int BATCH = 64;

    private BiomassDemo() {
    }

    /** The Channiwala–Parikh correlation: HHV (MJ/kg) of a dry composition in mass-% (ash = 100 − Σ). */
    static double channiwalaParikh(final double[] x) {
        final double c = x[0];
        final double h = x[1];
        final double o = x[2];
        final double n = x[3];
        final double s = x[4];
        final double a = 100 - c - h - o - n - s;
        return 0.3491 * c + 1.1783 * h + 0.1005 * s - 0.1034 * o - 0.0151 * n - 0.0211 * a;
    }

    /**
     * The bundled table.
     *
     * @param x the compositions, one row per fuel, columns {@link #X} in mass-%
     * @param y the heating values, one row per fuel, column {@link #Y} in MJ/kg
     * @param sampleNames the fuels' names (the table's column "sample"), the row IDs of training
     */
    record Table(double[][] x, double[][] y, String[] sampleNames) {
    }

    /** The bundled table of 536 fuels. */
    static Table load() throws IOException {
        try (InputStream in = BiomassDemo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled data " + RESOURCE + " is missing from the jar");
            }
            final Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            final List<double[]> xs = new ArrayList<>();
            final List<double[]> ys = new ArrayList<>();
            final List<String> names = new ArrayList<>();
            try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(reader)) {
                for (final CSVRecord r : p) {
                    final double[] x = new double[X.length];
                    for (int j = 0; j < X.length; j++) {
                        x[j] = Double.parseDouble(r.get(X[j]));
                    }
                    xs.add(x);
                    ys.add(new double[] {Double.parseDouble(r.get(Y[0]))});
                    names.add(r.get("sample"));
                }
            }
            return new Table(xs.toArray(new double[0][]), ys.toArray(new double[0][]), names.toArray(new String[0]));
        }
    }

    /** Figures of one target: designs against the real rows near it. */
    record Figures(double target, String label, int designs, int negative, int aboveTotal, double sulfurZeroShare,
        double realSulfurZeroShare, int realRows, double resimulation, double realResimulation) {
    }

    static Figures figures(final double target, final String label, final List<double[]> designs,
        final double[][] x, final double[][] y) {
        int negative = 0;
        int above = 0;
        int sZero = 0;
        double resim = 0;
        for (final double[] d : designs) {
            double sum = 0;
            boolean neg = false;
            for (final double v : d) {
                sum += v;
                neg |= v < 0;
            }
            negative += neg ? 1 : 0;
            above += sum > 100 * (1 + 1e-12) ? 1 : 0;
            sZero += d[4] == 0 ? 1 : 0;
            resim += Math.abs(channiwalaParikh(d) - target);
        }
        int near = 0;
        int nearZero = 0;
        double realResim = 0;
        for (int r = 0; r < x.length; r++) {
            if (Math.abs(y[r][0] - target) <= NEAR) {
                near++;
                nearZero += x[r][4] == 0 ? 1 : 0;
                realResim += Math.abs(channiwalaParikh(x[r]) - y[r][0]); // the correlation's own error there
            }
        }
        return new Figures(target, label, designs.size(), negative, above, sZero / (double) designs.size(),
            near == 0 ? Double.NaN : nearZero / (double) near, near, resim / designs.size(),
            near == 0 ? Double.NaN : realResim / near);
    }

    /**
     * Runs the biomass demo: trains, samples {@code samples} designs per target, prints the figures and writes
     * model.cinn, history.csv, biomass-designs.csv, summary.csv and biomass.png into {@code dir}.
     */
    static void run(final Path dir, final Integer epochs, final int samples, final long seed, final int threads,
        final Boolean progress, final PrintWriter out, final PrintWriter err)
        throws CinnException, IOException, CliException {
        final long start = System.nanoTime();
        final Table data = load();
        final double[][] x = data.x();
        final double[][] y = data.y();
        final double[] hhv = Arrays.stream(y).mapToDouble(r -> r[0]).toArray();
        final Percentile pct = new Percentile();
        pct.setData(hhv);
        final double[] targets = {pct.evaluate(10), pct.evaluate(50), pct.evaluate(90), BEYOND};
        final String[] labels = {"10th percentile", "50th percentile", "90th percentile",
            String.format(Locale.ROOT, "beyond the data's maximum %.2f", Arrays.stream(hhv).max().orElse(0))};
        out.printf(Locale.ROOT, "biomass: %d real fuels (Ghugare et al. 2014), x = (%s) in mass-%%, y = HHV in MJ/kg; "
            + "declared: %s%n", x.length, String.join(", ", X), COMPOSITION);

        final TrainingSettings settings = TrainingSettings.defaults().withBatchSize(BATCH).withSeed(seed)
            .withThreads(threads).withEpochs(epochs == null ? DEFAULT_EPOCHS : epochs);
        final TrainingResult trained = TrainCommand.train(new TrainingData(X, x, Y, y, data.sampleNames()),
            CinnArchitecture.defaults(), settings, DomainSpec.parse(COMPOSITION), out, err, progress);
        final double trainSeconds = (System.nanoTime() - start) / 1e9;
        final CinnModel model = trained.model();
        ModelFile.save(model, dir.resolve("model.cinn"));
        CsvOutput.writeHistory(dir.resolve("history.csv"), model);

        final double[][] t = new double[targets.length][];
        for (int i = 0; i < t.length; i++) {
            t[i] = new double[] {targets[i]};
        }
        final List<List<double[]>> designs = Arrays.stream(Posteriors.sample(model, t, samples, seed, threads))
            .map(List::of).toList();

        final TargetRange.Check[] checks = model.targetRange().check(t);
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("training_rows", x.length);
        summary.put("epochs_run", trained.history().size());
        summary.put("best_epoch", trained.bestEpoch());
        final List<Figures> all = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            final Figures f = figures(targets[i], labels[i], designs.get(i), x, y);
            all.add(f);
            final TargetRange.Check check = checks[i];
            out.printf(Locale.ROOT, "HHV %.2f MJ/kg (%s): %d designs, %d with a negative fraction, %d with "
                + "C+H+O+N+S above 100; sulfur exactly 0 in %.3f of designs (real rows within ±%.0f MJ/kg: %s, "
                + "%d rows); re-simulation mean |f(x) − y*| %.3f MJ/kg (the correlation's own error on those real rows: %s); %s%n", f.target(), f.label(),
                f.designs(), f.negative(), f.aboveTotal(), f.sulfurZeroShare(), NEAR,
                Double.isNaN(f.realSulfurZeroShare()) ? "none" : String.format(Locale.ROOT, "%.3f",
                    f.realSulfurZeroShare()), f.realRows(), f.resimulation(),
                Double.isNaN(f.realResimulation()) ? "none" : String.format(Locale.ROOT, "%.3f",
                    f.realResimulation()),
                check.inRange() ? "target in the training range"
                    : "target FLAGGED on all " + f.designs() + " design rows: " + check.reason());
            final String key = i < 3 ? "p" + new String[] {"10", "50", "90"}[i] : "beyond";
            summary.put(key + "_target", f.target());
            summary.put(key + "_negative_designs", f.negative());
            summary.put(key + "_designs_above_100", f.aboveTotal());
            summary.put(key + "_sulfur_zero_share", f.sulfurZeroShare());
            summary.put(key + "_real_sulfur_zero_share", f.realSulfurZeroShare());
            summary.put(key + "_resimulation_error", f.resimulation());
            summary.put(key + "_real_resimulation_error", f.realResimulation());
            summary.put(key + "_in_training_range", check.inRange());
        }
        writeDesigns(dir.resolve("biomass-designs.csv"), all, designs, checks);
        final double totalSeconds = (System.nanoTime() - start) / 1e9;
        summary.put("training_seconds", trainSeconds);
        summary.put("total_seconds", totalSeconds);
        CsvOutput.writeSummary(dir.resolve("summary.csv"), summary);
        plot(dir.resolve("biomass.png"), x, designs.subList(0, 3), targets);
        out.printf(Locale.ROOT, "done in %.1f s (training %.1f s); wrote history.csv, model.cinn, "
            + "biomass-designs.csv, summary.csv, biomass.png to %s%n", totalSeconds, trainSeconds, dir);
    }

    private static void writeDesigns(final Path file, final List<Figures> figures, final List<List<double[]>> designs,
        final TargetRange.Check[] checks) throws IOException {
        try (AtomicFile out = AtomicFile.create(file)) {
            final PrintWriter w = new PrintWriter(out.writer());
            w.println("target_HHV,carbon,hydrogen,oxygen,nitrogen,sulfur,ash,HHV_channiwala_parikh,in_training_range,"
                + "target_distance");
            for (int i = 0; i < designs.size(); i++) {
                for (final double[] d : designs.get(i)) {
                    final double ash = 100 - Arrays.stream(d).sum();
                    w.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", figures.get(i).target(), d[0], d[1], d[2],
                        d[3], d[4], ash, channiwalaParikh(d), checks[i].inRange(), checks[i].distance());
                }
            }
            if (w.checkError()) {
                throw new IOException("Could not write " + file + ".");
            }
            out.commit();
        }
    }

    /** Carbon against oxygen: the real fuels in grey, the designs of the three percentile targets in colour. */
    static void plot(final Path file, final double[][] x, final List<List<double[]>> designs, final double[] targets)
        throws IOException {
        final XyChart chart = new XyChart("cINN compositions for wanted heating values beside the real fuels",
            "carbon (mass-%)", "oxygen (mass-%)");
        final Color[] colours = {XyChart.BLUE, XyChart.GREEN, XyChart.RED};
        for (int i = 0; i < designs.size(); i++) {
            final List<double[]> shown = designs.get(i).subList(0, Math.min(300, designs.get(i).size()));
            chart.points(String.format(Locale.ROOT, "designs for HHV %.1f MJ/kg", targets[i]), column(shown, 0),
                column(shown, 2), colours[i % colours.length], XyChart.dot(5));
        }
        // added last so that it is drawn first, under the designs (JFreeChart's default reverse rendering order)
        chart.points("real fuels (" + x.length + ")", column(Arrays.asList(x), 0), column(Arrays.asList(x), 2),
            new Color(170, 170, 170), XyChart.dot(5));
        chart.writePng(file, 900, 650);
    }

    private static double[] column(final List<double[]> rows, final int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }
}
