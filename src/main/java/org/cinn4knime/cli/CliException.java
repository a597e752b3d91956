package org.cinn4knime.cli;

/**
 * A user-facing failure of a command (bad input file, unknown column, unwritable output, ...). Its message is printed
 * as the single error line on stderr, so it must name the file, row, column or option at fault.
 */
class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    CliException(final String message) {
        super(message);
    }

    CliException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
