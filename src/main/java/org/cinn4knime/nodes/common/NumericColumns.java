package org.cinn4knime.nodes.common;

import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.InvalidSettingsException;

/** Finds numeric columns by name in a table spec and reads them from rows. */
public final class NumericColumns {

    private NumericColumns() {
    }

    /** @return whether cells of this type can be read as numbers */
    public static boolean isNumeric(final DataType type) {
        return type.isCompatible(DoubleValue.class);
    }

    /** @return whether cells of this type are whole numbers (KNIME integer or long cells) */
    public static boolean isIntegral(final DataType type) {
        return IntCell.TYPE.equals(type) || LongCell.TYPE.equals(type);
    }

    /**
     * @param spec the input table spec
     * @param names the wanted columns
     * @param role what the columns are for, used in error messages (e.g. "y column of the cINN model")
     * @return the column indices, in the order of {@code names}
     * @throws InvalidSettingsException naming the first column that is absent or not numeric
     */
    public static int[] indices(final DataTableSpec spec, final List<String> names, final String role)
        throws InvalidSettingsException {
        final int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            final String name = names.get(i);
            idx[i] = spec.findColumnIndex(name);
            if (idx[i] < 0) {
                throw new InvalidSettingsException(
                    "The input table has no column '" + name + "' (" + role + "); add or rename it.");
            }
            checkNumeric(spec.getColumnSpec(idx[i]), role);
        }
        return idx;
    }

    /**
     * @param col a column spec
     * @param role what the column is for, used in the error message
     * @throws InvalidSettingsException naming the column if it is not numeric
     */
    public static void checkNumeric(final DataColumnSpec col, final String role) throws InvalidSettingsException {
        if (!isNumeric(col.getType())) {
            throw new InvalidSettingsException("Column '" + col.getName() + "' (" + role
                + ") is not numeric: its type is " + col.getType().getName() + ".");
        }
    }

    /**
     * @return the position (index into {@code idx}) of the first missing cell of the row in the given columns, or -1
     */
    public static int firstMissing(final DataRow row, final int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            if (row.getCell(idx[i]).isMissing()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param row a row
     * @param idx the needed columns
     * @param names their names, in the order of {@code idx}
     * @return the name of the first needed column with a missing cell, or null if there is none
     */
    public static String firstMissingName(final DataRow row, final int[] idx, final List<String> names) {
        final int i = firstMissing(row, idx);
        return i < 0 ? null : names.get(i);
    }

    /**
     * Reads the given columns of a row and checks that the values are finite numbers; all cells must be present
     * (see {@link #firstMissing(DataRow, int[])}).
     *
     * @param row a row
     * @param idx the columns to read
     * @param names their names, in the order of {@code idx}
     * @return a new array with the values
     * @throws IllegalArgumentException naming row and column of the first NaN or infinite value
     */
    public static double[] readFinite(final DataRow row, final int[] idx, final List<String> names) {
        final double[] v = read(row, idx);
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException("Row '" + row.getKey() + "' has the value " + v[j] + " in column '"
                    + names.get(j) + "'; only finite numbers can be used. Filter the row or replace the value.");
            }
        }
        return v;
    }

    /**
     * Reads the given columns of a row; all cells must be present (see {@link #firstMissing(DataRow, int[])}).
     *
     * @return a new array with the values
     */
    public static double[] read(final DataRow row, final int[] idx) {
        final double[] v = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            final DataCell c = row.getCell(idx[i]);
            v[i] = ((DoubleValue)c).getDoubleValue();
        }
        return v;
    }
}
