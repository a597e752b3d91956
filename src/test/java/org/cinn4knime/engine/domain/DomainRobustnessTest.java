package org.cinn4knime.engine.domain;

import static org.cinn4knime.engine.domain.DomainsTest.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.ModelFormatException;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 10 tryout findings: one-sided bounds extrapolate linearly (scaled softplus, never overflowing), small whole
 * number tables, contradictory declarations, composition sums in double and printed decimals, validation of a
 * hand-edited domains member, and the composition hint.
 */
class DomainRobustnessTest {

    /** Column "lo" ≥ 5 (log-normal above it, a few rows on it), column "hi" ≤ −2 (declared). */
    static Domains oneSided() throws CinnDataException {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i % 10 == 0 ? 5 : 5 + Math.exp(r.nextGaussian());
            x[i][1] = -2 - Math.exp(r.nextGaussian());
        }
        return Domains.fit(data(new String[] {"lo", "hi"}, x), DomainSpec.parse("lower lo=5; upper hi=-2")).domains();
    }

    @Test
    void oneSidedBoundsExtrapolateLinearlyAndNeverOverflow() throws Exception {
        Domains d = oneSided();
        ColumnDomain lo = d.column(0);
        ColumnDomain hi = d.column(1);
        assertTrue(lo.scale() > 0.5 && lo.scale() < 2, "median of exp(N(0,1)) is about 1: " + lo.scale());
        for (double u : new double[] {-1e300, -1e6, -800, -50, 0, 50, 800, 1e6, 1e300}) {
            double[] x = d.fromNetwork(new double[] {u, u});
            assertTrue(Double.isFinite(x[0]) && x[0] >= 5, u + " -> " + x[0]);
            assertTrue(Double.isFinite(x[1]) && x[1] <= -2, u + " -> " + x[1]);
        }
        // linear far from the bound: slope s per unit of u (the old log map grew like e^u)
        double a = d.fromNetwork(new double[] {1000, 0})[0];
        double b = d.fromNetwork(new double[] {2000, 0})[0];
        assertEquals(1000 * lo.scale(), b - a, 1e-9 * b);
        double c = d.fromNetwork(new double[] {0, -1000})[1];
        double e = d.fromNetwork(new double[] {0, -2000})[1];
        assertEquals(-1000 * hi.scale(), e - c, 1e-9 * Math.abs(e));
        // the map back and its log-Jacobian, near and far from the bound (including tiny x − a)
        for (double v : new double[] {5 + 1e-300, 5 + 1e-12, 5.3, 6, 40, 1e6, 1e200}) {
            double[] u = new double[2];
            double lj = d.toNetwork(new double[] {v, -3}, u, null, "r");
            assertTrue(Double.isFinite(u[0]) && Double.isFinite(lj), v + ": " + u[0] + " " + lj);
            assertEquals(v, d.fromNetwork(u)[0], Math.ulp(v) * 8 + 1e-12 * (v - 5));
        }
        // log|du/dx| by central differences, relative to its value at 5.5 (column hi, held at −3, adds a constant)
        double ref = d.toNetwork(new double[] {5.5, -3}, new double[2], null, "r");
        for (double v : new double[] {5.001, 8, 30, 1e4}) {
            double lj = d.toNetwork(new double[] {v, -3}, new double[2], null, "r");
            assertEquals(numericLogJ0(d, v) - numericLogJ0(d, 5.5), lj - ref, 1e-4, "at " + v);
        }
    }

    /** log|du/dx| of column 0 at x by central differences (column 1 held at −3). */
    private static double numericLogJ0(Domains d, double v) throws CinnDataException {
        double h = 1e-7 * Math.max(v - 5, 1e-3);
        double[] u1 = new double[2];
        double[] u2 = new double[2];
        d.toNetwork(new double[] {v + h, -3}, u1, null, "r");
        d.toNetwork(new double[] {v - h, -3}, u2, null, "r");
        return Math.log((u1[0] - u2[0]) / (2 * h));
    }

    @Test
    void aNonFiniteDesignIsAnErrorNamingTheTargetRowNotAChunkIndex() throws Exception {
        double[][] ok = {{1, 2}, {3, 4}};
        Domains.requireFiniteDesigns(ok, new int[] {0, 1}, List.of("a", "z"));
        double[][] bad = {{1, 2}, {3, Double.POSITIVE_INFINITY}};
        CinnDataException e = assertThrows(CinnDataException.class,
                () -> Domains.requireFiniteDesigns(bad, new int[] {4, 7}, List.of("a", "z")));
        assertTrue(e.getMessage().contains("target row 8") && e.getMessage().contains("'z'")
                && e.getMessage().contains("far outside the training targets"), e.getMessage());
    }

    @Test
    void softplusAndItsInverseAreStable() {
        for (double t : new double[] {1e-300, 1e-20, 1e-3, 0.5, 1, 2, 30, 40, 1e3, 1e15, 1e300}) {
            double u = ScalarBijection.softplusInverse(t);
            assertTrue(Double.isFinite(u), "softplus⁻¹(" + t + ")");
            assertEquals(t, ScalarBijection.softplus(u), 1e-12 * t, "round trip at " + t);
        }
        assertEquals(Math.log(1e-300), ScalarBijection.softplusInverse(1e-300), 1e-9);
        assertEquals(1e300, ScalarBijection.softplus(1e300));
        assertTrue(ScalarBijection.softplus(-800) >= 0);
        assertEquals(-800, ScalarBijection.logSigmoid(-800), 1e-9);
    }

    @Test
    void smallTablesOfFewWholeValuesAreWholeNumbers() throws Exception {
        double[][] x = new double[50][3];
        for (int i = 0; i < 50; i++) {
            x[i][0] = i % 14; // 0..13: 14 distinct values in 50 rows
            x[i][1] = i; // 50 distinct whole values
            x[i][2] = i + (i % 2 == 0 ? 0 : 0.5);
        }
        Domains d = Domains.fit(data(new String[] {"count", "id", "half"}, x), DomainSpec.INFER).domains();
        assertTrue(d.column(0).wholeNumber());
        assertTrue(d.column(1).wholeNumber());
        assertFalse(d.column(2).wholeNumber(), "a value that is not whole");
        // a count with many distinct values (cycles 1..299) is whole too: no fractional designs such as 15.32 cycles
        double[][] y = new double[299][1];
        for (int i = 0; i < 299; i++) {
            y[i][0] = i + 1;
        }
        Domains cycles = Domains.fit(data(new String[] {"cycles"}, y), DomainSpec.INFER).domains();
        assertTrue(cycles.column(0).wholeNumber(), "299 distinct whole values");
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double v = cycles.fromNetwork(new double[] {3 * (rnd.nextDouble() * 2 - 1)})[0];
            assertEquals(Math.rint(v), v, "design " + v + " is whole");
        }
        assertFalse(Domains.fit(data(new String[] {"cycles"}, y), DomainSpec.parse("continuous cycles")).domains()
                .column(0).wholeNumber(), "continuous switches it off");
    }

    @Test
    void contradictoryDeclarationsAreErrorsNamingTheColumnAndBothEntries() {
        String[][] cases = {{"unbounded frac; lower frac=0", "frac", "unbounded frac", "lower frac=0"},
            {"lower a=-5; unbounded a", "a", "lower a=-5", "unbounded a"},
            {"lower a=1; lower a=2", "a", "lower a=1", "lower a=2"},
            {"upper b=1; upper b=3", "b", "upper b=1", "upper b=3"},
            {"integer frac; continuous frac", "frac", "integer frac", "continuous frac"},
            {"continuous n\ninteger n", "n", "continuous n", "integer n"},
            {"integer n; unbounded n", "n", "integer n", "unbounded n"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainSpec.parse(c[0]),
                    c[0]);
            assertTrue(e.getMessage().contains("'" + c[1] + "'") && e.getMessage().contains("'" + c[2] + "'")
                    && e.getMessage().contains("'" + c[3] + "'"), e.getMessage());
        }
        // entry by entry, as the command line adds its options
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DomainSpec.Builder().add("lower a=1").add("unbounded b").add("lower a=2"));
        assertTrue(e.getMessage().contains("'lower a=1'") && e.getMessage().contains("'lower a=2'"), e.getMessage());
        // repeating the same entry, or bounds of both kinds, is no contradiction
        DomainSpec s = DomainSpec.parse("lower a=1; lower a=1; upper a=2; integer n; integer n");
        assertEquals(1.0, s.lower("a"));
        assertEquals(2.0, s.upper("a"));
        // a tab (pasted from a spreadsheet) separates keyword and column like a space
        DomainSpec t = DomainSpec.parse("upper\ta=100;\tinteger  n");
        assertEquals(100.0, t.upper("a"));
        assertTrue(t.integer("n"));
    }

    @Test
    void compositionDesignsNeverExceedTheTotalInDoublesOrInPrintedDecimals() throws Exception {
        SplittableRandom r = new SplittableRandom(8);
        int n = 300;
        double[][] x = new double[n][5];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextDouble();
                s += x[i][j];
            }
            double total = i % 3 == 0 ? 100 : 100 * (0.8 + 0.2 * r.nextDouble()); // a third with no ash
            for (int j = 0; j < 5; j++) {
                x[i][j] *= total / s;
            }
        }
        String[] names = {"c", "h", "o", "n", "s"};
        BigDecimal hundred = BigDecimal.valueOf(100);
        double[][] whole = new double[n][];
        for (int i = 0; i < n; i++) {
            double s = x[i][0] + x[i][1] + x[i][2] + x[i][3] + x[i][4];
            whole[i] = new double[] {x[i][0] * 100 / s, x[i][1] * 100 / s, x[i][2] * 100 / s, x[i][3] * 100 / s, 0};
            whole[i][4] = 100 - whole[i][0] - whole[i][1] - whole[i][2] - whole[i][3];
        }
        for (String decl : new String[] {"composition c,h,o,n,s<=100", "composition c,h,o,n,s=100"}) {
            Domains d = Domains.fit(data(names, decl.contains("<=") ? x : whole), DomainSpec.parse(decl)).domains();
            boolean exact = d.compositions().get(0).exact();
            SplittableRandom g = new SplittableRandom(9);
            int atTotal = 0;
            for (int t = 0; t < 20000; t++) {
                double[] u = new double[d.netDim()];
                for (int j = 0; j < u.length; j++) {
                    u[j] = g.nextGaussian() * (t % 2 == 0 ? 2 : 30);
                }
                double[] v = d.fromNetwork(u);
                double sum = 0;
                BigDecimal printed = BigDecimal.ZERO;
                for (double p : v) {
                    assertTrue(p >= 0);
                    sum += p;
                    printed = printed.add(new BigDecimal(Double.toString(p)));
                }
                if (exact) {
                    assertEquals(100, sum, 5 * Math.ulp(100.0), decl);
                } else {
                    assertTrue(sum <= 100, decl + ": double sum " + sum);
                    double rev = 0;
                    for (int j = 4; j >= 0; j--) {
                        rev += v[j];
                    }
                    assertTrue(rev <= 100, decl + ": sum in reverse order " + rev);
                    assertTrue(printed.compareTo(hundred) <= 0, decl + ": printed decimals sum to " + printed);
                    atTotal += sum > 100 - 1e-9 ? 1 : 0;
                }
            }
            if (!exact) {
                assertTrue(atTotal > 0, "designs with no ash are still reached");
            }
        }
    }

    /** A valid domains member (from a fit) to edit by hand. */
    private static JsonObject validJson() throws CinnDataException {
        double[][] x = new double[60][4];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 60; i++) {
            x[i][0] = 1 + r.nextDouble();
            x[i][1] = i % 5 == 0 ? 0 : r.nextDouble() * 30;
            x[i][2] = r.nextDouble() * 40;
            x[i][3] = i % 4;
        }
        return Domains.fit(data(new String[] {"a", "p", "q", "k"}, x),
                DomainSpec.parse("lower a=1; upper a=2; composition p,q<=100")).domains().toJson();
    }

    private static final List<String> NAMES = List.of("a", "p", "q", "k");

    private static void assertRejected(String path, java.util.function.Consumer<JsonObject> edit) throws Exception {
        JsonObject o = JsonParser.parseString(validJson().toString()).getAsJsonObject();
        Domains.fromJson(o, NAMES); // valid before the edit
        edit.accept(o);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Domains.fromJson(o, NAMES), path);
        assertTrue(e.getMessage().contains(path), path + ": " + e.getMessage());
    }

    private static JsonObject col(JsonObject o, int i) {
        return o.getAsJsonArray("columns").get(i).getAsJsonObject();
    }

    private static JsonObject comp(JsonObject o) {
        return o.getAsJsonArray("compositions").get(0).getAsJsonObject();
    }

    @Test
    void aHandEditedDomainsMemberIsValidatedNamingTheMember() throws Exception {
        assertRejected("domains.columns[0].lower", o -> {
            col(o, 0).addProperty("lower", 2);
            col(o, 0).addProperty("upper", 1);
        });
        assertRejected("domains.columns[0].lower", o -> col(o, 0).addProperty("lower", "x"));
        assertRejected("domains.columns[0].upper", o -> col(o, 0).addProperty("upper", Double.NaN));
        assertRejected("domains.columns[1].bandLower", o -> col(o, 1).addProperty("bandLower", -1));
        assertRejected("'domains.columns[1]' has a point-mass band at an absent bound",
                o -> col(o, 1).addProperty("bandUpper", 0.5));
        assertRejected("domains.columns[1].scale", o -> col(o, 1).addProperty("scale", 0));
        assertRejected("domains.columns[1].scale", o -> col(o, 1).remove("scale"));
        assertRejected("domains.columns[1].shareAtLower", o -> col(o, 1).addProperty("shareAtLower", 1.5));
        assertRejected("domains.columns[1].column", o -> col(o, 1).addProperty("column", "a"));
        assertRejected("domains.compositions[0].parts[1]", o -> {
            JsonArray parts = new JsonArray();
            parts.add("p");
            parts.add("p");
            comp(o).add("parts", parts);
        });
        assertRejected("domains.compositions[0].parts[0]", o -> {
            JsonArray parts = new JsonArray();
            parts.add("zz");
            parts.add("q");
            comp(o).add("parts", parts);
        });
        assertRejected("domains.compositions[0].total", o -> comp(o).addProperty("total", -100));
        assertRejected("domains.compositions[0].bands[0]", o -> comp(o).getAsJsonArray("bands").set(0,
                new com.google.gson.JsonPrimitive(-2)));
        assertRejected("domains.compositions[0].remainderBand", o -> comp(o).addProperty("remainderBand", -1));
        assertRejected("domains.validationLogJacobian", o -> o.remove("validationLogJacobian"));
    }

    @Test
    void designColumnsThatLookLikePartsOfAWholeGetACompositionHint() throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        int n = 200;
        double[][] x = new double[n][4];
        for (int i = 0; i < n; i++) {
            double ash = 30 * r.nextDouble();
            x[i][0] = (100 - ash) * 0.5;
            x[i][1] = (100 - ash) * 0.06;
            x[i][2] = (100 - ash) * 0.44;
            x[i][3] = r.nextGaussian(); // signed: not a part
        }
        String[] names = {"carbon", "hydrogen", "oxygen", "other"};
        Domains.Fit f = Domains.fit(data(names, x), DomainSpec.INFER);
        String hint = f.notes().stream().filter(s -> s.contains("composition")).findFirst().orElse("");
        assertTrue(hint.contains("carbon,hydrogen,oxygen<=100") && !hint.contains("other"), f.notes().toString());
        // declared: no hint; fractions of 1: the hint names total 1; sums far below the total: no hint
        assertFalse(Domains.fit(data(names, x), DomainSpec.parse("composition carbon,hydrogen,oxygen<=100")).notes()
                .stream().anyMatch(s -> s.contains("declare 'composition")));
        double[][] frac = new double[n][];
        double[][] small = new double[n][];
        for (int i = 0; i < n; i++) {
            frac[i] = new double[] {x[i][0] / 100, x[i][1] / 100, x[i][2] / 100, x[i][3]};
            small[i] = new double[] {x[i][0] / 2, x[i][1] / 2, x[i][2] / 2, x[i][3]};
        }
        assertTrue(Domains.fit(data(names, frac), DomainSpec.INFER).notes().stream()
                .anyMatch(s -> s.contains("carbon,hydrogen,oxygen<=1'")));
        assertFalse(Domains.fit(data(names, small), DomainSpec.INFER).notes().stream()
                .anyMatch(s -> s.contains("declare 'composition")), "sums up to 50 do not suggest 100");
    }

    @Test
    void theCompositionHintLeavesOutColumnsOnAnotherScaleAndSaysEqualsForExactSums() throws Exception {
        SplittableRandom r = new SplittableRandom(8);
        int n = 300;
        // porosity in % next to a 0–1 fraction; a capacitance in farads next to a 0–1 gap fraction
        double[][] x = new double[n][2];
        double[][] z = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i == 0 ? 99.5 : 5 + 94.5 * r.nextDouble();
            x[i][1] = i == 0 ? 1 : r.nextDouble();
            z[i][0] = 1e-13 * (1 + 4 * r.nextDouble());
            z[i][1] = i == 0 ? 1 : r.nextDouble();
        }
        Domains.Fit f = Domains.fit(data(new String[] {"porosity_pct", "q"}, x), DomainSpec.INFER);
        assertFalse(f.notes().stream().anyMatch(s -> s.contains("declare 'composition")), f.notes().toString());
        f = Domains.fit(data(new String[] {"C_F", "gap"}, z), DomainSpec.INFER);
        assertFalse(f.notes().stream().anyMatch(s -> s.contains("declare 'composition")), f.notes().toString());
        // parts summing to 100 in every row (6 printed decimals): '=', a part positive in every row last
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            double a = i % 3 == 0 ? 0 : Math.round(40 * r.nextDouble() * 1e6) / 1e6;
            double c = Math.round((20 + 30 * r.nextDouble()) * 1e6) / 1e6;
            y[i] = new double[] {a, c, Math.round((100 - a - c + (i % 2 == 0 ? 1e-6 : -1e-6)) * 1e6) / 1e6};
            double t = y[i][0];
            y[i][0] = y[i][1];
            y[i][1] = t; // columns: C (always > 0), A (0 in a third of the rows), B
        }
        String[] abc = {"C", "A", "B"};
        String hint = Domains.fit(data(abc, y), DomainSpec.INFER).notes().stream()
                .filter(s -> s.contains("declare 'composition")).findFirst().orElse("");
        assertTrue(hint.contains("'composition A,B,C=100'") || hint.contains("'composition A,C,B=100'")
                || hint.contains("'composition C,A,B=100'"), hint);
        assertFalse(hint.contains("<="), hint);
        String last = hint.substring(hint.indexOf("'composition ") + 13, hint.indexOf("=100'"));
        last = last.substring(last.lastIndexOf(',') + 1);
        assertFalse("A".equals(last), "A is 0 in some rows and cannot be the reference: " + hint);
        // and it can be declared as suggested
        assertTrue(Domains.fit(data(abc, y), DomainSpec.parse(hint.substring(hint.indexOf("'composition ") + 1,
                hint.indexOf("=100'") + 4))).warnings().isEmpty());
        // next to a temperature of 20–90 (its sum with the parts exceeds 100) the exact sum is still found
        double[][] yt = new double[n][];
        for (int i = 0; i < n; i++) {
            yt[i] = new double[] {20 + 70 * r.nextDouble(), y[i][0], y[i][1], y[i][2]};
        }
        String withTemp = Domains.fit(data(new String[] {"temp", "C", "A", "B"}, yt), DomainSpec.INFER).notes()
                .stream().filter(s -> s.contains("declare 'composition")).findFirst().orElse("");
        assertTrue(withTemp.contains("=100'") && !withTemp.contains("temp"), withTemp);
    }
}
