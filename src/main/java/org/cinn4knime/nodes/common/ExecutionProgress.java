package org.cinn4knime.nodes.common;

import java.util.function.Consumer;

import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.ProgressListener;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Passes the engine's progress to a KNIME {@link ExecutionMonitor} and KNIME's cancel request back to the engine. */
public final class ExecutionProgress implements ProgressListener {

    private final ExecutionMonitor m_exec;

    private final Consumer<EpochStats> m_onEpoch;

    /** @param exec the monitor to report to and to poll for cancel */
    public ExecutionProgress(final ExecutionMonitor exec) {
        this(exec, s -> { });
    }

    /**
     * @param exec the monitor to report to and to poll for cancel
     * @param onEpoch called after every training epoch
     */
    public ExecutionProgress(final ExecutionMonitor exec, final Consumer<EpochStats> onEpoch) {
        m_exec = exec;
        m_onEpoch = onEpoch;
    }

    @Override
    public void progress(final double fraction, final String message) {
        m_exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public boolean isCancelRequested() {
        try {
            m_exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) { // NOSONAR the exception is the answer
            return true;
        }
    }

    @Override
    public void epochFinished(final EpochStats stats) {
        m_onEpoch.accept(stats);
    }
}
