package org.cinn4knime.nodes.common;

import org.knime.core.data.DataRow;

/** Applies a {@link MissingValuePolicy} row by row and counts the rows it skips for the node's warning. */
public final class MissingRows {

    private final MissingValuePolicy m_policy;

    private final String m_option;

    private final String m_what;

    private long m_skipped;

    private String m_first;

    /**
     * @param policy what to do with rows that have missing values
     * @param option the dialog label of the policy option, named in the error message
     * @param what which values are meant, for the warning (e.g. "x or y values")
     */
    public MissingRows(final MissingValuePolicy policy, final String option, final String what) {
        m_policy = policy;
        m_option = option;
        m_what = what;
    }

    /**
     * @param row an input row
     * @param missingColumn the first needed column with a missing value in this row, or null if there is none
     * @return whether to skip the row
     * @throws IllegalArgumentException naming row and column if the policy is {@link MissingValuePolicy#FAIL}
     */
    public boolean skip(final DataRow row, final String missingColumn) {
        if (missingColumn == null) {
            return false;
        }
        if (m_policy == MissingValuePolicy.FAIL) {
            throw new IllegalArgumentException("Row '" + row.getKey() + "' has a missing value in column '"
                + missingColumn + "'. Filter or impute missing values, or set '" + m_option + "' to skip such rows.");
        }
        if (m_skipped++ == 0) {
            m_first = row.getKey().getString();
        }
        return true;
    }

    /** @return the number of rows skipped so far */
    public long skipped() {
        return m_skipped;
    }

    /**
     * @param seen how many rows were read in total
     * @return the warning to show, or null if no row was skipped
     */
    public String warning(final long seen) {
        return m_skipped == 0 ? null
            : "Skipped " + m_skipped + " of " + seen + " rows with missing " + m_what + " (first: '" + m_first + "').";
    }
}
