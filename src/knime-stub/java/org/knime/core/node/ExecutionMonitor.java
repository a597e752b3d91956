package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stand-in (test harness only): progress and cancel for long running code, as KNIME's ExecutionMonitor: every call
 * goes to the {@link NodeProgressMonitor}; a sub progress is a monitor whose [0, 1] maps onto a fraction of its
 * parent's range and whose message is appended to the parent's with " - " (see {@code StandInSubProgressMonitor}); a
 * silent one forwards progress but no messages. Progress outside [0, 1] is ignored, as in KNIME.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    public ExecutionMonitor() {
        this(new StandInProgressMonitor());
    }

    /** @param progress the monitor to report to; as KNIME, null means a new default monitor */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new StandInProgressMonitor() : progress;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier);
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier);
    }

    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg, false));
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg, true));
    }

    /** As KNIME: a size outside [0, 1] is an IllegalArgumentException. */
    NodeProgressMonitor createSubProgressMonitor(final double maxProg, final boolean silent) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
        return new StandInSubProgressMonitor(m_progress, maxProg, silent);
    }
}
