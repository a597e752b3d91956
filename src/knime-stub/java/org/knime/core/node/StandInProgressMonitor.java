package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stand-in internal: the root progress monitor of a node, behaving as KNIME's {@code DefaultNodeProgressMonitor}
 * (5.2+): progress outside [0, 1] is ignored (not thrown); a message set here replaces the previous one and drops the
 * messages of sub monitors; a sub monitor's message is appended to this one's with " - " (createAppendedMessage).
 * Records every progress value and every composed message (as KNIME's progress events show them); can be canceled
 * from another thread ({@link #setExecuteCanceled()}) or automatically after a number of progress updates
 * ({@link #cancelAfter(int)}).
 */
final class StandInProgressMonitor implements NodeProgressMonitor {

    static final Supplier<String> NULL_SUPPLIER = () -> null;

    static final Consumer<List<String>> NOOP_APPENDER = messages -> { };

    /** KNIME's separator between message levels (DefaultNodeProgressMonitor.fireProgressChanged). */
    static final String SEPARATOR = " - ";

    private final List<Double> m_progressHistory = Collections.synchronizedList(new ArrayList<>());

    private final List<String> m_messageHistory = Collections.synchronizedList(new ArrayList<>());

    private Double m_progress;

    private Supplier<String> m_messageSupplier = NULL_SUPPLIER;

    private Consumer<List<String>> m_messageAppender = NOOP_APPENDER;

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

    /** @return the root stand-in monitor behind {@code monitor} (through sub monitors), or null */
    static StandInProgressMonitor root(final NodeProgressMonitor monitor) {
        NodeProgressMonitor m = monitor;
        while (m instanceof StandInSubProgressMonitor sub) {
            m = sub.delegate();
        }
        return m instanceof StandInProgressMonitor root ? root : null;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        synchronized (this) {
            m_cancelChecks++;
        }
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    /** Counts a setProgress(fraction) call made on this monitor or on any of its sub monitors (for cancelAfter). */
    synchronized void countProgressCall() {
        m_progressCalls++;
        if (m_cancelCountdown > 0 && --m_cancelCountdown == 0) {
            m_canceled = true;
        }
    }

    @Override
    public void setProgress(final double progress) {
        countProgressCall();
        setProgressIntern(progress);
    }

    /** As KNIME: a value outside [0, 1] (or NaN) leaves the progress unchanged. */
    synchronized void setProgressIntern(final double progress) {
        if (progress >= 0.0 && progress <= 1.0) {
            m_progress = progress;
            m_progressHistory.add(progress);
            synchronized (m_containers) {
                m_rowsAtProgress.add(m_containers.stream()
                    .mapToLong(org.knime.core.data.container.DataContainer::size).sum());
            }
        }
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        countProgressCall();
        setProgressIntern(progress);
        setMessageIntern(asStaticSupplier(message), NOOP_APPENDER);
    }

    @Override
    public synchronized void setProgress(final double progress, final Supplier<String> message) {
        countProgressCall();
        setProgressIntern(progress);
        setMessageIntern(checkNotNull(message), m_messageAppender); // as KNIME: keeps the sub monitors' messages
    }

    @Override
    public synchronized void setMessage(final String message) {
        setProgress(message);
    }

    @Override
    public synchronized void setMessage(final Supplier<String> message) {
        setMessageIntern(checkNotNull(message), m_messageAppender); // as KNIME: keeps the sub monitors' messages
    }

    @Override
    public synchronized void setProgress(final String message) {
        setMessageIntern(asStaticSupplier(message), NOOP_APPENDER);
    }

    /** Called by a direct sub monitor: its messages (and deeper ones) follow this monitor's message. */
    synchronized void appendMessage(final Consumer<List<String>> appender) {
        setMessageIntern(m_messageSupplier, appender);
    }

    private void setMessageIntern(final Supplier<String> supplier, final Consumer<List<String>> appender) {
        m_messageSupplier = supplier;
        m_messageAppender = appender;
        final String composed = composedMessage();
        if (composed != null) {
            m_messageHistory.add(composed);
        }
    }

    /** @return this monitor's own message (KNIME: without the appended sub monitor messages) */
    @Override
    public synchronized String getMessage() {
        return m_messageSupplier.get();
    }

    @Override
    public synchronized List<String> getMessages() {
        final List<String> messages = new ArrayList<>();
        m_messageAppender.accept(appendedIfNonEmpty(messages, m_messageSupplier));
        return messages;
    }

    /** @return the message KNIME shows (all levels joined with " - "), null if there is none */
    synchronized String composedMessage() {
        final List<String> messages = getMessages();
        return messages.isEmpty() ? null : String.join(SEPARATOR, messages);
    }

    static List<String> appendedIfNonEmpty(final List<String> messages, final Supplier<String> supplier) {
        final String m = supplier.get();
        if (m != null && !m.isEmpty()) {
            messages.add(m);
        }
        return messages;
    }

    static Supplier<String> asStaticSupplier(final String message) {
        return message == null ? NULL_SUPPLIER : () -> message;
    }

    static <T> T checkNotNull(final T value) {
        if (value == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        return value;
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public synchronized void reset() {
        m_progress = null;
        m_messageSupplier = NULL_SUPPLIER;
        m_messageAppender = NOOP_APPENDER;
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
