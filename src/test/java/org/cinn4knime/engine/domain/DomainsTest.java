package org.cinn4knime.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.TrainingData;
import org.junit.jupiter.api.Test;

/** Inference, the bijection and its log-determinant, and the errors of bad declarations (no training). */
class DomainsTest {

    static TrainingData data(String[] names, double[][] x) {
        double[][] y = new double[x.length][1];
        for (int r = 0; r < x.length; r++) {
            y[r][0] = r;
        }
        return new TrainingData(names, x, new String[] {"y"}, y, null);
    }

    /** Columns: pos ≥ 0 (3 exact zeros), frac in [0, 1], temp in 20..90, signed, layers whole 0..4. */
    static double[][] mixed(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][5];
        for (int i = 0; i < n; i++) {
            x[i][0] = i < 3 ? 0 : r.nextDouble() * 5 + 0.01;
            x[i][1] = 0.05 + 0.9 * r.nextDouble();
            x[i][2] = 20 + 70 * r.nextDouble();
            x[i][3] = r.nextDouble() * 2 - 1;
            x[i][4] = r.nextInt(5);
        }
        return x;
    }

    static final String[] MIXED = {"pos", "frac", "temp", "signed", "layers"};

    /** A value just beyond a bound is named with every digit: 100.0000001, not the bound's "100". */
    @Test
    void aValueJustBeyondABoundIsPrintedWithEveryDigit() throws Exception {
        Domains d = Domains.fit(data(new String[] {"frac"}, new double[][] {{0.2}, {0.9}, {0.5}, {0.7}}),
                DomainSpec.parse("upper frac=1")).domains();
        CinnDataException e = assertThrows(CinnDataException.class,
                () -> d.toNetwork(new double[] {1.0000001}, new double[1], null, "'r9'"));
        assertTrue(e.getMessage().contains("1.0000001") && e.getMessage().contains("'r9'"), e.getMessage());
    }

    @Test
    void infersBoundsPointMassesAndWholeNumbersButNeverGuessesAnUpperBoundOtherThanOne() throws Exception {
        Domains.Fit f = Domains.fit(data(MIXED, mixed(200, 1)), DomainSpec.INFER);
        Domains d = f.domains();
        assertNotNull(d);
        ColumnDomain pos = d.column(0);
        assertEquals(0, pos.lower());
        assertFalse(pos.hasUpper());
        assertTrue(pos.massAtLower(), "3 exact zeros make a point mass at 0");
        assertEquals(3 / 200.0, pos.shareAtLower(), 1e-12);
        assertEquals(0, d.column(1).lower());
        assertEquals(1, d.column(1).upper());
        assertFalse(d.column(1).massAtLower());
        assertEquals(0, d.column(2).lower());
        assertFalse(d.column(2).hasUpper(), "a 20–90 column must not get an upper bound");
        assertTrue(d.column(3).isIdentity());
        assertTrue(d.column(4).wholeNumber());
        assertFalse(d.column(0).wholeNumber());
        assertEquals(5, d.netDim());
        assertTrue(f.notes().get(0).contains("layers: ≥ 0, whole numbers (inferred)"), f.notes().toString());
    }

    @Test
    void smallValuesInsideTheUnitIntervalAreAnAmountNotAFractionAndTransformTheSameInEveryUnit() throws Exception {
        int n = 100;
        SplittableRandom r = new SplittableRandom(4);
        double[][] farads = new double[n][];
        double[][] pico = new double[n][];
        for (int i = 0; i < n; i++) {
            double c = 0.1 + 0.4 * r.nextDouble(); // 0.1 … 0.5 pF
            pico[i] = new double[] {c};
            farads[i] = new double[] {c * 1e-12};
        }
        String[] names = {"C"};
        Domains dp = Domains.fit(data(names, pico), DomainSpec.INFER).domains();
        Domains df = Domains.fit(data(names, farads), DomainSpec.INFER).domains();
        for (Domains d : new Domains[] {dp, df}) {
            assertEquals(0, d.column(0).lower());
            assertFalse(d.column(0).hasUpper(), "values up to ½ get no inferred upper bound 1: " + d.describe());
        }
        // the softplus scale follows the unit: the network coordinates are the same, the log-Jacobians differ by
        // the constant log(1e12)
        assertEquals(1e-12, df.column(0).scale() / dp.column(0).scale(), 1e-24);
        double[] up = new double[1];
        double[] uf = new double[1];
        for (int i = 0; i < n; i++) {
            double jp = dp.toNetwork(pico[i], up, null, "r" + i);
            double jf = df.toNetwork(farads[i], uf, null, "r" + i);
            assertEquals(up[0], uf[0], 1e-9);
            assertEquals(Math.log(1e12), jf - jp, 1e-9);
        }
        // a column reaching above ½ is a fraction; a small fraction is declared
        pico[0][0] = 0.51;
        assertEquals(1, Domains.fit(data(names, pico), DomainSpec.INFER).domains().column(0).upper());
        pico[0][0] = 0.2;
        assertEquals(1, Domains.fit(data(names, pico), DomainSpec.parse("upper C=1")).domains().column(0).upper());
    }

    @Test
    void noInferenceMeansNoDomainsAndDeclarationsOverrideInference() throws Exception {
        assertNull(Domains.fit(data(MIXED, mixed(100, 2)), DomainSpec.NONE).domains());
        Domains d = Domains.fit(data(MIXED, mixed(100, 2)),
                DomainSpec.parse("upper temp=100; continuous layers; unbounded pos")).domains();
        assertEquals(100, d.column(2).upper());
        assertEquals(0, d.column(2).lower());
        assertFalse(d.column(4).wholeNumber());
        assertTrue(d.column(0).isIdentity());
    }

    @Test
    void everyColumnOfWholeValuesIsWholeNumberUnlessDeclaredContinuous() throws Exception {
        int n = 100;
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i; // 100 distinct whole values in 100 rows
            x[i][1] = i % 2;
        }
        Domains d = Domains.fit(data(new String[] {"grams", "flag"}, x), DomainSpec.INFER).domains();
        assertTrue(d.column(0).wholeNumber());
        assertTrue(d.column(1).wholeNumber());
        assertEquals(1, d.column(1).upper());
        assertFalse(Domains.fit(data(new String[] {"grams", "flag"}, x), DomainSpec.parse("continuous grams"))
                .domains().column(0).wholeNumber());
    }

    @Test
    void percentageNamesGetTheUpperBound100AndOtherColumnsUpTo100ANote() throws Exception {
        int n = 200;
        SplittableRandom r = new SplittableRandom(7);
        String[] names = {"porosity_pct", "Porosity (%)", "wt_percent", "moisturePct", "temp", "spectrum", "big_pct"};
        double[][] x = new double[n][names.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < names.length; j++) {
                x[i][j] = 5 + 94.5 * r.nextDouble();
            }
            x[i][6] = 5 + 150 * r.nextDouble(); // a "pct" column above 100: no bound 100
        }
        Domains.Fit f = Domains.fit(data(names, x), DomainSpec.INFER);
        Domains d = f.domains();
        for (int j = 0; j < 4; j++) {
            assertEquals(0, d.column(j).lower(), names[j]);
            assertEquals(100, d.column(j).upper(), names[j]);
        }
        assertFalse(d.column(4).hasUpper());
        assertFalse(d.column(5).hasUpper(), "'spectrum' holds no word part pct");
        assertFalse(d.column(6).hasUpper());
        String all = String.join("\n", f.notes());
        assertTrue(all.contains("porosity_pct: in [0, 100] (inferred from the name)"), all);
        assertTrue(all.contains("temp: ≥ 0 (inferred)"), all);
        assertTrue(all.contains("declare 'upper temp=100' (command line: --upper temp=100)"), all);
        assertTrue(all.contains("'upper spectrum=100'"), all);
        assertFalse(all.contains("'upper porosity_pct=100'"), all);
        assertFalse(all.contains("'upper big_pct=100'"), all);
        // the suggestion, declared, works; a declared bound or `unbounded` silences the note
        Domains.Fit g = Domains.fit(data(names, x), DomainSpec.parse("upper temp=100; unbounded spectrum"));
        assertEquals(100, g.domains().column(4).upper());
        assertFalse(String.join("\n", g.notes()).contains("'upper temp=100'"));
        assertFalse(String.join("\n", g.notes()).contains("'upper spectrum=100'"));
        // a column up to 50 gets no note
        for (double[] row : x) {
            row[4] = Math.min(row[4], 50);
        }
        assertFalse(String.join("\n", Domains.fit(data(names, x), DomainSpec.INFER).notes())
                .contains("'upper temp=100'"));
    }

    /** log|det ∂u/∂x| by central differences in the user's units. */
    static double numericLogDet(Domains d, double[] x, int[] free) throws CinnDataException {
        int k = free.length;
        double[][] jac = new double[d.netDim()][k];
        for (int c = 0; c < k; c++) {
            int j = free[c];
            double h = 1e-6 * Math.max(1, Math.abs(x[j]));
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h;
            b[j] -= h;
            double[] ua = new double[d.netDim()];
            double[] ub = new double[d.netDim()];
            d.toNetwork(a, ua, null, "a");
            d.toNetwork(b, ub, null, "b");
            for (int i = 0; i < d.netDim(); i++) {
                jac[i][c] = (ua[i] - ub[i]) / (2 * h);
            }
        }
        return Math.log(Math.abs(det(jac)));
    }

    static double det(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (p != c) {
                double[] t = a[p];
                a[p] = a[c];
                a[c] = t;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int q = c; q < n; q++) {
                    a[r][q] -= f * a[c][q];
                }
            }
        }
        return det;
    }

    @Test
    void logDeterminantMatchesANumericalJacobianInTheUsersUnits() throws Exception {
        // lower only, both bounds, upper only, and an at-most-100 composition of three parts
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 50;
        double[][] x = new double[n][6];
        for (int i = 0; i < n; i++) {
            x[i][0] = 0.5 + 3 * rnd.nextDouble();
            x[i][1] = 2 + 6 * rnd.nextDouble();
            x[i][2] = -5 + 4 * rnd.nextDouble();
            x[i][3] = 10 + 30 * rnd.nextDouble();
            x[i][4] = 5 + 30 * rnd.nextDouble();
            x[i][5] = 1 + 20 * rnd.nextDouble();
        }
        String[] names = {"a", "b", "c", "p1", "p2", "p3"};
        Domains d = Domains.fit(data(names, x),
                DomainSpec.parse("lower a=0; lower b=1; upper b=9; upper c=0; composition p1,p2,p3<=100")).domains();
        assertEquals(6, d.netDim());
        for (int r = 0; r < 10; r++) {
            double[] u = new double[6];
            double lj = d.toNetwork(x[r], u, null, "r");
            assertEquals(numericLogDet(d, x[r], new int[] {0, 1, 2, 3, 4, 5}), lj, 1e-5, "row " + r);
            double[] back = d.fromNetwork(u);
            for (int j = 0; j < 6; j++) {
                assertEquals(x[r][j], back[j], 1e-9 * Math.max(1, Math.abs(x[r][j])), names[j]);
            }
        }
        // exact sum: the density is over the free parts (the last is their remainder)
        double[][] e = new double[n][3];
        for (int i = 0; i < n; i++) {
            e[i][0] = x[i][3];
            e[i][1] = x[i][4];
            e[i][2] = 100 - x[i][3] - x[i][4];
        }
        Domains de = Domains.fit(data(new String[] {"p1", "p2", "p3"}, e), DomainSpec.parse("composition p1,p2,p3=100"))
                .domains();
        assertEquals(2, de.netDim());
        for (int r = 0; r < 10; r++) {
            double[] u = new double[2];
            double lj = de.toNetwork(e[r], u, null, "r");
            // perturbing a free part moves the last part with it
            double num = numericLogDetExact(de, e[r]);
            assertEquals(num, lj, 1e-5);
        }
    }

    static double numericLogDetExact(Domains d, double[] x) throws CinnDataException {
        double[][] jac = new double[2][2];
        for (int c = 0; c < 2; c++) {
            double h = 1e-6 * x[c];
            double[] a = x.clone();
            double[] b = x.clone();
            a[c] += h;
            a[2] -= h;
            b[c] -= h;
            b[2] += h;
            double[] ua = new double[2];
            double[] ub = new double[2];
            d.toNetwork(a, ua, null, "a");
            d.toNetwork(b, ub, null, "b");
            for (int i = 0; i < 2; i++) {
                jac[i][c] = (ua[i] - ub[i]) / (2 * h);
            }
        }
        return Math.log(Math.abs(det(jac)));
    }

    @Test
    void everyNetworkPointMapsInsideTheDomainsAndPointMassesMapToTheExactBound() throws Exception {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 300;
        double[][] x = new double[n][6];
        for (int i = 0; i < n; i++) {
            x[i][0] = i % 5 == 0 ? 0 : rnd.nextDouble(); // [0, 1] with zeros
            x[i][1] = rnd.nextInt(4); // whole 0..3
            x[i][2] = i % 7 == 0 ? 0 : 10 * rnd.nextDouble(); // composition parts, one with zeros
            x[i][3] = 10 + 30 * rnd.nextDouble();
            x[i][4] = 10 + 30 * rnd.nextDouble();
            x[i][5] = i % 4 == 0 ? 100 - x[i][2] - x[i][3] - x[i][4] : 5 * rnd.nextDouble(); // sum exactly 100 often
        }
        String[] names = {"frac", "count", "s", "c", "o", "h"};
        Domains d = Domains.fit(data(names, x), DomainSpec.parse("composition s,c,o,h<=100")).domains();
        assertTrue(d.column(0).massAtLower());
        assertTrue(d.column(1).wholeNumber());
        Composition comp = d.compositions().get(0);
        assertTrue(comp.bands()[0] > 0);
        assertTrue(comp.remainderBand() > 0);
        int atZero = 0;
        int atTotal = 0;
        for (int t = 0; t < 20000; t++) {
            double[] u = new double[d.netDim()];
            for (int j = 0; j < u.length; j++) {
                u[j] = rnd.nextDouble() * 40 - 20;
            }
            double[] v = d.fromNetwork(u);
            assertTrue(v[0] >= 0 && v[0] <= 1, "frac " + v[0]);
            assertEquals(Math.rint(v[1]), v[1]);
            assertTrue(v[1] >= 0);
            double s = 0;
            for (int j = 2; j < 6; j++) {
                assertTrue(v[j] >= 0, names[j] + " " + v[j]);
                s += v[j];
            }
            assertTrue(s <= 100 * (1 + 1e-12), "sum " + s);
            atZero += v[2] == 0 ? 1 : 0;
            atTotal += Math.abs(s - 100) < 1e-9 ? 1 : 0;
            // the map back lands on the same design
            double[] u2 = new double[d.netDim()];
            d.toNetwork(v, u2, null, "design");
        }
        assertTrue(atZero > 0 && atTotal > 0, "exact zeros and exact totals are reachable");
    }

    @Test
    void farOutNetworkPointsStayScorableWhenTheRemainderHasNoPointMass() throws Exception {
        double[][] x = {{20, 30}, {40, 10}, {10, 60}, {30, 30}};
        Domains d = Domains.fit(data(new String[] {"c", "o"}, x), DomainSpec.parse("composition c,o<=100")).domains();
        assertEquals(0, d.compositions().get(0).remainderBand());
        for (double u : new double[] {40, 60, 200}) {
            double[] v = d.fromNetwork(new double[] {u, u});
            assertTrue(v[0] + v[1] < 100, "remainder stays positive: " + (v[0] + v[1]));
            double[] back = new double[2];
            assertTrue(Double.isFinite(d.toNetwork(v, back, null, "design")));
        }
    }

    @Test
    void trainingDrawsStayInTheirBandsAndScoringPointsAreTheBandMiddles() throws Exception {
        double[][] x = new double[23][1];
        for (int i = 3; i < 23; i++) {
            x[i][0] = i - 2; // three rows at 0 (a point mass needs 3), twenty at 1..20: the offset is the 10 % quantile
        }
        Domains d = Domains.fit(data(new String[] {"a"}, x), DomainSpec.parse("continuous a")).domains();
        double band = d.column(0).bandLower();
        assertEquals(2, band, 1e-12);
        double w = Domains.BAND_LOG_WIDTH;
        double[] u = new double[1];
        double lj = d.toNetwork(new double[] {0}, u, null, "r");
        double s = d.column(0).scale();
        assertEquals(10.5, s, 1e-12, "the median of 1..20");
        // u = softplus⁻¹((x + δ)/s) at the band's middle x + δ = δ e^(−W/2); log|du/dx| = −log s − log σ(u); the
        // log-probability of the band adds log(δ e^(−W/2) W)
        double mid = band * Math.exp(-w / 2);
        assertEquals(Math.log(Math.expm1(mid / s)), u[0], 1e-12);
        assertEquals(-Math.log(s) + Math.log1p(Math.exp(-u[0])) + Math.log(band) - w / 2 + Math.log(w), lj, 1e-12);
        double top = Math.log(Math.expm1(band / s));
        double bottom = Math.log(Math.expm1(band * Math.exp(-w) / s));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 1000; t++) {
            d.toNetwork(new double[] {0}, u, rnd, "r");
            assertTrue(u[0] < top && u[0] > bottom, "zero rows lie in the band below");
            assertEquals(0, d.fromNetwork(u)[0]);
        }
        d.toNetwork(new double[] {1e-9}, u, rnd, "r");
        assertTrue(u[0] > top);
    }

    @Test
    void badDeclarationsAreNamed() {
        double[][] x = mixed(50, 6);
        CinnDataException e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(MIXED, x), DomainSpec.parse("lower frac=0.8; upper frac=0.2")));
        assertTrue(e.getMessage().contains("'frac'") && e.getMessage().contains("lower bound 0.8"), e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(MIXED, x), DomainSpec.parse("lower signed=0")));
        assertTrue(e.getMessage().contains("'signed'") && e.getMessage().contains("row number "), e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(MIXED, x), DomainSpec.parse("integer frac")));
        assertTrue(e.getMessage().contains("'frac'") && e.getMessage().contains("row number 1"), e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(MIXED, x), DomainSpec.parse("composition pos,frac=1")));
        assertTrue(e.getMessage().contains("pos + frac") && e.getMessage().contains("row number 1"),
                e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(MIXED, x), DomainSpec.parse("upper nosuch=1")));
        assertTrue(e.getMessage().contains("'nosuch'"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> DomainSpec.parse("lower pos"));
        assertTrue(p.getMessage().contains("'lower pos'"), p.getMessage());
    }

    @Test
    void rowsSlightlyAboveTheTotalAreScaledWithAWarningAndFarAboveAreAnError() throws Exception {
        double[][] x = {{60, 40.5}, {50, 30}, {20, 20}, {70, 10}};
        Domains.Fit f = Domains.fit(data(new String[] {"c", "o"}, x), DomainSpec.parse("composition c,o<=100"));
        assertEquals(1, f.warnings().size());
        assertTrue(f.warnings().get(0).contains("1 training row") && f.warnings().get(0).contains("row number 1"),
                f.warnings().get(0));
        assertEquals(100, f.x()[0][0] + f.x()[0][1], 1e-12);
        assertEquals(60.5, x[0][0] + x[0][1] - 40, 1e-12, "the caller's rows are not changed");
        double[][] y = {{60, 42}, {50, 30}, {20, 20}, {70, 10}};
        CinnDataException e = assertThrows(CinnDataException.class,
                () -> Domains.fit(data(new String[] {"c", "o"}, y), DomainSpec.parse("composition c,o<=100")));
        assertTrue(e.getMessage().contains("row number 1") && e.getMessage().contains("102"), e.getMessage());
    }

    @Test
    void sumsOffByRoundingOfTheLastPrintedDecimalAreOnTheTotal() throws Exception {
        int n = 100;
        SplittableRandom r = new SplittableRandom(9);
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            // A, B, C printed with 6 decimals: the sum is 100 ± 1e-6 in every row
            double a = Math.round((10 + 30 * r.nextDouble()) * 1e6) / 1e6;
            double b = Math.round((10 + 30 * r.nextDouble()) * 1e6) / 1e6;
            double c = Math.round((100 - a - b + (i % 2 == 0 ? 1e-6 : -1e-6)) * 1e6) / 1e6;
            x[i] = new double[] {a, b, c};
        }
        String[] names = {"A", "B", "C"};
        Domains.Fit exact = Domains.fit(data(names, x), DomainSpec.parse("composition A,B,C=100"));
        assertTrue(exact.warnings().isEmpty(), exact.warnings().toString());
        Domains.Fit le = Domains.fit(data(names, x), DomainSpec.parse("composition A,B,C<=100"));
        assertTrue(le.warnings().isEmpty(), le.warnings().toString());
        Composition c = le.domains().compositions().get(0);
        assertEquals(1.0, c.remainderShare(), 1e-12, "every row at 99.999999 or 100.000001 is on the total");
        for (double[] row : le.x()) {
            assertTrue(Math.abs(row[0] + row[1] + row[2] - 100) <= 1e-12, "rows within rounding are scaled");
        }
        // a row beyond rounding is warned about, with the digits that show the deviation
        x[0][2] += 2e-3;
        Domains.Fit off = Domains.fit(data(names, x), DomainSpec.parse("composition A,B,C=100"));
        assertEquals(1, off.warnings().size(), off.warnings().toString());
        String w = off.warnings().get(0);
        assertTrue(w.contains("1 training row") && w.contains("row number 1"), w);
        assertTrue(w.matches(".*sum 100\\.002\\d*, off by 0\\.002.*"), w);
    }

    @Test
    void oneOrTwoRowsOnABoundAreOrdinaryValuesNotAPointMass() throws Exception {
        SplittableRandom r = new SplittableRandom(10);
        for (int onBound : new int[] {1, 2, 3, 5}) {
            int n = 500;
            double[][] x = new double[n][1];
            for (int i = 0; i < n; i++) {
                x[i][0] = i < onBound ? 1.0 : 0.3 + 0.69 * r.nextDouble();
            }
            Domains.Fit f = Domains.fit(data(new String[] {"a"}, x), DomainSpec.INFER);
            ColumnDomain a = f.domains().column(0);
            assertEquals(1, a.upper());
            // a point mass needs at least 3 rows and 1 % of them (5 of 500)
            assertEquals(onBound >= 5, a.massAtUpper(), onBound + " rows on 1: " + a.describe());
            assertEquals(onBound >= 5, a.describe().contains("point mass at 1"), a.describe());
            double[] u = new double[1];
            double logJ = f.domains().toNetwork(new double[] {1.0}, u, null, "row 1");
            assertTrue(Double.isFinite(u[0]) && Double.isFinite(logJ), "the row on the bound is scorable");
            if (onBound < 5) {
                assertEquals(0.999, f.x()[0][0], 1e-12, "trained just inside the bound");
                assertEquals(1.0, x[0][0], "the caller's rows are not changed");
                double[] u2 = new double[1];
                f.domains().toNetwork(new double[] {0.999}, u2, null, "row 1");
                assertEquals(u2[0], u[0], 1e-12, "scored where it was trained");
                for (double w = -40; w <= 40; w += 0.5) {
                    assertTrue(f.domains().fromNetwork(new double[] {w})[0] < 1, "no design exactly on 1");
                }
            } else {
                assertEquals(1.0, f.x()[0][0]);
            }
        }
    }

    @Test
    void specTextAndModelJsonRoundTrip() throws Exception {
        DomainSpec s = DomainSpec.parse("none; lower a=0.5; upper a=2; integer n; composition p,q<=100\nunbounded z");
        assertEquals(s.toString(), DomainSpec.parse(s.toString()).toString());
        assertFalse(s.infer());
        Domains d = Domains.fit(data(MIXED, mixed(100, 7)), DomainSpec.INFER).domains()
                .withValidationLogJacobian(-1.25);
        Domains back = Domains.fromJson(d.toJson(), List.of(MIXED));
        assertEquals(d.describe(), back.describe());
        assertEquals(-1.25, back.validationLogJacobian());
        double[] u1 = new double[5];
        double[] u2 = new double[5];
        double[] row = mixed(100, 7)[10];
        assertEquals(d.toNetwork(row, u1, null, "r"), back.toNetwork(row, u2, null, "r"));
        assertEquals(u1[0], u2[0]);
    }
}
