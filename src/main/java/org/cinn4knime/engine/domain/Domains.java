package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.TrainingData;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The column domains of a model's design columns and the one place that maps design rows x (the user's columns and
 * units) to and from the network's coordinates u. The map is a bijection inside the density:
 * <ul>
 * <li>lower bound a only: u = log(v − a'); upper bound b only: u = −log(b' − v); both: u = logit((v − a')/(b' − a'))
 * with log|du/dv| counted in every density (a', b' are the bounds widened by the point-mass bands below);</li>
 * <li>point mass at a bound (rows exactly on it): for training, such a row is dequantised into a thin band of width
 * δ beyond the bound, v = a − U·δ, redrawn every epoch; every sample in the band maps back to exactly a. The share of
 * exact values in the designs thus follows the model. The density of a row exactly on the bound is reported as the
 * probability of its band (density at the band's middle × δ);</li>
 * <li>whole numbers: v = x + U[0, 1) when training (uniform dequantisation, Theis, van den Oord &amp; Bethge, ICLR
 * 2016), floor when sampling; the reported log p of a whole number is the dequantised density at x + ½, an
 * approximation of log P(x) (E_U log p(x + U) is a lower bound on it);</li>
 * <li>compositions (Aitchison, J. R. Stat. Soc. B 44 (1982) 139–177): parts x_i with remainder r = T − Σx_i become
 * additive log-ratios u_i = log(x_i / r), log|det ∂u/∂x| = −Σ log x_i + log T − log r; an exact sum uses the last
 * part as the reference and removes one network dimension (the density is then over the free parts). Zero parts and
 * a zero remainder get point-mass bands (x_i + δ_i, r + δ_r inside the logarithms).</li>
 * </ul>
 * Immutable and thread-safe. Format-1 models have no domains (null), which means the identity.
 */
public final class Domains {
    /**
     * Width of a point-mass band in the log of the distance from the shifted bound (nats): a row on the bound is
     * dequantised to v = a − δ·(1 − e^{−W·U}), U ~ U(0, 1), which lies uniformly in [log δ − W, log δ) of
     * log(v − a + δ), right below the continuous part (log δ and up).
     */
    public static final double BAND_LOG_WIDTH = 3.0;
    /** The offset δ of a point-mass bound is this quantile of the rows' positive distances from the bound. */
    public static final double BAND_OFFSET_QUANTILE = 0.1;
    /** Relative excess above a composition's total that is scaled onto it with a warning (1 %). */
    public static final double SUM_TOLERANCE = 0.01;
    /** Whole-number inference: at most this many distinct values ... */
    public static final int MAX_INTEGER_LEVELS = 50;
    /** ... and at most one distinct value per this many rows (a 0/1 column always qualifies). */
    public static final int ROWS_PER_INTEGER_LEVEL = 4;

    private final List<String> xNames;
    /** Per design column: its domain, or null for a composition part. */
    private final ColumnDomain[] columns;
    private final List<Composition> compositions;
    /** Per design column: index into compositions, or −1. */
    private final int[] compOf;
    /** Per composition: its part columns' indices. */
    private final int[][] compParts;
    /** Blocks in network-coordinate order: scalar column j as {j}, composition c as {−1 − c}. */
    private final int[] blocks;
    private final int netDim;
    private final double validationLogJacobian;

    private Domains(List<String> xNames, ColumnDomain[] columns, List<Composition> compositions,
            double validationLogJacobian) {
        this.xNames = List.copyOf(xNames);
        this.columns = columns.clone();
        this.compositions = List.copyOf(compositions);
        this.validationLogJacobian = validationLogJacobian;
        int d = xNames.size();
        compOf = new int[d];
        Arrays.fill(compOf, -1);
        compParts = new int[compositions.size()][];
        Map<String, Integer> idx = index(xNames);
        for (int c = 0; c < compositions.size(); c++) {
            List<String> p = compositions.get(c).parts();
            compParts[c] = new int[p.size()];
            for (int i = 0; i < p.size(); i++) {
                int j = idx.get(p.get(i));
                compParts[c][i] = j;
                compOf[j] = c;
            }
        }
        List<Integer> bl = new ArrayList<>();
        boolean[] done = new boolean[compositions.size()];
        int n = 0;
        for (int j = 0; j < d; j++) {
            if (compOf[j] < 0) {
                bl.add(j);
                n++;
            } else if (!done[compOf[j]]) {
                done[compOf[j]] = true;
                bl.add(-1 - compOf[j]);
                n += compositions.get(compOf[j]).coordinates();
            }
        }
        blocks = bl.stream().mapToInt(Integer::intValue).toArray();
        netDim = n;
    }

    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), j);
        }
        return m;
    }

    /** Design columns (user-facing). */
    public int xDim() {
        return xNames.size();
    }

    /** Network coordinates: the design columns less one per exact-sum composition. */
    public int netDim() {
        return netDim;
    }

    public List<String> xNames() {
        return xNames;
    }

    /** The domain of design column j, or null when it is a composition part. */
    public ColumnDomain column(int j) {
        return columns[j];
    }

    public List<Composition> compositions() {
        return compositions;
    }

    /** Whether design column j holds whole numbers (integer output cells). */
    public boolean isWholeNumber(int j) {
        return columns[j] != null && columns[j].wholeNumber();
    }

    /**
     * Mean log|du/dx| (including point-mass band widths) of the validation rows, as {@link #toNetwork} computes it:
     * the figure that turns a validation loss in network coordinates into the NLL in the user's units.
     */
    public double validationLogJacobian() {
        return validationLogJacobian;
    }

    /** The same domains with the validation rows' mean log-Jacobian recorded. */
    public Domains withValidationLogJacobian(double v) {
        return new Domains(xNames, columns, compositions, v);
    }

    /** Whether training draws dequantisation noise (whole numbers or point masses). */
    public boolean dequantises() {
        for (ColumnDomain c : columns) {
            if (c != null && (c.wholeNumber() || c.massAtLower() || c.massAtUpper())) {
                return true;
            }
        }
        for (Composition c : compositions) {
            if (c.remainderBand() > 0) {
                return true;
            }
            for (double b : c.bands()) {
                if (b > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Names of the network coordinates (for error messages): the column, or a log-ratio. */
    public List<String> netNames() {
        List<String> out = new ArrayList<>();
        for (int b : blocks) {
            if (b >= 0) {
                out.add(xNames.get(b));
            } else {
                Composition c = compositions.get(-1 - b);
                String ref = c.exact() ? c.parts().get(c.parts().size() - 1) : "remainder";
                for (int i = 0; i < c.coordinates(); i++) {
                    out.add("log(" + c.parts().get(i) + "/" + ref + ")");
                }
            }
        }
        return out;
    }

    /** One line per composition and per bounded or whole-number column, for model summaries. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Composition c : compositions) {
            out.add(c.describe());
        }
        for (ColumnDomain c : columns) {
            if (c != null && !c.isIdentity()) {
                out.add(c.describe());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ mapping

    /**
     * Maps one design row to network coordinates.
     *
     * @param x design row (user units, {@link #xDim()} values)
     * @param u receives {@link #netDim()} coordinates
     * @param rnd dequantisation noise for training; null for scoring (whole numbers at x + ½, point masses at the
     *        middle of their band)
     * @param rowName the row's name for error messages
     * @return log|du/dx| plus, when scoring, the log width of every point-mass band the row sits in (so that the
     *         density in u plus this value is log p in the user's units, a log-probability for point masses)
     * @throws CinnDataException when the row lies outside the domain (naming column and row)
     */
    public double toNetwork(double[] x, double[] u, SplittableRandom rnd, String rowName) throws CinnDataException {
        double logJ = 0;
        int k = 0;
        for (int b : blocks) {
            if (b >= 0) {
                logJ += scalarForward(columns[b], x[b], u, k, rnd, rowName);
                k++;
            } else {
                int c = -1 - b;
                logJ += compositionForward(compositions.get(c), compParts[c], x, u, k, rnd, rowName);
                k += compositions.get(c).coordinates();
            }
        }
        return logJ;
    }

    /** Maps network coordinates back to a design row that lies inside every domain by construction. */
    public double[] fromNetwork(double[] u) {
        double[] x = new double[xDim()];
        int k = 0;
        for (int b : blocks) {
            if (b >= 0) {
                x[b] = scalarInverse(columns[b], u[k]);
                k++;
            } else {
                int c = -1 - b;
                compositionInverse(compositions.get(c), compParts[c], u, k, x);
                k += compositions.get(c).coordinates();
            }
        }
        return x;
    }

    /** Distance below the bound of a point-mass row: δ·(1 − e^{−W·U}), U a draw or ½ when scoring. */
    private static double bandDepth(double offset, SplittableRandom rnd) {
        return -offset * Math.expm1(-BAND_LOG_WIDTH * (rnd == null ? 0.5 : open01(rnd)));
    }

    /** log of the probability-per-density factor of a band at its scoring point: log(δ·e^{−W/2}·W). */
    private static double bandLogWidth(double offset) {
        return Math.log(offset) - 0.5 * BAND_LOG_WIDTH + Math.log(BAND_LOG_WIDTH);
    }

    /** A draw from (0, 1), never 0 or 1. */
    private static double open01(SplittableRandom rnd) {
        return ((rnd.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static double scalarForward(ColumnDomain c, double x, double[] u, int k, SplittableRandom rnd,
            String row) throws CinnDataException {
        if (c.isIdentity()) {
            u[k] = x;
            return 0;
        }
        if (c.hasLower() && x < c.lower() || c.hasUpper() && x > c.upper()) {
            throw new CinnDataException("Column '" + c.name() + "' has the value " + num(x) + " in row " + row
                    + ", outside its domain (" + c.describe() + ").");
        }
        double v = x;
        double extra = 0;
        double lo = c.lower();
        double hi = c.upper();
        if (c.wholeNumber()) {
            if (x != Math.rint(x)) {
                throw new CinnDataException("Column '" + c.name() + "' holds whole numbers in this model, but row "
                        + row + " has " + num(x) + ".");
            }
            v = x + (rnd == null ? 0.5 : open01(rnd));
            hi = hi + 1;
        } else {
            if (c.hasLower() && x == c.lower()) {
                if (!c.massAtLower()) {
                    throw onBound(c, x, row);
                }
                v = x - bandDepth(c.bandLower(), rnd);
                extra += bandLogWidth(c.bandLower());
            } else if (c.hasUpper() && x == c.upper()) {
                if (!c.massAtUpper()) {
                    throw onBound(c, x, row);
                }
                v = x + bandDepth(c.bandUpper(), rnd);
                extra += bandLogWidth(c.bandUpper());
            }
            lo -= c.bandLower();
            hi += c.bandUpper();
        }
        double logJ;
        if (c.hasLower() && c.hasUpper()) {
            double t = (v - lo) / (hi - lo);
            u[k] = Math.log(t) - Math.log1p(-t);
            logJ = -Math.log(hi - lo) - Math.log(t) - Math.log1p(-t);
        } else if (c.hasLower()) {
            u[k] = Math.log(v - lo);
            logJ = -u[k];
        } else {
            u[k] = -Math.log(hi - v);
            logJ = u[k];
        }
        return logJ + (rnd == null ? extra : 0);
    }

    private static CinnDataException onBound(ColumnDomain c, double x, String row) {
        return new CinnDataException("Column '" + c.name() + "' is exactly " + num(x) + " in row " + row
                + ", on its bound, but no training row was; the model gives this value zero probability.");
    }

    private static double scalarInverse(ColumnDomain c, double u) {
        if (c.isIdentity()) {
            return u;
        }
        double lo = c.lower();
        double hi = c.upper();
        if (c.wholeNumber()) {
            hi = hi + 1;
        } else {
            lo -= c.bandLower();
            hi += c.bandUpper();
        }
        double v;
        if (c.hasLower() && c.hasUpper()) {
            v = u > 0 ? hi - (hi - lo) * sigmoid(-u) : lo + (hi - lo) * sigmoid(u);
        } else if (c.hasLower()) {
            v = lo + Math.exp(u);
        } else {
            v = hi - Math.exp(-u);
        }
        if (c.wholeNumber()) {
            v = Math.floor(v);
            if (c.hasUpper()) {
                v = Math.min(v, c.upper());
            }
            if (c.hasLower()) {
                v = Math.max(v, c.lower());
            }
            return v;
        }
        // on or beyond a bound: the point mass if the bound has one, else the nearest value inside (rounding)
        if (c.hasLower() && v <= c.lower()) {
            return c.massAtLower() ? c.lower() : Math.nextUp(c.lower());
        }
        if (c.hasUpper() && v >= c.upper()) {
            return c.massAtUpper() ? c.upper() : Math.nextDown(c.upper());
        }
        return v;
    }

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    /** Below this relative distance from the total a remainder counts as exactly 0. */
    static final double ZERO_REMAINDER = 1e-9;

    private static double compositionForward(Composition c, int[] parts, double[] x, double[] u, int k,
            SplittableRandom rnd, String row) throws CinnDataException {
        int p = parts.length;
        double t = c.total();
        double s = 0;
        for (int i = 0; i < p; i++) {
            double v = x[parts[i]];
            if (v < 0) {
                throw new CinnDataException("Column '" + c.parts().get(i) + "' is negative (" + num(v) + ") in row "
                        + row + ", but it is a part of the composition " + c.describe().substring(12) + ".");
            }
            s += v;
        }
        double scale = 1;
        if (c.exact() ? Math.abs(s - t) > SUM_TOLERANCE * t : s > t * (1 + SUM_TOLERANCE)) {
            throw new CinnDataException("The parts " + String.join(" + ", c.parts()) + " sum to " + num(s) + " in row "
                    + row + ", " + (c.exact() ? "not " : "above ") + num(t) + " (tolerance "
                    + pct(SUM_TOLERANCE) + " of the total).");
        }
        if (c.exact() || s > t) {
            scale = t / s;
        }
        double extra = 0;
        double[] y = new double[p];
        double sx = 0;
        for (int i = 0; i < p; i++) {
            double v = x[parts[i]] * scale;
            double band = c.bands()[i];
            if (v <= 0) {
                if (band <= 0) {
                    throw new CinnDataException("Column '" + c.parts().get(i) + "' is 0 in row " + row
                            + ", but no training row had it 0; the model gives this composition zero probability.");
                }
                v = -bandDepth(band, rnd);
                extra += bandLogWidth(band);
            }
            sx += v;
            y[i] = v + band;
        }
        int free = c.coordinates();
        double ref;
        if (c.exact()) {
            ref = t - (sx - (y[p - 1] - c.bands()[p - 1]));
        } else {
            double r = t - s * scale;
            if (r <= (c.remainderBand() > 0 ? ZERO_REMAINDER * t : 0)) {
                if (c.remainderBand() <= 0) {
                    throw new CinnDataException("The parts " + String.join(" + ", c.parts()) + " sum to the total "
                            + num(t) + " in row " + row + ", but no training row did; the model gives this "
                            + "composition zero probability.");
                }
                ref = c.remainderBand() - bandDepth(c.remainderBand(), rnd);
                extra += bandLogWidth(c.remainderBand());
            } else {
                ref = t - sx + c.remainderBand();
            }
        }
        double logRef = Math.log(ref);
        double logJ = 0;
        double sy = ref;
        for (int i = 0; i < free; i++) {
            double ly = Math.log(y[i]);
            u[k + i] = ly - logRef;
            logJ -= ly;
            sy += y[i];
        }
        logJ += Math.log(sy) - logRef;
        return logJ + (rnd == null ? extra : 0);
    }

    private static void compositionInverse(Composition c, int[] parts, double[] u, int k, double[] x) {
        int p = parts.length;
        int free = c.coordinates();
        double bandSum = 0;
        for (int i = 0; i < free; i++) {
            bandSum += c.bands()[i];
        }
        double tt = c.total() + bandSum + c.remainderBand();
        double m = 0;
        for (int i = 0; i < free; i++) {
            m = Math.max(m, u[k + i]);
        }
        double den = Math.exp(-m);
        for (int i = 0; i < free; i++) {
            den += Math.exp(u[k + i] - m);
        }
        double sum = 0;
        for (int i = 0; i < free; i++) {
            double v = tt * Math.exp(u[k + i] - m) / den - c.bands()[i];
            v = v > 0 ? v : c.bands()[i] > 0 ? 0 : Double.MIN_NORMAL;
            x[parts[i]] = v;
            sum += v;
        }
        // a remainder without a point mass must stay positive (it can round to 0 far out in u)
        double limit = !c.exact() && c.remainderBand() <= 0 ? c.total() * (1 - 1e-12) : c.total();
        if (sum > limit) {
            double f = limit / sum;
            sum = 0;
            for (int i = 0; i < free; i++) {
                x[parts[i]] *= f;
                sum += x[parts[i]];
            }
        }
        if (c.exact()) {
            x[parts[p - 1]] = Math.max(0, c.total() - sum);
        }
    }

    // ------------------------------------------------------------------------------------------------ fitting

    /** The outcome of {@link #fit}: the domains (null when every column is unbounded), the rows to train on. */
    public record Fit(Domains domains, double[][] x, List<String> warnings, List<String> notes) {
    }

    /**
     * Infers the column domains from the training rows and applies the user's declarations ({@link DomainSpec}).
     * Inference: lower bound 0 for a column ≥ 0 in every row; [0, 1] for a column inside [0, 1] (an upper bound
     * other than 1 is never guessed, only declared); whole numbers when every value is whole and the column has at
     * most {@value #MAX_INTEGER_LEVELS} distinct values and at most one per {@value #ROWS_PER_INTEGER_LEVEL} rows (or
     * exactly two, e.g. 0/1); a point mass at a bound that any row holds exactly (needed for a finite density; the
     * band width δ is half the smallest positive distance of a row from the bound). Composition rows that sum up to
     * {@link #SUM_TOLERANCE} above the total are scaled onto it (a warning counts them and names the first).
     *
     * @return the domains (null if no column has any) and the rows to train on (a scaled copy when composition rows
     *         were scaled, else {@code data.x()})
     * @throws CinnDataException for declarations that contradict each other or the data, naming column and row
     */
    public static Fit fit(TrainingData data, DomainSpec spec) throws CinnDataException {
        List<String> names = List.of(data.xNames());
        Map<String, Integer> idx = index(names);
        for (String n : spec.namedColumns()) {
            if (!idx.containsKey(n)) {
                throw new CinnDataException("The column domain declarations name '" + n + "', which is not a design "
                        + "(x) column; the design columns are " + String.join(", ", names) + ".");
            }
        }
        int d = names.size();
        int n = data.rows();
        double[][] x = data.x();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Composition> comps = new ArrayList<>();
        Set<String> inComp = new HashSet<>();
        boolean copied = false;
        for (DomainSpec.CompositionSpec cs : spec.compositions()) {
            for (String pn : cs.parts()) {
                if (!inComp.add(pn)) {
                    throw new CinnDataException("Column '" + pn + "' is part of two compositions, or twice of one.");
                }
                if (spec.lower(pn) != null || spec.upper(pn) != null || spec.integer(pn) || spec.unbounded(pn)) {
                    throw new CinnDataException("Column '" + pn + "' is part of the composition " + cs + " and so "
                            + "lies in [0, " + num(cs.total()) + "]; remove its other declarations.");
                }
            }
            if (!(cs.total() > 0)) {
                throw new CinnDataException("The composition " + cs + " needs a positive total.");
            }
            if (cs.parts().size() < (cs.exact() ? 2 : 1)) {
                throw new CinnDataException("The composition " + cs + " needs at least " + (cs.exact() ? 2 : 1)
                        + " parts.");
            }
            if (!copied) {
                double[][] c = new double[n][];
                for (int r = 0; r < n; r++) {
                    c[r] = x[r].clone();
                }
                x = c;
                copied = true;
            }
            comps.add(fitComposition(cs, idx, x, data, warnings));
        }
        ColumnDomain[] cols = new ColumnDomain[d];
        boolean any = !comps.isEmpty();
        for (int j = 0; j < d; j++) {
            if (inComp.contains(names.get(j))) {
                continue;
            }
            cols[j] = fitColumn(names.get(j), j, x, data, spec);
            any |= !cols[j].isIdentity();
        }
        if (!any) {
            return new Fit(null, x, warnings, notes);
        }
        Domains dom = new Domains(names, cols, comps, 0);
        notes.add("Column domains: " + String.join("; ", dom.describe()) + ". Designs stay inside them by "
                + "construction; override with the column domain declarations.");
        return new Fit(dom, x, warnings, notes);
    }

    private static ColumnDomain fitColumn(String name, int j, double[][] x, TrainingData data, DomainSpec spec)
            throws CinnDataException {
        int n = x.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        Set<Double> levels = new HashSet<>();
        for (double[] row : x) {
            double v = row[j];
            min = Math.min(min, v);
            max = Math.max(max, v);
            whole &= v == Math.rint(v);
            if (levels.size() <= MAX_INTEGER_LEVELS) {
                levels.add(v);
            }
        }
        boolean declared = spec.lower(name) != null || spec.upper(name) != null || spec.integer(name)
                || spec.continuous(name) || spec.unbounded(name);
        if (spec.unbounded(name)) {
            return new ColumnDomain(name, Double.NaN, Double.NaN, false, 0, 0, 0, 0, true);
        }
        boolean infer = spec.infer();
        double lower = spec.lower(name) != null ? spec.lower(name) : infer && min >= 0 ? 0 : Double.NaN;
        double upper = spec.upper(name) != null ? spec.upper(name) : infer && min >= 0 && max <= 1 ? 1 : Double.NaN;
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && !(lower < upper)) {
            throw new CinnDataException("Column '" + name + "' has the lower bound " + num(lower)
                    + " and the upper bound " + num(upper) + "; the lower bound must be below the upper.");
        }
        for (int r = 0; r < n; r++) {
            double v = x[r][j];
            if (v < lower || v > upper) {
                throw new CinnDataException("Column '" + name + "' has the value " + num(v) + " in row "
                        + data.rowName(r) + ", " + (v < lower ? "below its lower bound " + num(lower)
                                : "above its upper bound " + num(upper)) + ".");
            }
        }
        boolean wholeNumber;
        if (spec.integer(name)) {
            for (int r = 0; r < n; r++) {
                if (x[r][j] != Math.rint(x[r][j])) {
                    throw new CinnDataException("Column '" + name + "' is declared to hold whole numbers, but row "
                            + data.rowName(r) + " has " + num(x[r][j]) + ".");
                }
            }
            wholeNumber = true;
        } else {
            int k = levels.size();
            wholeNumber = infer && !spec.continuous(name) && whole
                    && (k == 2 || k <= MAX_INTEGER_LEVELS && k * ROWS_PER_INTEGER_LEVEL <= n);
        }
        if (wholeNumber) {
            if (!Double.isNaN(lower)) {
                lower = Math.ceil(lower);
            }
            if (!Double.isNaN(upper)) {
                upper = Math.floor(upper);
            }
            return new ColumnDomain(name, lower, upper, true, 0, 0, share(x, j, lower), share(x, j, upper),
                    declared);
        }
        double bandLo = band(x, j, lower, 1);
        double bandHi = band(x, j, upper, -1);
        if (!Double.isNaN(lower) && !Double.isNaN(upper)) {
            // the bands must not make the other bound's band overlap: keep each within a tenth of the range
            bandLo = Math.min(bandLo, 0.1 * (upper - lower));
            bandHi = Math.min(bandHi, 0.1 * (upper - lower));
        }
        return new ColumnDomain(name, lower, upper, false, bandLo, bandHi, share(x, j, lower), share(x, j, upper),
                declared);
    }

    private static double share(double[][] x, int j, double bound) {
        if (Double.isNaN(bound)) {
            return 0;
        }
        int c = 0;
        for (double[] row : x) {
            if (row[j] == bound) {
                c++;
            }
        }
        return (double) c / x.length;
    }

    /**
     * Point-mass offset δ at {@code bound} for column j: 0 when no row sits exactly on it, else the
     * {@value #BAND_OFFSET_QUANTILE} quantile of the other rows' distances from the bound, so that the band lies
     * right below the bulk of the continuous part in log(x − a + δ).
     */
    private static double band(double[][] x, int j, double bound, int side) {
        if (Double.isNaN(bound)) {
            return 0;
        }
        double[] dist = new double[x.length];
        int k = 0;
        boolean on = false;
        for (double[] row : x) {
            double dd = side * (row[j] - bound);
            if (dd == 0) {
                on = true;
            } else {
                dist[k++] = dd;
            }
        }
        return on ? offset(Arrays.copyOf(dist, k)) : 0;
    }

    private static double offset(double[] positive) {
        Arrays.sort(positive);
        return positive.length == 0 ? 1 : positive[(int) Math.floor(BAND_OFFSET_QUANTILE * (positive.length - 1))];
    }

    private static Composition fitComposition(DomainSpec.CompositionSpec cs, Map<String, Integer> idx, double[][] x,
            TrainingData data, List<String> warnings) throws CinnDataException {
        int p = cs.parts().size();
        int[] parts = new int[p];
        for (int i = 0; i < p; i++) {
            parts[i] = idx.get(cs.parts().get(i));
        }
        double t = cs.total();
        int scaled = 0;
        int firstScaled = -1;
        double worst = 0;
        for (int r = 0; r < x.length; r++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                double v = x[r][parts[i]];
                if (v < 0) {
                    throw new CinnDataException("Column '" + cs.parts().get(i) + "' is negative (" + num(v)
                            + ") in row " + data.rowName(r) + ", but it is a part of the composition " + cs + ".");
                }
                s += v;
            }
            boolean off = cs.exact() ? Math.abs(s - t) > SUM_TOLERANCE * t : s > t * (1 + SUM_TOLERANCE);
            if (off) {
                throw new CinnDataException("The parts " + String.join(" + ", cs.parts()) + " sum to " + num(s)
                        + " in row " + data.rowName(r) + ", " + (cs.exact() ? "not " : "above ") + num(t)
                        + " as the composition " + cs + " declares (tolerance " + pct(SUM_TOLERANCE)
                        + " of the total). Fix the row or the declaration.");
            }
            if (cs.exact() ? s != t : s > t) {
                for (int i = 0; i < p; i++) {
                    x[r][parts[i]] *= t / s;
                }
                if (Math.abs(s - t) > ZERO_REMAINDER * t) {
                    scaled++;
                    if (firstScaled < 0) {
                        firstScaled = r;
                        worst = s;
                    }
                }
            }
        }
        if (scaled > 0) {
            warnings.add(scaled + " training row(s) of the composition " + cs + " did not sum to the total "
                    + "within rounding (the first: row " + data.rowName(firstScaled) + ", sum " + num(worst)
                    + "); they were scaled onto " + num(t) + ".");
        }
        int free = cs.exact() ? p - 1 : p;
        double[] bands = new double[p];
        double[] shares = new double[p];
        for (int i = 0; i < p; i++) {
            double b = band(x, parts[i], 0, 1);
            shares[i] = share(x, parts[i], 0);
            if (b > 0 && i >= free) {
                int r0 = 0;
                while (x[r0][parts[i]] != 0) {
                    r0++;
                }
                throw new CinnDataException("Column '" + cs.parts().get(i) + "', the last part of the exact "
                        + "composition " + cs + ", is 0 in row " + data.rowName(r0) + "; list a part that is "
                        + "positive in every row last (it is the reference of the log-ratios).");
            }
            bands[i] = b;
        }
        double remBand = 0;
        double remShare = 0;
        if (!cs.exact()) {
            double[] pos = new double[x.length];
            int k = 0;
            int zero = 0;
            for (double[] row : x) {
                double s = 0;
                for (int j : parts) {
                    s += row[j];
                }
                double rem = t - s;
                if (rem <= ZERO_REMAINDER * t) {
                    zero++;
                } else {
                    pos[k++] = rem;
                }
            }
            if (zero > 0) {
                remBand = offset(Arrays.copyOf(pos, k));
                remShare = (double) zero / x.length;
            }
        }
        return new Composition(cs.parts(), t, cs.exact(), bands, remBand, shares, remShare);
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The {@code domains} member of model.json (format 2; see docs/model-format.md). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray cols = new JsonArray();
        for (ColumnDomain c : columns) {
            if (c == null) {
                continue;
            }
            JsonObject e = new JsonObject();
            e.addProperty("column", c.name());
            if (c.hasLower()) {
                e.addProperty("lower", c.lower());
            }
            if (c.hasUpper()) {
                e.addProperty("upper", c.upper());
            }
            e.addProperty("wholeNumber", c.wholeNumber());
            e.addProperty("bandLower", c.bandLower());
            e.addProperty("bandUpper", c.bandUpper());
            e.addProperty("shareAtLower", c.shareAtLower());
            e.addProperty("shareAtUpper", c.shareAtUpper());
            e.addProperty("declared", c.declared());
            cols.add(e);
        }
        o.add("columns", cols);
        JsonArray comps = new JsonArray();
        for (Composition c : compositions) {
            JsonObject e = new JsonObject();
            JsonArray parts = new JsonArray();
            c.parts().forEach(parts::add);
            e.add("parts", parts);
            e.addProperty("total", c.total());
            e.addProperty("exact", c.exact());
            JsonArray bands = new JsonArray();
            JsonArray shares = new JsonArray();
            for (int i = 0; i < c.parts().size(); i++) {
                bands.add(c.bands()[i]);
                shares.add(c.shares()[i]);
            }
            e.add("bands", bands);
            e.add("shares", shares);
            e.addProperty("remainderBand", c.remainderBand());
            e.addProperty("remainderShare", c.remainderShare());
            comps.add(e);
        }
        o.add("compositions", comps);
        o.addProperty("bandLogWidth", BAND_LOG_WIDTH);
        o.addProperty("validationLogJacobian", validationLogJacobian);
        return o;
    }

    /**
     * Reads the {@code domains} member written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when it is inconsistent with the design columns (the model file reader
     *         reports it as a corrupt file)
     */
    public static Domains fromJson(JsonObject o, List<String> xNames) {
        Map<String, Integer> idx = index(xNames);
        ColumnDomain[] cols = new ColumnDomain[xNames.size()];
        boolean[] covered = new boolean[xNames.size()];
        for (JsonElement el : o.getAsJsonArray("columns")) {
            JsonObject e = el.getAsJsonObject();
            String name = e.get("column").getAsString();
            Integer j = idx.get(name);
            if (j == null || covered[j]) {
                throw new IllegalArgumentException("domains.columns names '" + name + "' wrongly");
            }
            covered[j] = true;
            cols[j] = new ColumnDomain(name, e.has("lower") ? e.get("lower").getAsDouble() : Double.NaN,
                    e.has("upper") ? e.get("upper").getAsDouble() : Double.NaN, e.get("wholeNumber").getAsBoolean(),
                    nonNegative(e, "bandLower"), nonNegative(e, "bandUpper"), e.get("shareAtLower").getAsDouble(),
                    e.get("shareAtUpper").getAsDouble(), e.get("declared").getAsBoolean());
        }
        List<Composition> comps = new ArrayList<>();
        for (JsonElement el : o.getAsJsonArray("compositions")) {
            JsonObject e = el.getAsJsonObject();
            List<String> parts = new ArrayList<>();
            e.getAsJsonArray("parts").forEach(p -> parts.add(p.getAsString()));
            double[] bands = new double[parts.size()];
            double[] shares = new double[parts.size()];
            JsonArray ba = e.getAsJsonArray("bands");
            JsonArray sa = e.getAsJsonArray("shares");
            if (ba.size() != parts.size() || sa.size() != parts.size()) {
                throw new IllegalArgumentException("domains.compositions has bands of the wrong size");
            }
            for (int i = 0; i < parts.size(); i++) {
                Integer j = idx.get(parts.get(i));
                if (j == null || covered[j]) {
                    throw new IllegalArgumentException("domains.compositions names '" + parts.get(i) + "' wrongly");
                }
                covered[j] = true;
                bands[i] = ba.get(i).getAsDouble();
                shares[i] = sa.get(i).getAsDouble();
            }
            comps.add(new Composition(parts, e.get("total").getAsDouble(), e.get("exact").getAsBoolean(), bands,
                    nonNegative(e, "remainderBand"), shares, e.get("remainderShare").getAsDouble()));
        }
        if (o.has("bandLogWidth") && o.get("bandLogWidth").getAsDouble() != BAND_LOG_WIDTH) {
            throw new IllegalArgumentException("domains.bandLogWidth " + o.get("bandLogWidth")
                    + " is not the one this version knows (" + BAND_LOG_WIDTH + ")");
        }
        for (int j = 0; j < covered.length; j++) {
            if (!covered[j]) {
                throw new IllegalArgumentException("domains names no domain for column '" + xNames.get(j) + "'");
            }
        }
        return new Domains(xNames, cols, comps, o.get("validationLogJacobian").getAsDouble());
    }

    private static double nonNegative(JsonObject e, String m) {
        double v = e.get(m).getAsDouble();
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("domains member " + m + " is invalid");
        }
        return v;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
