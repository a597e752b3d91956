package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stand-in internal: the monitor of {@link ExecutionMonitor#createSubProgress(double)} (and, silent, of
 * {@code createSilentSubProgress}), behaving as KNIME's {@code DefaultNodeProgressMonitor.SubNodeProgressMonitor} and
 * {@code SilentSubNodeProgressMonitor} (5.2+): its [0, 1] maps onto {@code max} of the parent's range; progress is
 * clamped to [0, 1] and only moves forward; steps below 0.001 are swallowed once the parent has a progress; a size of 0
 * reports no progress; its message is appended to the parent's with " - " and replaces the messages of deeper levels;
 * a silent one forwards progress only.
 */
final class StandInSubProgressMonitor implements NodeProgressMonitor {

    private final NodeProgressMonitor m_delegate;

    private final double m_maxProg;

    private final boolean m_silent;

    private double m_lastProg;

    private Supplier<String> m_innerMessageSupplier = StandInProgressMonitor.NULL_SUPPLIER;

    private Consumer<List<String>> m_innerMessageAppender = StandInProgressMonitor.NOOP_APPENDER;

    StandInSubProgressMonitor(final NodeProgressMonitor parent, final double max, final boolean silent) {
        m_delegate = StandInProgressMonitor.checkNotNull(parent);
        m_maxProg = max;
        m_silent = silent;
    }

    NodeProgressMonitor delegate() {
        return m_delegate;
    }

    private Object lock() {
        final StandInProgressMonitor root = StandInProgressMonitor.root(this);
        return root == null ? m_delegate : root;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        m_delegate.checkCanceled();
    }

    @Override
    public void setProgress(final double progress) {
        final StandInProgressMonitor root = StandInProgressMonitor.root(this);
        if (root != null) {
            root.countProgressCall();
        }
        setProgressUncounted(progress);
    }

    private void setProgressUncounted(final double progress) {
        if (m_maxProg <= 0.0) { // as KNIME: a sub progress of size 0 reports nothing
            return;
        }
        synchronized (lock()) {
            final Double progressOfParent = m_delegate.getProgress();
            final double bounded = Math.max(0.0, Math.min(progress, 1.0));
            if (Double.isNaN(bounded)) {
                return; // KNIME passes NaN on to the root, which ignores it
            }
            final double diff = Math.max(0.0, bounded - m_lastProg); // only forward
            double subProgress = Math.min(m_maxProg, diff * m_maxProg);
            if (progressOfParent != null) {
                subProgress += progressOfParent;
            }
            if (diff < 0.001 && progressOfParent != null) {
                return; // as KNIME: small steps are swallowed (accumulated rounding)
            }
            forward(subProgress);
            final Double newProgressOfParent = m_delegate.getProgress();
            if (newProgressOfParent != null
                && (progressOfParent == null || progressOfParent.doubleValue() != newProgressOfParent.doubleValue())) {
                m_lastProg = bounded;
            }
        }
    }

    private void forward(final double parentProgress) {
        if (m_delegate instanceof StandInSubProgressMonitor sub) {
            sub.setProgressUncounted(parentProgress);
        } else if (m_delegate instanceof StandInProgressMonitor root) {
            root.setProgressIntern(parentProgress);
        } else {
            m_delegate.setProgress(parentProgress);
        }
    }

    /** @return the progress of this level in [0, 1] (KNIME: the last propagated value) */
    @Override
    public Double getProgress() {
        return m_lastProg;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        setProgress(progress, StandInProgressMonitor.asStaticSupplier(message));
    }

    @Override
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        synchronized (lock()) {
            setProgress(progress);
            setMessage(messageSupplier);
        }
    }

    @Override
    public void setMessage(final String message) {
        setProgress(message);
    }

    @Override
    public void setMessage(final Supplier<String> messageSupplier) {
        setMessage(messageSupplier, true);
    }

    @Override
    public void setProgress(final String message) {
        setMessage(StandInProgressMonitor.asStaticSupplier(message), true);
    }

    private void setMessage(final Supplier<String> messageSupplier, final boolean append) {
        if (m_silent) {
            return;
        }
        synchronized (lock()) {
            m_innerMessageSupplier = StandInProgressMonitor.checkNotNull(messageSupplier);
            if (append) {
                m_innerMessageAppender = StandInProgressMonitor.NOOP_APPENDER; // deeper levels are discarded
            }
            final Consumer<List<String>> parentAppender = messages -> m_innerMessageAppender
                .accept(StandInProgressMonitor.appendedIfNonEmpty(messages, m_innerMessageSupplier));
            if (m_delegate instanceof StandInProgressMonitor root) {
                root.appendMessage(parentAppender);
            } else if (m_delegate instanceof StandInSubProgressMonitor sub) {
                sub.appendMessage(parentAppender);
            } else {
                m_delegate.setMessage(() -> {
                    final List<String> messages = getMessages();
                    return messages.isEmpty() ? null : String.join(StandInProgressMonitor.SEPARATOR, messages);
                });
            }
        }
    }

    private void appendMessage(final Consumer<List<String>> appender) {
        if (m_silent) {
            return;
        }
        m_innerMessageAppender = appender;
        setMessage(m_innerMessageSupplier, false);
    }

    @Override
    public String getMessage() {
        final String m = m_innerMessageSupplier.get();
        return m == null ? "" : m;
    }

    @Override
    public List<String> getMessages() {
        final List<String> messages = new ArrayList<>();
        m_innerMessageAppender.accept(StandInProgressMonitor.appendedIfNonEmpty(messages, m_innerMessageSupplier));
        return messages;
    }

    @Override
    public void setExecuteCanceled() {
        throw new IllegalStateException("This method must not be called.");
    }

    @Override
    public void reset() {
        throw new IllegalStateException("This method must not be called.");
    }
}
