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

    /** A listener that ignores everything. */
    ProgressListener NONE = (f, m) -> { };
}
