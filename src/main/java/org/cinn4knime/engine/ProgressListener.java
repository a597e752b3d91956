package org.cinn4knime.engine;

/** Progress and cancel hook of every long engine loop. */
public interface ProgressListener {
    /** @param fraction in [0, 1]; @param message short phase message */
    void progress(double fraction, String message);

    /** Polled at least once per batch; returning true ends the loop with a {@link CancelledException}. */
    default boolean isCancelRequested() {
        return false;
    }

    /** Called after every training epoch. */
    default void epochFinished(EpochStats stats) {
    }

    /**
     * A warning about the data found before training starts (gross outliers, dependent or discrete design columns),
     * so a user can stop and fix the table without waiting for the run; the same text is also among the
     * {@link TrainingResult#warnings()}.
     */
    default void dataWarning(String message) {
    }

    /** A listener that ignores everything. */
    ProgressListener NONE = (f, m) -> { };
}
