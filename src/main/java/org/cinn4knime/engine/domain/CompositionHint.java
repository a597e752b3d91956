package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The note that suggests declaring a composition when none is declared and the design columns look like parts of a
 * whole (see {@link #of}); part of the column-domain inference ({@link DomainInference}). Stateless.
 */
final class CompositionHint {
    /** The composition hint needs the largest row sum to reach this share of 100 (or 1). */
    static final double HINT_MIN_REACH = 0.9;
    /**
     * A column is a part in the composition hint only when its largest value exceeds this share of the total (1 %):
     * strictly, so that a 0–1 fraction next to percentages (largest value 1 of 100) is no part.
     */
    static final double HINT_MIN_PART = 0.01;
    /** The exact-sum search among subsets of the hint's columns runs only up to this many columns (66 subsets). */
    static final int HINT_MAX_SEARCH = 12;

    private CompositionHint() {
    }

    /**
     * A note suggesting a composition when no composition is declared: for the total 100 (then 1), the design columns
     * that are never negative and whose largest value lies above {@link #HINT_MIN_PART} of the total and at most at
     * the total (at least two such columns) have row sums that never exceed the total by more than
     * {@link Domains#SUM_TOLERANCE} of it while reaching at least {@link #HINT_MIN_REACH} of it (e.g. elemental mass
     * percentages). The hint says {@code =} when every row sums to the total within {@link Domains#SUM_ROUNDING} (then
     * a part positive in every row is listed last, the log-ratio reference), else {@code <=}. When all such columns
     * do not fit, an exact sum (=) of all but one or two of them is looked for (A + B + C = 100 next to a temperature
     * of 20–90 °C); a mere "at most" among a subset is too weak a sign. Null when nothing fits.
     */
    static String of(List<String> names, double[][] x) {
        if (x.length == 0) {
            return null;
        }
        for (double t : new double[] {100, 1}) {
            List<Integer> parts = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : x) {
                    min = Math.min(min, row[j]);
                    max = Math.max(max, row[j]);
                }
                // a part of a whole in the total's unit: a 0–1 fraction (largest 1 = 1 % of 100) or a capacitance
                // in farads next to fractions is on another scale and no part of it
                if (min >= 0 && max > HINT_MIN_PART * t && max <= t * (1 + Domains.SUM_TOLERANCE)) {
                    parts.add(j);
                }
            }
            String hint = hint(names, x, parts, t, false);
            // an exact sum among some of the parts (A + B + C = 100 next to a temperature of 20–90) is strong
            // evidence: look for it leaving out one or two columns (a mere "at most" is not searched for)
            int m = parts.size() <= HINT_MAX_SEARCH ? parts.size() : 0;
            for (int i = 0; hint == null && i < m && m - 1 >= 2; i++) {
                List<Integer> sub = new ArrayList<>(parts);
                sub.remove(i);
                hint = hint(names, x, sub, t, true);
            }
            for (int i = 0; hint == null && i < m && m - 2 >= 2; i++) {
                for (int k = i + 1; hint == null && k < m; k++) {
                    List<Integer> sub = new ArrayList<>(parts);
                    sub.remove(k);
                    sub.remove(i);
                    hint = hint(names, x, sub, t, true);
                }
            }
            if (hint != null) {
                return hint;
            }
        }
        return null;
    }

    /**
     * The hint for the columns {@code parts} and the total t, or null when they are fewer than 2, exceed the total by
     * more than {@link Domains#SUM_TOLERANCE}, fall short of {@link #HINT_MIN_REACH}, or (exactOnly) do not sum to t
     * within {@link Domains#SUM_ROUNDING} in every row.
     */
    private static String hint(List<String> names, double[][] x, List<Integer> parts, double t, boolean exactOnly) {
        if (parts.size() < 2) {
            return null;
        }
        double max = 0;
        boolean exact = true;
        for (double[] row : x) {
            double s = 0;
            for (int j : parts) {
                s += row[j];
            }
            max = Math.max(max, s);
            exact &= Math.abs(s - t) <= Domains.SUM_ROUNDING * t;
        }
        if (max > t * (1 + Domains.SUM_TOLERANCE) || max < HINT_MIN_REACH * t || exactOnly && !exact) {
            return null;
        }
        List<Integer> order = new ArrayList<>(parts);
        if (exact) {
            // the log-ratio reference must be positive in every row: the part with the largest minimum goes last
            int best = order.get(0);
            double bestMin = Double.NEGATIVE_INFINITY;
            for (int j : order) {
                double min = Double.POSITIVE_INFINITY;
                for (double[] row : x) {
                    min = Math.min(min, row[j]);
                }
                if (min > bestMin) {
                    bestMin = min;
                    best = j;
                }
            }
            order.remove(Integer.valueOf(best));
            order.add(best);
        }
        List<String> pn = new ArrayList<>();
        order.forEach(j -> pn.add(names.get(j)));
        String decl = String.join(",", pn) + (exact ? "=" : "<=") + Domains.num(t);
        return "The columns " + String.join(", ", pn) + " are never negative and their row sums "
                + (exact ? "equal " + Domains.num(t) + " in every row (within rounding)"
                        : "stay at or below " + Domains.num(t) + " (largest " + Domains.num(max) + ")")
                + ": if they are parts of a whole, declare 'composition " + decl + "' (command line: --composition '"
                + decl + "') so that designs keep the sum too.";
    }
}
