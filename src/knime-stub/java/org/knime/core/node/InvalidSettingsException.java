package org.knime.core.node;

/** Stand-in (test harness only): thrown when settings are missing or invalid. */
public class InvalidSettingsException extends Exception {

    public InvalidSettingsException(final String s) {
        super(s);
    }

    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
