package org.cinn4knime.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Per-column centre and scale of the training rows; the network works on (v − centre) / scale. The members keep
 * their format-1 names: models of format 1 store the mean and standard deviation; models trained since format 2
 * store for the targets y the mean and standard deviation of the rows that are not gross outliers (judged by the
 * median and a robust spread, {@link #robust}), so that a few gross outliers cannot squash the other rows, and for
 * the design coordinates x the plain mean and standard deviation.
 */
record Standardisation(double[] xMean, double[] xStd, double[] yMean, double[] yStd) {
    /** MAD × this estimates σ for normal data. */
    static final double MAD_TO_SD = 1.4826;
    /** IQR / this estimates σ for normal data. */
    static final double IQR_TO_SD = 1.349;
    /** A value farther than this many robust standard deviations from the median is a gross outlier. */
    static final double GROSS_OUTLIER_SDS = 20;
    /** A column whose spread is at most this fraction of its magnitude is constant (relative, so units do not
     *  matter: 1e-13 farads trains like 0.1 pF). */
    static final double CONSTANT_RELATIVE = 1e-12;

    /**
     * Median and robust spread of column {@code j} over {@code rows}: the MAD × 1.4826; where that is 0 (more than
     * half the rows hold one value) the IQR / 1.349; where that is 0 too the standard deviation.
     *
     * @return {median, spread}
     * @throws CinnDataException if the column is constant relative to its magnitude, naming it
     */
    static double[] robustCentreSpread(double[][] v, int[] rows, int j, String name, String what)
            throws CinnDataException {
        int n = rows.length;
        double[] col = new double[n];
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            col[i] = v[rows[i]][j];
            magnitude = Math.max(magnitude, Math.abs(col[i]));
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(col);
        double median = p.evaluate(50);
        double spread;
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(col[i] - median);
        }
        double mad = new Percentile().withEstimationType(EstimationType.R_7).evaluate(dev, 50);
        spread = MAD_TO_SD * mad;
        if (!(spread > CONSTANT_RELATIVE * magnitude)) {
            spread = (p.evaluate(75) - p.evaluate(25)) / IQR_TO_SD;
        }
        if (!(spread > CONSTANT_RELATIVE * magnitude)) {
            double mean = Arrays.stream(col).average().orElse(0);
            double ss = 0;
            for (double a : col) {
                ss += (a - mean) * (a - mean);
            }
            spread = Math.sqrt(ss / Math.max(1, n - 1));
        }
        if (!(spread > CONSTANT_RELATIVE * magnitude) || !(spread > 0) || !Double.isFinite(spread)) {
            throw new CinnDataException("Column '" + name + "' is constant within the training rows (after the "
                    + "validation split; every row is " + col[0] + "); a cINN cannot learn from a constant " + what
                    + " column. Remove the column or provide more varied rows.");
        }
        return new double[] {median, spread};
    }

    /**
     * The standardisation of the training rows: the targets y by the mean and standard deviation of the rows that are
     * not gross outliers ({@link #trimmedMeanSd}), so that a few values 1,000× too large (a unit slip) cannot squash
     * the conditions of all other rows; the design coordinates x by their mean and standard deviation (the network's coordinates after any column-domain transform, where a dequantised point
     * mass forms a second mode that a robust spread would ignore). The scale comes from {@code rows} (the training
     * rows) only; the warnings about gross outliers are about the data and come from {@link #outlierWarnings} over all
     * rows.
     *
     * @throws CinnDataException naming a column that is constant relative to its magnitude
     */
    static Standardisation robust(double[][] x, double[][] y, int[] rows, String[] xNames, String[] yNames)
            throws CinnDataException {
        double[] xm = new double[xNames.length];
        double[] xs = new double[xNames.length];
        for (int j = 0; j < xNames.length; j++) {
            double[] ms = meanSd(x, rows, j, xNames[j]);
            xm[j] = ms[0];
            xs[j] = ms[1];
        }
        double[] ym = new double[yNames.length];
        double[] ys = new double[yNames.length];
        for (int j = 0; j < yNames.length; j++) {
            double[] cs = robustCentreSpread(y, rows, j, yNames[j], "target");
            double[] ms = trimmedMeanSd(y, rows, j, cs, yNames[j]);
            ym[j] = ms[0];
            ys[j] = ms[1];
        }
        return new Standardisation(xm, xs, ym, ys);
    }

    /**
     * Mean and standard deviation of column j over the rows that are not gross outliers (within
     * {@link #GROSS_OUTLIER_SDS} robust standard deviations of the median, {@link #robustCentreSpread}): the plain
     * mean and standard deviation for a column without gross outliers, and unmoved by a few values 1,000× too large.
     *
     * @param cs the column's {median, robust spread} from {@link #robustCentreSpread}
     */
    static double[] trimmedMeanSd(double[][] v, int[] rows, int j, double[] cs, String name) {
        int[] kept = Arrays.stream(rows)
                .filter(r -> Math.abs(v[r][j] - cs[0]) <= GROSS_OUTLIER_SDS * cs[1]).toArray();
        try {
            return kept.length >= 2 ? meanSd(v, kept, j, name) : cs;
        } catch (CinnDataException e) {
            return cs; // the kept rows are constant: the robust figures are the scale
        }
    }

    /** Mean and standard deviation of column j over rows; constant only relative to the column's magnitude. */
    static double[] meanSd(double[][] v, int[] rows, int j, String name) throws CinnDataException {
        int n = rows.length;
        double mean = 0;
        double magnitude = 0;
        for (int r : rows) {
            mean += v[r][j] / n;
            magnitude = Math.max(magnitude, Math.abs(v[r][j]));
        }
        double ss = 0;
        for (int r : rows) {
            ss += (v[r][j] - mean) * (v[r][j] - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, n - 1));
        if (!(sd > CONSTANT_RELATIVE * magnitude) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new CinnDataException("Column '" + name + "' is constant within the training rows (after the "
                    + "validation split; every row is " + v[rows[0]][j] + "); a cINN cannot learn from a constant "
                    + "design column. Remove the column or provide more varied rows.");
        }
        return new double[] {mean, sd};
    }

    /**
     * A warning for every column that holds gross outliers: values farther than {@link #GROSS_OUTLIER_SDS} robust
     * standard deviations from the median (constant columns are skipped; they are reported elsewhere). The trainer
     * passes all rows, training and validation, so that the warnings describe the table and do not depend on which
     * rows the seed holds out.
     *
     * @param rows the rows to judge (the median and robust spread come from them too)
     * @param what "design" or "target": the word in the warning, and for targets the note that they are scaled
     *        without the outliers
     * @param rowName the user-facing name of a 0-based row index
     */
    static void outlierWarnings(double[][] v, int[] rows, String[] names, String what, IntFunction<String> rowName,
            List<String> warnings) {
        for (int j = 0; j < names.length; j++) {
            double[] cs;
            try {
                cs = robustCentreSpread(v, rows, j, names[j], what);
            } catch (CinnDataException e) {
                continue;
            }
            String w = outlierWarning(v, rows, j, cs, names[j], what, rowName);
            if (w != null) {
                warnings.add(w);
            }
        }
    }

    /**
     * The warning for column j if it holds gross outliers, else null.
     *
     * @param cs the column's {median, robust spread} from {@link #robustCentreSpread}
     */
    private static String outlierWarning(double[][] v, int[] rows, int j, double[] cs, String name, String what,
            IntFunction<String> rowName) {
        int count = 0;
        int worst = -1;
        double worstDev = 0;
        for (int r : rows) {
            double dev = Math.abs(v[r][j] - cs[0]) / cs[1];
            if (dev > GROSS_OUTLIER_SDS) {
                count++;
                if (dev > worstDev) {
                    worstDev = dev;
                    worst = r;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return "The " + what + " column '" + name + "' has " + count + " gross outlier" + (count > 1 ? "s" : "")
                + ": value" + (count > 1 ? "s" : "") + " more than " + (int) GROSS_OUTLIER_SDS + " robust standard "
                + "deviations from its median " + NumberText.fmt(cs[0]) + " (robust sd " + NumberText.fmt(cs[1])
                + "), the farthest " + NumberText.fmt(v[worst][j]) + " in row " + rowName.apply(worst) + ". A unit "
                + "slip or a typo? Check or remove these rows"
                + ("target".equals(what) ? "; the targets are scaled without them, so they do not squash the "
                        + "other rows, but the model still trains on them." : ".");
    }

    /** log|det| of the x standardisation: −Σ log std (added to every log-density in user units). */
    double xLogDet() {
        double s = 0;
        for (double v : xStd) {
            s -= Math.log(v);
        }
        return s;
    }

    /** Standardised values of rows[from, from + n) into feature-major {@code dst} ([d, n]). */
    static void toFeatureMajor(double[][] rows, int from, int n, double[] mean, double[] std, double[] dst) {
        int d = mean.length;
        for (int r = 0; r < n; r++) {
            double[] row = rows[from + r];
            for (int j = 0; j < d; j++) {
                dst[j * n + r] = (row[j] - mean[j]) / std[j];
            }
        }
    }

    /** Rows of user-unit values from feature-major standardised {@code src} ([d, n]). */
    static double[][] fromFeatureMajor(double[] src, int n, double[] mean, double[] std) {
        int d = mean.length;
        double[][] out = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                out[r][j] = src[j * n + r] * std[j] + mean[j];
            }
        }
        return out;
    }
}
