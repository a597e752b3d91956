package org.knime.core.node;

import java.util.List;
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

    /** @return the messages of this level and the levels below it, outermost first (KNIME 5.2+) */
    default List<String> getMessages() {
        final String message = getMessage();
        return message == null || message.isEmpty() ? List.of() : List.of(message);
    }

    void setExecuteCanceled();

    void reset();
}
