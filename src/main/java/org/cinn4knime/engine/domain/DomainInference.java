package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.TrainingData;

/**
 * Inference of the column domains from the training rows and validation of the user's declarations
 * ({@link DomainSpec}); see {@link Domains#fit}. Stateless.
 */
final class DomainInference {
    /**
     * A column inside [0, 1] is inferred to be a fraction in [0, 1] only when its largest value exceeds this; below,
     * it gets only the lower bound 0 (a scaled softplus, the same in every unit).
     */
    static final double FRACTION_MIN_MAX = 0.5;
    /**
     * A column in [0, 100] without a percentage name and without an upper bound gets a note suggesting the upper
     * bound 100 when its largest value exceeds this (a column of small values is more likely not a percentage).
     */
    static final double PERCENT_HINT_MIN_MAX = 50;
    /**
     * Whole-number inference needs every |value| below this: beyond, x + U[0, 1) is no longer representable exactly
     * enough in a double for uniform dequantisation.
     */
    static final double MAX_WHOLE = 1e15;

    private DomainInference() {
    }

    /** See {@link Domains#fit}. */
    static Domains.Fit fit(TrainingData data, DomainSpec spec) throws CinnDataException {
        List<String> names = List.of(data.xNames());
        Map<String, Integer> idx = Domains.index(names);
        spec.check(names);
        int d = names.size();
        int n = data.rows();
        // a copy: compositions scale rows onto their total and rows on a bound without a point mass move inside it
        double[][] x = new double[n][];
        for (int r = 0; r < n; r++) {
            x[r] = data.x()[r].clone();
        }
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Composition> comps = new ArrayList<>();
        Set<String> inComp = new HashSet<>();
        for (DomainSpec.CompositionSpec cs : spec.compositions()) {
            inComp.addAll(cs.parts());
            comps.add(fitComposition(cs, idx, x, data, warnings));
        }
        String hint = spec.compositions().isEmpty() ? CompositionHint.of(names, x) : null;
        ColumnDomain[] cols = new ColumnDomain[d];
        boolean any = !comps.isEmpty();
        List<String> columnNotes = new ArrayList<>();
        Set<String> fromName = new HashSet<>();
        for (int j = 0; j < d; j++) {
            if (inComp.contains(names.get(j))) {
                continue;
            }
            cols[j] = fitColumn(names.get(j), j, x, data, spec, columnNotes, fromName);
            any |= !cols[j].isIdentity();
            // rows on a bound without a point mass (one or two rounded values such as 1.0000) are ordinary values:
            // they train at the point where the Scorer puts such a value, just inside the bound
            ColumnDomain c = cols[j];
            if (!c.wholeNumber()) {
                for (int r = 0; r < n; r++) {
                    boolean onLo = c.hasLower() && !c.massAtLower() && x[r][j] == c.lower();
                    boolean onHi = c.hasUpper() && !c.massAtUpper() && x[r][j] == c.upper();
                    if (onLo || onHi) {
                        x[r][j] = ScalarBijection.insideBound(c, onLo);
                    }
                }
            }
        }
        if (!any) {
            return new Domains.Fit(null, x, warnings, notes);
        }
        Domains dom = new Domains(names, cols, comps, 0);
        notes.add("Column domains: " + String.join("; ", dom.describe(fromName)) + ". Designs stay inside them by "
                + "construction; override with the column domain declarations.");
        notes.addAll(columnNotes);
        if (hint != null) {
            notes.add(hint);
        }
        return new Domains.Fit(dom, x, warnings, notes);
    }

    /**
     * Whether a column name says the column is a percentage: it contains '%' or, case-insensitively, one of its word
     * parts (split at non-letters and at lower-to-upper case changes) is "pct", "perc", "percent" or "percentage"
     * ({@code porosity_pct}, {@code Porosity (%)}, {@code wt_percent}, {@code moisturePct}).
     */
    static boolean isPercentageName(String name) {
        if (name.contains("%")) {
            return true;
        }
        for (String part : name.split("[^\\p{L}]+|(?<=\\p{Ll})(?=\\p{Lu})")) {
            String w = part.toLowerCase(java.util.Locale.ROOT);
            if (w.equals("pct") || w.equals("perc") || w.equals("percent") || w.equals("percentage")) {
                return true;
            }
        }
        return false;
    }

    private static ColumnDomain fitColumn(String name, int j, double[][] x, TrainingData data, DomainSpec spec,
            List<String> notes, Set<String> fromName) throws CinnDataException {
        int n = x.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double[] row : x) {
            double v = row[j];
            min = Math.min(min, v);
            max = Math.max(max, v);
            whole &= v == Math.rint(v) && Math.abs(v) < MAX_WHOLE;
        }
        boolean declared = spec.lower(name) != null || spec.upper(name) != null || spec.integer(name)
                || spec.continuous(name) || spec.unbounded(name);
        if (spec.unbounded(name)) {
            return new ColumnDomain(name, Double.NaN, Double.NaN, false, 0, 0, 0, 0, true, 1);
        }
        boolean infer = spec.infer();
        double lower = spec.lower(name) != null ? spec.lower(name) : infer && min >= 0 ? 0 : Double.NaN;
        // unit-free: the upper bound 1 (a fraction) only when the column reaches into the upper half; a column of
        // small values is more likely an amount in small units, whose scaled softplus is the same in every unit
        boolean percentByName = infer && spec.upper(name) == null && min >= 0 && max <= 100
                && isPercentageName(name);
        double upper = spec.upper(name) != null ? spec.upper(name)
                : percentByName ? 100
                : infer && min >= 0 && max <= 1 && max > FRACTION_MIN_MAX ? 1 : Double.NaN;
        if (percentByName) {
            fromName.add(name);
        } else if (infer && Double.isNaN(upper) && min >= 0 && max <= 100 && max > PERCENT_HINT_MIN_MAX) {
            notes.add("Column '" + name + "' lies in [0, 100] and reaches " + Domains.num(max) + ": if it is a "
                    + "percentage, declare 'upper " + name + "=100' (command line: --upper " + name + "=100) so that "
                    + "designs stay at or below 100.");
        }
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && !(lower < upper)) {
            throw new CinnDataException("Column '" + name + "' has the lower bound " + Domains.num(lower)
                    + " and the upper bound " + Domains.num(upper) + "; the lower bound must be below the upper.");
        }
        for (int r = 0; r < n; r++) {
            double v = x[r][j];
            if (v < lower || v > upper) {
                throw new CinnDataException("Column '" + name + "' has the value " + Domains.num(v) + " in row "
                        + data.rowName(r) + ", " + (v < lower ? "below its lower bound " + Domains.num(lower)
                                : "above its upper bound " + Domains.num(upper)) + ".");
            }
        }
        boolean wholeNumber;
        if (spec.integer(name)) {
            for (int r = 0; r < n; r++) {
                if (x[r][j] != Math.rint(x[r][j])) {
                    throw new CinnDataException("Column '" + name + "' is declared to hold whole numbers, but row "
                            + data.rowName(r) + " has " + Domains.num(x[r][j]) + ".");
                }
            }
            wholeNumber = true;
        } else {
            wholeNumber = infer && !spec.continuous(name) && whole;
        }
        if (wholeNumber) {
            if (!Double.isNaN(lower)) {
                lower = Math.ceil(lower);
            }
            if (!Double.isNaN(upper)) {
                upper = Math.floor(upper);
            }
            return new ColumnDomain(name, lower, upper, true, 0, 0, PointMassBand.share(x, j, lower),
                    PointMassBand.share(x, j, upper), declared, softplusScale(x, j, lower, upper));
        }
        // a point mass needs enough rows on the bound; fewer are ordinary values (see the nudge in fit)
        double bandLo = PointMassBand.isPointMass(x, j, lower) ? PointMassBand.offset(x, j, lower, 1) : 0;
        double bandHi = PointMassBand.isPointMass(x, j, upper) ? PointMassBand.offset(x, j, upper, -1) : 0;
        if (!Double.isNaN(lower) && !Double.isNaN(upper)) {
            // the bands must not make the other bound's band overlap: keep each within a tenth of the range
            bandLo = Math.min(bandLo, 0.1 * (upper - lower));
            bandHi = Math.min(bandHi, 0.1 * (upper - lower));
        }
        return new ColumnDomain(name, lower, upper, false, bandLo, bandHi, PointMassBand.share(x, j, lower),
                PointMassBand.share(x, j, upper), declared, softplusScale(x, j, lower, upper));
    }

    /**
     * The scale s (column units, &gt; 0) of the scaled softplus of a one-sided bound: the median distance from the
     * bound of the training rows not on it (a robust scale of the continuous part that scales with the unit); 1 when
     * the column has two bounds or none (unused) or no row lies off the bound.
     */
    static double softplusScale(double[][] x, int j, double lower, double upper) {
        boolean lo = !Double.isNaN(lower);
        if (lo == !Double.isNaN(upper)) {
            return 1;
        }
        double[] dist = new double[x.length];
        int k = 0;
        for (double[] row : x) {
            double dd = lo ? row[j] - lower : upper - row[j];
            if (dd > 0) {
                dist[k++] = dd;
            }
        }
        if (k == 0) {
            return 1;
        }
        double[] d = Arrays.copyOf(dist, k);
        Arrays.sort(d);
        double m = k % 2 == 1 ? d[k / 2] : d[k / 2 - 1] + (d[k / 2] - d[k / 2 - 1]) / 2;
        return m > 0 && Double.isFinite(m) ? m : 1;
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
            double s = LogRatioMap.checkedSum(cs.parts(), parts, t, cs.exact(), x[r], data.rowName(r));
            // a sum within rounding of the total is the total (for <=: the remainder is 0, a point mass)
            boolean rounding = Math.abs(s - t) <= Domains.SUM_ROUNDING * t;
            if (cs.exact() || s > t || rounding) {
                if (s != t) {
                    for (int i = 0; i < p; i++) {
                        x[r][parts[i]] *= t / s;
                    }
                }
                if (!rounding) {
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
                    + "within rounding (the first: row " + data.rowName(firstScaled) + ", sum "
                    + Domains.numExact(worst) + ", off by " + Domains.num(worst - t) + "); they were scaled onto "
                    + Domains.num(t) + " (deviations up to " + Domains.num(Domains.SUM_ROUNDING * t)
                    + " count as rounding).");
        }
        int free = cs.exact() ? p - 1 : p;
        double[] bands = new double[p];
        double[] shares = new double[p];
        for (int i = 0; i < p; i++) {
            double b = PointMassBand.offset(x, parts[i], 0, 1);
            shares[i] = PointMassBand.share(x, parts[i], 0);
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
                if (rem <= Domains.SUM_ROUNDING * t) {
                    zero++;
                } else {
                    pos[k++] = rem;
                }
            }
            if (zero > 0) {
                remBand = PointMassBand.quantileOffset(Arrays.copyOf(pos, k));
                remShare = (double) zero / x.length;
            }
        }
        return new Composition(cs.parts(), t, cs.exact(), bands, remBand, shares, remShare);
    }
}
