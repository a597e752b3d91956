package org.cinn4knime.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Where the training targets lie, to flag wanted targets the model never saw (issue 10, item 2). A conditional
 * density model is only trustworthy near the conditions it was trained on; far outside, its designs and their
 * log-densities mean nothing (Nalisnick et al., "Do deep generative models know what they don't know?", ICLR 2019).
 * Two cheap checks, both in the user's units of y:
 * <ol>
 * <li><b>Range</b>: every target column must lie within the training targets' [min, max], widened by
 * {@link #MARGIN} of the range on each side.</li>
 * <li><b>Neighbours</b>: the distance from the target to its {@code k}-th nearest training target (k =
 * {@link #NEIGHBOURS}, fewer for tiny tables), each column divided by the model's y scale (its standard deviation
 * without gross outliers), must
 * not exceed {@link #THRESHOLD_FACTOR} × the 99th percentile of the same distance among the training targets
 * themselves (each left out of its own neighbours), and at least {@link #MIN_THRESHOLD}. This catches combinations
 * inside the box that no training row resembles (two correlated targets asked for in an anti-correlated
 * combination).</li>
 * </ol>
 * The reference set is a seeded subsample of at most {@link #MAX_REFERENCE} training target rows (all of them for
 * smaller tables); it is stored in the model file (member {@code targets}, format 2).
 * <p>
 * Models of format 1 stored only the targets' mean and standard deviation: for them the range is derived as mean ±
 * {@link #LEGACY_SDS} standard deviations per column and there is no neighbour check ({@link #isDerived()}).
 * <p>
 * Immutable and thread-safe.
 */
public final class TargetRange {
    /** Margin added on each side of the training range, as a fraction of the range. */
    public static final double MARGIN = 0.05;
    /** Neighbour rank k of the distance check. */
    public static final int NEIGHBOURS = 5;
    /** Largest reference set stored (rows of training targets). */
    public static final int MAX_REFERENCE = 1000;
    /** Percentile (of the training targets' own k-NN distances) the threshold is built on. */
    public static final double PERCENTILE = 99;
    /** Threshold = this factor × the percentile above. */
    public static final double THRESHOLD_FACTOR = 3;
    /** Smallest threshold, in units of the y scale: a target this close to training targets always resembles
     *  them (large tables have tiny neighbour distances, tables with repeated targets have zero ones). */
    public static final double MIN_THRESHOLD = 0.25;
    /** Format-1 models: range = mean ± this many standard deviations. */
    public static final double LEGACY_SDS = 4;

    private final List<String> yNames;
    private final double[] min;
    private final double[] max;
    private final double[] low;
    private final double[] high;
    private final double[] scale;
    private final double[][] reference;
    private final int k;
    private final double threshold;
    private final boolean derived;

    TargetRange(List<String> yNames, double[] min, double[] max, double[] scale, double[][] reference, int k,
            double threshold, boolean derived) {
        this.yNames = List.copyOf(yNames);
        this.min = min.clone();
        this.max = max.clone();
        this.scale = scale.clone();
        this.reference = reference;
        this.k = k;
        this.threshold = threshold;
        this.derived = derived;
        low = new double[min.length];
        high = new double[min.length];
        for (int j = 0; j < min.length; j++) {
            double m = derived ? 0 : MARGIN * (max[j] - min[j]);
            low[j] = min[j] - m;
            high[j] = max[j] + m;
        }
    }

    /**
     * From the training targets.
     *
     * @param yNames target column names
     * @param y target rows in the user's units ([n][C]); all rows are used for the range
     * @param scale per-column scale (&gt; 0) by which distances are measured, the model's y scale
     * @param seed seed of the reference subsample
     */
    static TargetRange fromTrainingTargets(List<String> yNames, double[][] y, double[] scale, long seed) {
        int c = scale.length;
        double[] min = new double[c];
        double[] max = new double[c];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : y) {
            for (int j = 0; j < c; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        int n = y.length;
        int[] pick;
        if (n <= MAX_REFERENCE) {
            pick = new int[n];
            for (int i = 0; i < n; i++) {
                pick[i] = i;
            }
        } else {
            pick = Arrays.copyOf(Permutations.random(n, new SplittableRandom(seed ^ 0x7A56E7L)), MAX_REFERENCE);
            Arrays.sort(pick);
        }
        double[][] ref = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            ref[i] = y[pick[i]].clone();
        }
        int k = Math.max(1, Math.min(NEIGHBOURS, ref.length - 1));
        double threshold = MIN_THRESHOLD;
        if (ref.length >= 2) {
            double[] own = new double[ref.length];
            for (int i = 0; i < ref.length; i++) {
                own[i] = kthDistance(ref, scale, ref[i], k, i);
            }
            threshold = Math.max(MIN_THRESHOLD, THRESHOLD_FACTOR * new Percentile(PERCENTILE).evaluate(own));
        }
        return new TargetRange(yNames, min, max, scale, ref, k, threshold, false);
    }

    /** For a model of format 1: mean ± {@link #LEGACY_SDS} standard deviations, no neighbour check. */
    static TargetRange fromStandardisation(List<String> yNames, double[] mean, double[] sd) {
        int c = mean.length;
        double[] min = new double[c];
        double[] max = new double[c];
        for (int j = 0; j < c; j++) {
            min[j] = mean[j] - LEGACY_SDS * sd[j];
            max[j] = mean[j] + LEGACY_SDS * sd[j];
        }
        return new TargetRange(yNames, min, max, sd, new double[0][], 0, Double.NaN, true);
    }

    /** Distance to the k-th nearest reference row (skipping index {@code skip}), in units of the y scale. */
    private static double kthDistance(double[][] ref, double[] scale, double[] t, int k, int skip) {
        // the k smallest squared distances, kept sorted ascending
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < ref.length; i++) {
            if (i == skip) {
                continue;
            }
            double[] r = ref[i];
            double s = 0;
            for (int j = 0; j < t.length; j++) {
                double e = (t[j] - r[j]) / scale[j];
                s += e * e;
            }
            if (s < best[k - 1]) {
                int p = k - 1;
                while (p > 0 && best[p - 1] > s) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = s;
            }
        }
        return Math.sqrt(best[k - 1]);
    }

    /**
     * The verdict for one target row.
     *
     * @param inRange true when the target lies within the widened training range and near enough to training
     *        targets
     * @param distance the k-th nearest-neighbour distance divided by the threshold (above 1: too far from every
     *        training target); for format-1 models the largest |y − mean| / (4 sd) over the columns
     * @param reason why the target is flagged (empty when in range), naming the column or the distance
     */
    public record Check(boolean inRange, double distance, String reason) {
    }

    /**
     * Checks one target row (C values in the user's units).
     *
     * @throws IllegalArgumentException if the row has the wrong length
     */
    public Check check(double[] target) {
        if (target.length != min.length) {
            throw new IllegalArgumentException("A target row has " + target.length + " values; the model has "
                    + min.length + " target columns.");
        }
        String reason = "";
        for (int j = 0; j < target.length && reason.isEmpty(); j++) {
            if (!(target[j] >= low[j] && target[j] <= high[j])) {
                reason = String.format(Locale.ROOT, "'%s' = %s lies outside the training range %s … %s",
                        yNames.get(j), NumberText.fmt(target[j]), NumberText.fmt(min[j]), NumberText.fmt(max[j]))
                        + (derived ? " (mean ± 4 sd; a format-1 model stores no range)" : "");
            }
        }
        double distance;
        if (derived) {
            distance = 0;
            for (int j = 0; j < target.length; j++) {
                distance = Math.max(distance, Math.abs(target[j] - (min[j] + max[j]) / 2) / (max[j] - min[j]) * 2);
            }
        } else {
            distance = kthDistance(reference, scale, target, k, -1) / threshold;
            if (reason.isEmpty() && distance > 1) {
                reason = String.format(Locale.ROOT, "no training target is near it (distance %s, above 1)",
                        NumberText.fmt(distance));
            }
        }
        return new Check(reason.isEmpty(), distance, reason);
    }

    /** Checks many rows. */
    public Check[] check(double[][] targets) {
        Check[] out = new Check[targets.length];
        for (int r = 0; r < targets.length; r++) {
            out[r] = check(targets[r]);
        }
        return out;
    }

    /**
     * The caveat of a range derived from a format-1 model ({@link #isDerived()}): one sentence, part of every
     * {@link Tally#warning()} of such a model.
     */
    public static final String DERIVED_NOTE = "This model was saved before training-target ranges were stored (model "
            + "file format 1), so targets are checked only against the training targets' mean ± " + (int) LEGACY_SDS
            + " standard deviations.";

    /**
     * A tally of this range's verdicts on a stream of rows, for the one warning that the Sampler and Scorer nodes and
     * the command line give about flagged targets.
     *
     * @param what what the rows are, plural ("target rows", "rows")
     * @param flagColumn the output column that is false for a flagged row (e.g. "Target in training range")
     */
    public Tally tally(String what, String flagColumn) {
        return new Tally(this, what, flagColumn);
    }

    /**
     * Counts checked and flagged rows and remembers the first flagged one, in the order they are added; gives the
     * warning in one wording for every caller. Not thread-safe: one caller thread.
     */
    public static final class Tally {
        private final TargetRange range;
        private final String what;
        private final String flagColumn;
        private long checked;
        private long flagged;
        private String first;

        private Tally(TargetRange range, String what, String flagColumn) {
            this.range = range;
            this.what = what;
            this.flagColumn = flagColumn;
        }

        /**
         * Checks one target row ({@link TargetRange#check(double[])}) and counts the verdict.
         *
         * @param rowName the row's name for the warning, asked for only if it is the first flagged row (e.g. "4",
         *        or a KNIME row key in quotes)
         */
        public Check check(double[] target, Supplier<String> rowName) {
            return add(range.check(target), rowName);
        }

        /** Counts a verdict of this range made elsewhere; returns it. */
        public Check add(Check c, Supplier<String> rowName) {
            checked++;
            if (!c.inRange()) {
                flagged++;
                if (first == null) {
                    first = rowName.get() + ": " + c.reason();
                }
            }
            return c;
        }

        /** Whether the range is derived from a format-1 model ({@link TargetRange#isDerived()}). */
        public boolean rangeIsDerived() {
            return range.isDerived();
        }

        /** Rows counted so far. */
        public long checked() {
            return checked;
        }

        /** Rows flagged so far. */
        public long flagged() {
            return flagged;
        }

        /**
         * One warning counting the flagged rows and naming the first, with {@link TargetRange#DERIVED_NOTE} for a
         * format-1 model; null when no row is flagged.
         */
        public String warning() {
            if (flagged == 0) {
                return null;
            }
            return flagged + " of " + checked + " " + what + " lie outside the training targets (first: row " + first
                    + "); the model extrapolates there, so its designs and log-densities for them are not "
                    + "trustworthy (column '" + flagColumn + "' is false)."
                    + (range.isDerived() ? " " + DERIVED_NOTE : "");
        }
    }

    /** Target column names. */
    public List<String> yNames() {
        return yNames;
    }

    /** Per column the smallest training target (format 1: mean − 4 sd). */
    public double[] min() {
        return min.clone();
    }

    /** Per column the largest training target (format 1: mean + 4 sd). */
    public double[] max() {
        return max.clone();
    }

    /** Per-column scale of the distance (the model's y scale). */
    double[] scale() {
        return scale.clone();
    }

    /** The stored reference rows ([m][C], user units; empty for format-1 models). Not copied. */
    double[][] reference() {
        return reference;
    }

    /** Neighbour rank k (0 for format-1 models). */
    int neighbours() {
        return k;
    }

    /** Distance threshold in units of the y scale (NaN for format-1 models). */
    double threshold() {
        return threshold;
    }

    /** True when derived from a format-1 model's standardisation (no stored range, no neighbour check). */
    public boolean isDerived() {
        return derived;
    }
}
