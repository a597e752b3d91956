package org.knime.core.node;

/** Stand-in (test harness only): thrown by {@link ExecutionMonitor#checkCanceled()} once cancel was requested. */
public class CanceledExecutionException extends Exception {

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
