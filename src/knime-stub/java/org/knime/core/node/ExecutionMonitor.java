package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stand-in (test harness only): progress and cancel for long running code. A sub progress maps its [0, 1] range onto
 * a fraction of its parent's range; a silent one forwards progress but no messages.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    private final ExecutionMonitor m_parent;

    private final double m_fraction;

    private final boolean m_silent;

    private double m_last;

    public ExecutionMonitor() {
        this(new StandInProgressMonitor());
    }

    public ExecutionMonitor(final NodeProgressMonitor progress) {
        if (progress == null) {
            throw new NullPointerException("Progress monitor must not be null");
        }
        m_progress = progress;
        m_parent = null;
        m_fraction = 1.0;
        m_silent = false;
    }

    ExecutionMonitor(final ExecutionMonitor parent, final double fraction, final boolean silent) {
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            throw new IllegalArgumentException("Sub progress fraction must be in [0, 1], got " + fraction);
        }
        m_progress = parent.m_progress;
        m_parent = parent;
        m_fraction = fraction;
        m_silent = silent;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        update(progress, null, false);
    }

    public void setProgress(final double progress, final String message) {
        update(progress, message, true);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        update(progress, messageSupplier == null ? null : messageSupplier.get(), true);
    }

    public void setMessage(final String message) {
        forwardMessage(message);
    }

    public void setMessage(final Supplier<String> messageSupplier) {
        forwardMessage(messageSupplier == null ? null : messageSupplier.get());
    }

    public void setProgress(final String message) {
        forwardMessage(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, maxProg, false);
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, maxProg, true);
    }

    private void update(final double progress, final String message, final boolean withMessage) {
        if (Double.isNaN(progress) || progress < -1e-9 || progress > 1 + 1e-9) {
            throw new IllegalArgumentException("Progress must be in [0, 1], got " + progress);
        }
        final double p = Math.min(1.0, Math.max(0.0, progress));
        if (m_parent == null) {
            if (withMessage) {
                m_progress.setProgress(p, message);
            } else {
                m_progress.setProgress(p);
            }
            return;
        }
        final double delta;
        synchronized (this) {
            delta = (p - m_last) * m_fraction;
            m_last = p;
        }
        m_parent.addProgress(delta, withMessage && !m_silent ? message : null, withMessage && !m_silent);
    }

    private void addProgress(final double delta, final String message, final boolean withMessage) {
        final double current;
        if (m_parent == null) {
            final Double cur = m_progress.getProgress();
            current = cur == null ? 0.0 : cur;
        } else {
            synchronized (this) {
                current = m_last;
            }
        }
        // delta is in this monitor's own [0, 1] units
        update(Math.min(1.0, Math.max(0.0, current + delta)), message, withMessage);
    }

    private void forwardMessage(final String message) {
        if (m_parent == null) {
            m_progress.setMessage(message);
        } else if (!m_silent) {
            m_parent.forwardMessage(message);
        }
    }
}
