package org.cinn4knime.engine.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.CinnTrainer;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trained models with column domains: designs never leave bounded columns, whole-number columns stay whole, point
 * masses keep the data's share for the same target, compositions keep their sum, and the reported densities
 * integrate to 1 in the user's units (so the transforms' log-determinants are counted).
 */
class DomainTrainingTest {
    static final CinnArchitecture ARCH = CinnArchitecture.defaults().withBlocks(4).withSubnetWidth(64)
            .withPrecision(Precision.DOUBLE);

    static CinnModel mixed;

    @BeforeAll
    static void trainMixed() throws Exception {
        Nd4jRuntime.ensureInitialised();
        // y in [−1.5, 1.5]; uni ~ U[0, 1] unrelated to y; ushape: most rows near 0 or 1; amt ≥ 0, exactly 0 with
        // probability 0.15 for y < 0 and 0.55 for y > 0; flag 0/1 with P(1) rising with y; count: whole 0..8
        int n = 3000;
        SplittableRandom r = new SplittableRandom(11);
        double[][] x = new double[n][5];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double t = -1.5 + 3 * r.nextDouble();
            y[i][0] = t;
            x[i][0] = r.nextDouble();
            double b = Math.pow(r.nextDouble(), 4);
            x[i][1] = r.nextBoolean() ? b : 1 - b;
            x[i][2] = r.nextDouble() < (t < 0 ? 0.15 : 0.55) ? 0 : -Math.log(r.nextDouble()) * (2 + t);
            x[i][3] = r.nextDouble() < 0.5 + 0.3 * t ? 1 : 0;
            x[i][4] = Math.min(8, Math.floor(-Math.log(r.nextDouble()) * (2 + t)));
        }
        TrainingData data = new TrainingData(new String[] {"uni", "ushape", "amt", "flag", "count"}, x,
                new String[] {"y"}, y, null);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(30).withBatchSize(128).withLearningRate(2e-3)
                .withSeed(3);
        mixed = CinnTrainer.train(data, ARCH, s, null).model();
    }

    static List<double[]> sample(CinnModel m, double target, int count) throws Exception {
        List<double[]> out = new ArrayList<>();
        m.sample(new double[][] {{target}}, count, 1.0, 17L, false, c -> out.addAll(Arrays.asList(c.designs())),
                null);
        return out;
    }

    @Test
    void boundedColumnsAreNeverLeftAndWholeNumberColumnsAreWholeInEveryDesign() throws Exception {
        Domains d = mixed.domains();
        assertNotNull(d);
        assertTrue(d.column(0).hasUpper() && d.column(1).hasUpper() && d.column(2).massAtLower());
        assertTrue(d.column(3).wholeNumber() && d.column(4).wholeNumber());
        int outside = 0;
        int notWhole = 0;
        int total = 0;
        for (double t : new double[] {-1.2, 0, 1.2, 3.0}) {
            for (double[] v : sample(mixed, t, 2000)) {
                total++;
                outside += v[0] < 0 || v[0] > 1 || v[1] < 0 || v[1] > 1 || v[2] < 0 || v[3] < 0 || v[3] > 1
                        || v[4] < 0 ? 1 : 0; // count has no upper bound: only 1 is ever guessed
                notWhole += v[3] != Math.rint(v[3]) || v[4] != Math.rint(v[4]) ? 1 : 0;
            }
        }
        System.out.printf("domains: %d designs, %d outside a bound, %d not whole%n", total, outside, notWhole);
        assertEquals(0, outside);
        assertEquals(0, notWhole);
    }

    @Test
    void pointMassShareAndZeroOneShareFollowTheDataForTheSameTarget() throws Exception {
        double[][] expected = {{-1, 0.15, 0.2}, {1, 0.55, 0.8}};
        for (double[] e : expected) {
            List<double[]> v = sample(mixed, e[0], 4000);
            double zeros = v.stream().filter(a -> a[2] == 0).count() / (double) v.size();
            double ones = v.stream().filter(a -> a[3] == 1).count() / (double) v.size();
            System.out.printf("domains: y = %.0f: share amt = 0 %.3f (data %.2f), share flag = 1 %.3f (data %.2f)%n",
                    e[0], zeros, e[1], ones, e[2]);
            assertEquals(e[1], zeros, 0.1);
            assertEquals(e[2], ones, 0.1);
        }
    }

    @Test
    void modelFileKeepsTheDomainsAndTheDesigns() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ModelFile.write(mixed, bos);
        CinnModel back = ModelFile.read(new ByteArrayInputStream(bos.toByteArray()));
        assertEquals(mixed.domains().describe(), back.domains().describe());
        List<double[]> a = sample(mixed, 0.3, 50);
        List<double[]> b = sample(back, 0.3, 50);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        double[][] x = a.toArray(new double[0][]);
        double[][] y = new double[x.length][];
        Arrays.fill(y, new double[] {0.3});
        assertArrayEquals(mixed.logDensity(x, y), back.logDensity(x, y), 1e-12);
    }

    /**
     * A whole-number column without bounds (negative and positive values, e.g. °C set points or charge states) trains
     * and gives whole designs on both sides of 0 (it failed with "constant … every row is NaN" when whole numbers were
     * only wired for bounded columns).
     */
    @Test
    void wholeNumbersWithoutBoundsTrainAndStayWhole() throws Exception {
        int n = 600;
        SplittableRandom r = new SplittableRandom(21);
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextInt(-50, 51);
            y[i][0] = 0.02 * x[i][0] + 0.05 * (r.nextDouble() - 0.5);
        }
        CinnModel m = oneColumn(x, y, DomainSpec.INFER);
        assertNotNull(m.domains());
        assertTrue(m.domains().isWholeNumber(0), m.domains().toString());
        int negative = 0;
        for (double[] d : sample(m, -0.6, 300)) {
            assertEquals(Math.rint(d[0]), d[0], 0.0, "whole design " + d[0]);
            negative += d[0] < 0 ? 1 : 0;
        }
        assertTrue(negative > 250, "designs for y = -0.6 (x about -30) are negative: " + negative + " of 300");
        double[] ld = m.logDensity(new double[][] {{-30}, {30}}, new double[][] {{-0.6}, {0.6}});
        assertTrue(Double.isFinite(ld[0]) && Double.isFinite(ld[1]), Arrays.toString(ld));
    }

    /**
     * A streaming scorer names a row outside the domains by its number over all calls (the second chunk's second
     * row is row 5, not row 2 of its call), or by the caller's row names.
     */
    @Test
    void aScorerNamesARowOutsideTheDomainsAcrossCalls() throws Exception {
        double[][] ok = {{0.5, 0.5, 1, 1, 2}, {0.4, 0.9, 0, 0, 3}, {0.2, 0.1, 2, 1, 0}};
        double[][] bad = {{0.5, 0.5, 1, 1, 2}, {0.5, 0.5, -1, 1, 2}}; // amt below its lower bound 0
        double[][] y3 = {{0.1}, {0.2}, {0.3}};
        double[][] y2 = {{0.1}, {0.2}};
        try (Scorer sc = mixed.newScorer()) {
            sc.add(ok, y3);
            org.cinn4knime.engine.CinnDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.cinn4knime.engine.CinnDataException.class, () -> sc.add(bad, y2));
            assertTrue(e.getMessage().contains("'amt'") && e.getMessage().contains("row number 5"), e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(org.cinn4knime.engine.CinnDataException.class,
                    () -> sc.add(bad, y2, r -> "'Row" + (17 + r) + "'"));
            assertTrue(e.getMessage().contains("row 'Row18'"), e.getMessage());
        }
    }

    /** Trains a one-column model of x | y. */
    static CinnModel oneColumn(double[][] x, double[][] y, DomainSpec spec) throws Exception {
        TrainingData data = new TrainingData(new String[] {"x"}, x, new String[] {"y"}, y, null);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(25).withBatchSize(100).withLearningRate(3e-3)
                .withSeed(5);
        return CinnTrainer.train(data, ARCH, s, spec, null).model();
    }

    /** ∫ p(x | y) dx over (lo, hi) by the midpoint rule on a grid fine in log(x − lo) near lo. */
    static double integrate(CinnModel m, double target, double lo, double hi, int steps) throws Exception {
        double[][] x = new double[steps][1];
        double[] w = new double[steps];
        // grid in s ∈ (0, 1): x = lo + (hi − lo)·s², dense near lo
        for (int i = 0; i < steps; i++) {
            double s = (i + 0.5) / steps;
            x[i][0] = lo + (hi - lo) * s * s;
            w[i] = (hi - lo) * 2 * s / steps;
        }
        double[][] y = new double[steps][];
        Arrays.fill(y, new double[] {target});
        double[] lp = m.logDensity(x, y);
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += Math.exp(lp[i]) * w[i];
        }
        return sum;
    }

    @Test
    void densitiesIncludeTheTransformsAndIntegrateToOneInTheUsersUnits() throws Exception {
        // x in [0, 1] (a beta-like shape moving with y), in a unit far from 1: percent → bounds declared [0, 100]
        int n = 2000;
        SplittableRandom r = new SplittableRandom(21);
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double t = r.nextDouble();
            y[i][0] = t;
            double a = r.nextDouble() * r.nextDouble();
            x[i][0] = 100 * (t < 0.5 ? a : 1 - a);
        }
        CinnModel m = oneColumn(x, y, DomainSpec.parse("upper x=100"));
        assertEquals(100, m.domains().column(0).upper());
        for (double t : new double[] {0.25, 0.75}) {
            double mass = integrate(m, t, 0, 100, 200000);
            System.out.printf("domains: ∫ p(x | y = %.2f) dx over [0, 100] = %.4f%n", t, mass);
            assertEquals(1, mass, 0.02);
        }
        // x ≥ 0 with 30 % exact zeros: P(x = 0) (the Scorer's value at 0 is the band's log-probability) plus the
        // density's integral over x > 0 is 1, and P(x = 0) is near the data's share
        double[][] z = new double[n][1];
        for (int i = 0; i < n; i++) {
            z[i][0] = r.nextDouble() < 0.3 ? 0 : -Math.log(r.nextDouble()) * (1 + y[i][0]);
        }
        CinnModel mz = oneColumn(z, y, DomainSpec.INFER);
        assertTrue(mz.domains().column(0).massAtLower());
        double p0 = Math.exp(mz.logDensity(new double[][] {{0}}, new double[][] {{0.5}})[0]);
        double cont = integrate(mz, 0.5, 0, 60, 200000);
        System.out.printf("domains: P(x = 0 | y = 0.5) = %.4f (data 0.30), ∫ over x > 0 = %.4f, sum %.4f%n", p0,
                cont, p0 + cont);
        // (one column: the network is a single affine map of u given y, a Gaussian in u, so P(x = 0) itself is
        // only roughly right; the share test uses a model of several columns)
        assertEquals(1, p0 + cont, 0.05);
    }

    @Test
    void compositionsKeepTheirSumAndZeroPartsAppearInTheDatasShare() throws Exception {
        // three parts ≤ 100 (remainder "ash"), part s exactly 0 in 30 % of rows, 20 % of rows summing to exactly 100
        int n = 2000;
        SplittableRandom r = new SplittableRandom(31);
        double[][] x = new double[n][3];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double t = r.nextDouble();
            y[i][0] = t;
            double c = 40 + 20 * t + 3 * r.nextDouble();
            double s = r.nextDouble() < 0.3 ? 0 : 2 * r.nextDouble();
            double o = r.nextDouble() < 0.2 ? 100 - c - s : (100 - c - s) * (0.7 + 0.25 * r.nextDouble());
            x[i] = new double[] {c, s, o};
        }
        TrainingData data = new TrainingData(new String[] {"c", "s", "o"}, x, new String[] {"y"}, y, null);
        TrainingSettings st = TrainingSettings.defaults().withEpochs(25).withBatchSize(100).withLearningRate(2e-3)
                .withSeed(7);
        CinnModel m = CinnTrainer.train(data, ARCH, st, DomainSpec.parse("composition c,s,o<=100"), null).model();
        List<double[]> v = sample(m, 0.5, 4000);
        long negative = v.stream().filter(a -> a[0] < 0 || a[1] < 0 || a[2] < 0).count();
        long above = v.stream().filter(a -> a[0] + a[1] + a[2] > 100 * (1 + 1e-12)).count();
        double sZero = v.stream().filter(a -> a[1] == 0).count() / (double) v.size();
        double full = v.stream().filter(a -> Math.abs(a[0] + a[1] + a[2] - 100) < 1e-9).count()
                / (double) v.size();
        System.out.printf("domains: composition: %d negative, %d above 100, share s = 0 %.3f (data 0.30), share "
                + "sum = 100 %.3f (data 0.20)%n", negative, above, sZero, full);
        assertEquals(0, negative);
        assertEquals(0, above);
        assertEquals(0.3, sZero, 0.1);
        assertEquals(0.2, full, 0.1);
        // an exact sum: one network dimension less, every design sums to the total
        double[][] e = new double[n][3];
        for (int i = 0; i < n; i++) {
            e[i] = new double[] {x[i][0], x[i][2], 100 - x[i][0] - x[i][2]};
            if (e[i][2] <= 0) {
                e[i][2] = 1;
                e[i][1] -= 1;
            }
        }
        data = new TrainingData(new String[] {"c", "o", "rest"}, e, new String[] {"y"}, y, null);
        CinnModel me = CinnTrainer.train(data, ARCH, st, DomainSpec.parse("composition c,o,rest=100"), null).model();
        assertEquals(2, me.netDim());
        for (double[] a : sample(me, 0.5, 1000)) {
            assertEquals(100, a[0] + a[1] + a[2], 1e-9);
            assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] >= 0);
        }
    }

    @Test
    void targetsFarOutsideTheTrainingTargetsGiveFiniteDesignsInsideTheBoundsAndFiniteDensities() throws Exception {
        // training y lies in [−1.5, 1.5]; amt has only the lower bound 0 (a scaled softplus: linear far out)
        List<double[]> designs = new ArrayList<>();
        List<Double> logp = new ArrayList<>();
        mixed.sample(new double[][] {{-50}, {50}}, 500, 1.0, 19L, true, c -> {
            designs.addAll(Arrays.asList(c.designs()));
            for (double v : c.logDensity()) {
                logp.add(v);
            }
        }, null);
        assertEquals(1000, designs.size());
        for (double[] v : designs) {
            for (double e : v) {
                assertTrue(Double.isFinite(e), Arrays.toString(v));
            }
            assertTrue(v[2] >= 0, "amt ≥ 0: " + v[2]);
            assertTrue(v[4] >= 0 && v[4] == Math.rint(v[4]), "count: " + v[4]);
        }
        for (double v : logp) {
            assertTrue(!Double.isNaN(v), "re-scored designs have a density");
        }
    }
}
