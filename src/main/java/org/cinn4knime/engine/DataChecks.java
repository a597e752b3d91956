package org.cinn4knime.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Checks of the design columns before training that name the culprit (issue 10, item 4): exactly dependent
 * columns (one a linear combination of others, e.g. total = w1 + w2) and discrete columns that are not treated as
 * whole numbers. A continuous density on such columns is infinite (the data lie on a lower-dimensional set), so the
 * loss falls without bound; these checks say so before training, with what to do. They warn, they do not refuse.
 */
final class DataChecks {
    /** Singular values below this fraction of the largest one (of the standardised columns) mean dependence. */
    static final double DEPENDENCE_TOLERANCE = 1e-7;
    /** Rows used for the dependence check (a seeded-free prefix of the standardised training rows). */
    static final int DEPENDENCE_ROWS = 5000;
    /** A column with at most this many distinct values is discrete even if its values are not whole. */
    static final int FEW_DISTINCT = 10;
    /** The largest factor suggested to make a discrete column's values whole (steps of 1/1000). */
    static final int MAX_WHOLE_FACTOR = 1000;

    private DataChecks() {
    }

    /**
     * Warnings about the design columns, judged in the user's units (before any column-domain transform, which is
     * nonlinear and would hide a relation such as total = w1 + w2).
     *
     * @param x the design rows in the user's units ([N][D])
     * @param rows the training rows (indices into {@code x})
     * @param names design column names
     * @param skipDependence columns left out of the dependence check (parts of a declared composition, whose sum is
     *        constant by definition and handled by the composition's transform); may be null
     * @param wholeNumberColumns names of the columns treated as whole numbers (not warned about as discrete)
     */
    static List<String> designWarnings(double[][] x, int[] rows, String[] names, boolean[] skipDependence,
            Set<String> wholeNumberColumns) {
        List<String> warnings = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        List<double[]> cs = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            if (skipDependence != null && skipDependence[j]) {
                continue;
            }
            try {
                cs.add(Standardisation.robustCentreSpread(x, rows, j, names[j], "design"));
                keep.add(j);
            } catch (CinnDataException e) {
                // constant within the training rows: reported elsewhere, no relation to judge
            }
        }
        int k = keep.size();
        double[][] xs = new double[k][rows.length];
        double[] centre = new double[k];
        double[] scale = new double[k];
        String[] kn = new String[k];
        for (int i = 0; i < k; i++) {
            int j = keep.get(i);
            centre[i] = cs.get(i)[0];
            scale[i] = cs.get(i)[1];
            kn[i] = names[j];
            for (int r = 0; r < rows.length; r++) {
                xs[i][r] = (x[rows[r]][j] - centre[i]) / scale[i];
            }
        }
        if (k >= 2) {
            warnings.addAll(dependentColumns(xs, centre, scale, kn));
        }
        warnings.addAll(discreteColumns(x, rows, names, wholeNumberColumns));
        return warnings;
    }

    /** One warning per exact linear relation among the standardised design columns (at most 3). */
    static List<String> dependentColumns(double[][] xs, double[] centre, double[] scale, String[] names) {
        int d = xs.length;
        List<String> warnings = new ArrayList<>();
        if (d < 2) {
            return warnings;
        }
        int n = Math.min(DEPENDENCE_ROWS, xs[0].length);
        if (n <= d) {
            return warnings; // n centred rows span at most n − 1 dimensions: any d ≥ n columns look dependent
        }
        // centred on the column means: a relation with a constant (total = w1 + w2 + 5) is a dependence too
        double[][] a = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += xs[j][i] / n;
            }
            for (int i = 0; i < n; i++) {
                a[i][j] = xs[j][i] - mean;
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] sv = svd.getSingularValues(); // descending
        RealMatrix v = svd.getV();
        for (int k = sv.length - 1; k >= 0 && sv[k] <= DEPENDENCE_TOLERANCE * sv[0] && warnings.size() < 3; k--) {
            double[] nv = v.getColumn(k);
            int lead = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(nv[j]) > Math.abs(nv[lead])) {
                    lead = j;
                }
            }
            // Σ nv_j (x_j − c_j)/s_j = 0  ⇒  x_lead = c_lead − s_lead/nv_lead · Σ_{j≠lead} nv_j (x_j − c_j)/s_j
            StringBuilder rel = new StringBuilder("'" + names[lead] + "' = ");
            double[] coefs = new double[d];
            for (int j = 0; j < d; j++) {
                coefs[j] = j == lead ? 0 : -scale[lead] / nv[lead] * nv[j] / scale[j];
            }
            // the constant in the user's units, averaged over the rows (exact relation: every row gives it)
            double constant = 0;
            for (int i = 0; i < n; i++) {
                double c = xs[lead][i] * scale[lead] + centre[lead];
                for (int j = 0; j < d; j++) {
                    c -= coefs[j] * (xs[j][i] * scale[j] + centre[j]);
                }
                constant += c / n;
            }
            List<String> involved = new ArrayList<>();
            involved.add("'" + names[lead] + "'");
            boolean firstTerm = true;
            for (int j = 0; j < d; j++) {
                if (j == lead || Math.abs(nv[j]) <= 1e-6 * Math.abs(nv[lead])) {
                    continue;
                }
                double coef = coefs[j];
                rel.append(firstTerm ? (coef < 0 ? "−" : "") : (coef < 0 ? " − " : " + "))
                        .append(NumberText.fmt(Math.abs(coef))).append("·'").append(names[j]).append("'");
                firstTerm = false;
                involved.add("'" + names[j] + "'");
            }
            if (Math.abs(constant) > 1e-9 * Math.max(scale[lead], Math.abs(centre[lead]))) {
                rel.append(constant < 0 ? " − " : " + ").append(NumberText.fmt(Math.abs(constant)));
            }
            warnings.add("The design columns " + String.join(", ", involved) + " are exactly dependent: " + rel
                    + " in every training row. A cINN needs a density over all design columns; on such data it is "
                    + "infinite and the loss falls without bound. Remove '" + names[lead] + "' from the design "
                    + "columns and compute it from the others after sampling"
                    + " (or, for parts of a whole, declare them a composition).");
        }
        return warnings;
    }

    /**
     * The smallest whole factor f ≤ {@link #MAX_WHOLE_FACTOR} that makes every value whole (within 1e-9 relative),
     * e.g. 2 for 0, 0.5, 1.5 and 10 for 0.1, 0.3; 0 when there is none.
     */
    static double wholeFactor(Set<Double> values) {
        for (int f = 2; f <= MAX_WHOLE_FACTOR; f++) {
            boolean ok = true;
            for (double v : values) {
                double s = v * f;
                ok &= Math.abs(s - Math.rint(s)) <= 1e-9 * Math.max(1, Math.abs(s));
            }
            if (ok) {
                return f;
            }
        }
        return 0;
    }

    /**
     * One warning per design column that is discrete (every value whole with at most half the rows distinct, or at
     * most {@link #FEW_DISTINCT} distinct values) and not in {@code wholeNumberColumns}.
     */
    static List<String> discreteColumns(double[][] x, int[] rows, String[] names, Set<String> wholeNumberColumns) {
        List<String> warnings = new ArrayList<>();
        int n = rows.length;
        for (int j = 0; j < names.length; j++) {
            if (wholeNumberColumns.contains(names[j])) {
                continue;
            }
            Set<Double> distinct = new HashSet<>();
            boolean whole = true;
            for (int r : rows) {
                double v = x[r][j];
                whole &= v == Math.rint(v);
                if (distinct.size() <= n / 2 + 1) {
                    distinct.add(v);
                }
            }
            boolean discrete = (whole && distinct.size() <= n / 2) || (distinct.size() <= FEW_DISTINCT && n >= 50);
            if (discrete) {
                String what;
                if (whole) {
                    what = "Declare it a whole-number column ('integer " + names[j] + "', command line --integer "
                            + names[j] + "; KNIME: an integer or long column) or remove it from the design columns.";
                } else {
                    double f = wholeFactor(distinct);
                    // a whole-number declaration needs whole values: a column of steps such as 0, 0.5 must be
                    // rescaled first ('integer' on it is an error naming the row with 0.5)
                    what = "It is treated as continuous: its designs take values between those too. "
                            + (f > 0 ? "If only these values are possible, multiply it by " + (int) f
                                    + " (its values become whole numbers, which training keeps whole) and divide "
                                    + "the designs by " + (int) f + ", or remove it from the design columns."
                                    : "If only these values are possible, recode them as whole numbers 0, 1, 2, … "
                                            + "(which training keeps whole), or remove it from the design columns.");
                }
                warnings.add("The design column '" + names[j] + "' is discrete: its " + n + " training rows hold "
                        + (distinct.size() <= FEW_DISTINCT ? "only " + distinct.size() : "few (" + distinct.size()
                                + ")") + " distinct " + (whole ? "whole numbers" : "values")
                        + ". A continuous density on it is infinite at those values, so the loss falls without "
                        + "bound and the designs are not " + (whole ? "whole" : "on those values") + ". " + what);
            }
        }
        return warnings;
    }
}
