package org.knime.core.node;

/** Stand-in (test harness only): thrown when a dialog cannot be opened for the given input. */
public class NotConfigurableException extends Exception {

    public NotConfigurableException(final String s) {
        super(s);
    }

    public NotConfigurableException(final String s, final Throwable cause) {
        super(s, cause);
    }
}
