package org.cinn4knime.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Row-major numeric data with column names. The arrays are used as given (not copied); do not change them while the
 * engine works on them. {@code rowIds} (may be null) name rows in error messages; without them rows are named by
 * their 1-based number.
 */
public final class TrainingData {
    private final String[] xNames;
    private final double[][] x;
    private final String[] yNames;
    private final double[][] y;
    private final String[] rowIds;

    public TrainingData(String[] xNames, double[][] x, String[] yNames, double[][] y, String[] rowIds) {
        this.xNames = xNames;
        this.x = x;
        this.yNames = yNames;
        this.y = y;
        this.rowIds = rowIds;
    }

    public String[] xNames() {
        return xNames.clone();
    }

    public String[] yNames() {
        return yNames.clone();
    }

    /** The design rows (not copied). */
    public double[][] x() {
        return x;
    }

    /** The target rows (not copied). */
    public double[][] y() {
        return y;
    }

    public int rows() {
        return x == null ? 0 : x.length;
    }

    public int xDim() {
        return xNames == null ? 0 : xNames.length;
    }

    public int yDim() {
        return yNames == null ? 0 : yNames.length;
    }

    /** The user-facing name of row {@code r} (0-based). */
    public String rowName(int r) {
        return rowName(rowIds, r);
    }

    static String rowName(String[] rowIds, int r) {
        if (rowIds != null && r < rowIds.length && rowIds[r] != null) {
            return "'" + rowIds[r] + "'";
        }
        return "number " + (r + 1);
    }

    /**
     * Checks the data: names present and unique, at least one x and one y column, at least 2 rows, every row with the
     * right number of finite values, no constant column.
     *
     * @throws CinnDataException naming the column and row at fault
     */
    public void validate() throws CinnDataException {
        if (xNames == null || xNames.length == 0) {
            throw new CinnDataException("No design (x) columns are selected; select at least one numeric column.");
        }
        if (yNames == null || yNames.length == 0) {
            throw new CinnDataException("No target (y) columns are selected; select at least one numeric column.");
        }
        Set<String> seen = new HashSet<>();
        for (String n : concat(xNames, yNames)) {
            if (n == null || n.isBlank()) {
                throw new CinnDataException("A selected column has an empty name.");
            }
            if (!seen.add(n)) {
                throw new CinnDataException("Column '" + n + "' is selected twice (as design and target, or twice in "
                        + "one list); every column may be used once.");
            }
        }
        if (x == null || x.length == 0) {
            throw new CinnDataException("The training data has no rows.");
        }
        if (y == null || y.length != x.length) {
            throw new CinnDataException("The design data has " + x.length + " rows but the target data has "
                    + (y == null ? 0 : y.length) + "; both must have the same rows.");
        }
        if (x.length < 2) {
            throw new CinnDataException("The training data has only 1 row; a cINN needs at least 2 rows (and many "
                    + "more to learn anything useful).");
        }
        checkBlock(xNames, x, "design");
        checkBlock(yNames, y, "target");
    }

    private void checkBlock(String[] names, double[][] v, String what) throws CinnDataException {
        int d = names.length;
        int n = v.length;
        for (int r = 0; r < n; r++) {
            if (v[r] == null || v[r].length != d) {
                throw new CinnDataException("Row " + rowName(r) + " has " + (v[r] == null ? 0 : v[r].length) + " "
                        + what + " values, but " + d + " " + what + " columns are selected.");
            }
        }
        for (int j = 0; j < d; j++) {
            int bad = 0;
            int first = -1;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                double a = v[r][j];
                if (!Double.isFinite(a)) {
                    if (first < 0) {
                        first = r;
                    }
                    bad++;
                } else {
                    min = Math.min(min, a);
                    max = Math.max(max, a);
                }
            }
            if (bad > 0) {
                throw new CinnDataException("Column '" + names[j] + "' has a missing, NaN or infinite value in row "
                        + rowName(first) + (bad > 1 ? " (and " + (bad - 1) + " more rows)" : "")
                        + "; remove or fill these rows first.");
            }
            if (!(max > min) || (max - min) <= 1e-12 * Math.max(Math.abs(max), Math.abs(min))) {
                throw new CinnDataException("Column '" + names[j] + "' is constant (every row is " + min
                        + "); a cINN cannot learn from a constant " + what + " column. Remove it from the selection.");
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** @return the SHA-256 (hex) over the column names and all values: the data fingerprint of {@link ModelInfo} */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String n : xNames()) {
                md.update(("x:" + n + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String n : yNames()) {
                md.update(("y:" + n + "\n").getBytes(StandardCharsets.UTF_8));
            }
            ByteBuffer bb = ByteBuffer.allocate(8 * (xDim() + yDim()));
            for (int r = 0; r < rows(); r++) {
                bb.clear();
                for (double v : x()[r]) {
                    bb.putDouble(v);
                }
                for (double v : y()[r]) {
                    bb.putDouble(v);
                }
                md.update(bb.array(), 0, bb.position());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
