package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stand-in internal: records every progress value and message; can be canceled from another thread
 * ({@link #setExecuteCanceled()}) or automatically after a number of progress updates ({@link #cancelAfter(int)}).
 */
final class StandInProgressMonitor implements NodeProgressMonitor {

    private final List<Double> m_progressHistory = Collections.synchronizedList(new ArrayList<>());

    private final List<String> m_messageHistory = Collections.synchronizedList(new ArrayList<>());

    private volatile Double m_progress;

    private volatile String m_message;

    private volatile boolean m_canceled;

    /** Progress updates left before cancel is requested; negative: never. */
    private int m_cancelCountdown = -1;

    private int m_progressCalls;

    private int m_cancelChecks;

    /** Tables being written through execution contexts on this monitor (stand-in only, for tests). */
    private final List<org.knime.core.data.container.DataContainer> m_containers =
        Collections.synchronizedList(new ArrayList<>());

    /** Rows in those tables at every progress update. */
    private final List<Long> m_rowsAtProgress = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        synchronized (this) {
            m_cancelChecks++;
        }
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    private synchronized void countProgressCall() {
        m_progressCalls++;
        if (m_cancelCountdown > 0 && --m_cancelCountdown == 0) {
            m_canceled = true;
        }
    }

    @Override
    public void setProgress(final double progress) {
        if (Double.isNaN(progress) || progress < -1e-9 || progress > 1 + 1e-9) {
            throw new IllegalArgumentException("Progress must be in [0, 1], got " + progress);
        }
        m_progress = Math.min(1.0, Math.max(0.0, progress));
        m_progressHistory.add(m_progress);
        synchronized (m_containers) {
            m_rowsAtProgress.add(m_containers.stream().mapToLong(org.knime.core.data.container.DataContainer::size)
                .sum());
        }
        countProgressCall();
    }

    @Override
    public Double getProgress() {
        return m_progress;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        setMessage(message);
        setProgress(progress);
    }

    @Override
    public void setMessage(final String message) {
        m_message = message;
        if (message != null) {
            m_messageHistory.add(message);
        }
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public String getMessage() {
        return m_message;
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public synchronized void reset() {
        m_progress = null;
        m_message = null;
        m_canceled = false;
        m_cancelCountdown = -1;
        m_progressCalls = 0;
        m_cancelChecks = 0;
        m_progressHistory.clear();
        m_messageHistory.clear();
        m_containers.clear();
        m_rowsAtProgress.clear();
    }

    void track(final org.knime.core.data.container.DataContainer container) {
        m_containers.add(container);
    }

    List<Long> rowsAtProgress() {
        return List.copyOf(m_rowsAtProgress);
    }

    synchronized void cancelAfter(final int progressCalls) {
        if (progressCalls <= 0) {
            throw new IllegalArgumentException("cancelAfter needs a positive count, got " + progressCalls);
        }
        m_cancelCountdown = progressCalls;
    }

    boolean isCanceled() {
        return m_canceled;
    }

    synchronized int progressCalls() {
        return m_progressCalls;
    }

    synchronized int cancelChecks() {
        return m_cancelChecks;
    }

    List<Double> progressHistory() {
        synchronized (m_progressHistory) {
            return new ArrayList<>(m_progressHistory);
        }
    }

    List<String> messageHistory() {
        synchronized (m_messageHistory) {
            return new ArrayList<>(m_messageHistory);
        }
    }
}
