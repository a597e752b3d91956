package org.cinn4knime.engine.domain;

/**
 * The domain of one design column outside any composition: optional bounds, whole numbers, point masses at the
 * bounds. {@code lower}/{@code upper} are NaN when absent. {@code bandLower}/{@code bandUpper} are the widths (in
 * the column's units) of the dequantisation bands beyond a bound that holds a point mass (0 when the bound holds
 * none). {@code shareAtLower}/{@code shareAtUpper} are the training rows' shares exactly on the bound (for the
 * summary). {@code declared} tells whether the user declared anything for this column. {@code scale} (column units,
 * &gt; 0) is the scale s of the scaled softplus used for a one-sided bound (see {@link ScalarBijection}): the median
 * distance of the training rows above the bound from it (1 for a two-sided or absent bound, where it is unused).
 */
public record ColumnDomain(String name, double lower, double upper, boolean wholeNumber, double bandLower,
        double bandUpper, double shareAtLower, double shareAtUpper, boolean declared, double scale) {

    public boolean hasLower() {
        return !Double.isNaN(lower);
    }

    public boolean hasUpper() {
        return !Double.isNaN(upper);
    }

    public boolean massAtLower() {
        return bandLower > 0;
    }

    public boolean massAtUpper() {
        return bandUpper > 0;
    }

    /** No bound and not whole-number: the network sees the column as it is. */
    public boolean isIdentity() {
        return !hasLower() && !hasUpper() && !wholeNumber;
    }

    /** One line for model summaries, e.g. {@code sulfur: ≥ 0, point mass at 0 (18.1 % of rows) (inferred)}. */
    public String describe() {
        return describe(false);
    }

    /** As {@link #describe()}; an inferred domain whose bounds came from the column's name says so. */
    String describe(boolean boundsFromName) {
        StringBuilder b = new StringBuilder(name).append(": ");
        if (hasLower() && hasUpper()) {
            b.append("in [").append(Domains.num(lower)).append(", ").append(Domains.num(upper)).append(']');
        } else if (hasLower()) {
            b.append("≥ ").append(Domains.num(lower));
        } else if (hasUpper()) {
            b.append("≤ ").append(Domains.num(upper));
        } else {
            b.append("unbounded");
        }
        if (wholeNumber) {
            b.append(", whole numbers");
        }
        if (massAtLower()) {
            b.append(", point mass at ").append(Domains.num(lower)).append(" (").append(Domains.pct(shareAtLower))
                    .append(" of rows)");
        }
        if (massAtUpper()) {
            b.append(", point mass at ").append(Domains.num(upper)).append(" (").append(Domains.pct(shareAtUpper))
                    .append(" of rows)");
        }
        b.append(declared ? " (declared)" : boundsFromName ? " (inferred from the name)" : " (inferred)");
        return b.toString();
    }
}
