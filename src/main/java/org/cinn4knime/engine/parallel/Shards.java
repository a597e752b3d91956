package org.cinn4knime.engine.parallel;

/**
 * How a batch of rows is cut into shards for data-parallel training: a function of the row count alone, never of
 * the thread count, so that the same seed gives the same model bit for bit on any number of threads. Shards are
 * contiguous and differ in size by at most one row.
 */
public final class Shards {
    /**
     * Most rows per shard. 256 keeps the 128-wide matrix products efficient on one core (a batch of 500 becomes two
     * shards of 250, which costs one thread ≈ 2–3 % against one pass of 500) and lets a batch of 500 use two cores,
     * a batch of 1,000 four, a batch of 2,000 eight.
     */
    public static final int MAX_SHARD_ROWS = 256;
    /** Parameter ranges for sums and updates over the parameter vector (fixed, so sums keep their order). */
    public static final int PARAMETER_RANGES = 16;

    private Shards() {
    }

    /** Number of shards of a batch of {@code rows} rows (≥ 1). */
    public static int count(int rows) {
        return Math.max(1, (rows + MAX_SHARD_ROWS - 1) / MAX_SHARD_ROWS);
    }

    /** First row (0-based, within the batch) of shard {@code s} of {@code count} over {@code rows} rows. */
    public static int from(int rows, int count, int s) {
        return (int) ((long) s * rows / count);
    }

    /** First index of range {@code r} of {@link #PARAMETER_RANGES} over {@code n} parameters. */
    public static int rangeFrom(int n, int r) {
        return (int) ((long) r * n / PARAMETER_RANGES);
    }
}
