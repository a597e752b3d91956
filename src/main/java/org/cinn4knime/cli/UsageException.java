package org.cinn4knime.cli;

/**
 * A bad command line found after picocli parsed it: a value outside a setting's declared range, or an option value
 * whose text does not parse (a column-domain entry such as {@code --lower frac}). Exits with
 * {@link CinnCli#EXIT_USAGE} (2) like picocli's own parameter errors, with one line naming the option (and the
 * allowed range) and a pointer to {@code --help}.
 */
final class UsageException extends CliException {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }
}
