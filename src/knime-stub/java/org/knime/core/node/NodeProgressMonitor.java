package org.knime.core.node;

import java.util.function.Supplier;

/** Stand-in (test harness only): receives progress and cancel requests of a running node. */
public interface NodeProgressMonitor {

    void checkCanceled() throws CanceledExecutionException;

    void setProgress(double progress);

    Double getProgress();

    void setProgress(double progress, String message);

    default void setProgress(final double progress, final Supplier<String> messageSupplier) {
        setProgress(progress, messageSupplier.get());
    }

    void setMessage(String message);

    default void setMessage(final Supplier<String> messageSupplier) {
        setMessage(messageSupplier.get());
    }

    void setProgress(String message);

    String getMessage();

    void setExecuteCanceled();

    void reset();
}
