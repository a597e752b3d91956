package org.cinn4knime.nodes.common;

import org.cinn4knime.engine.ProgressListener;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Passes the engine's progress to a KNIME {@link ExecutionMonitor} and KNIME's cancel request back to the engine. */
public final class ExecutionProgress implements ProgressListener {

    private final ExecutionMonitor m_exec;

    /** @param exec the monitor to report to and to poll for cancel */
    public ExecutionProgress(final ExecutionMonitor exec) {
        m_exec = exec;
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
}
