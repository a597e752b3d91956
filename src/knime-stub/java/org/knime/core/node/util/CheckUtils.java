package org.knime.core.node.util;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in (test harness only): argument, state and settings checks with formatted messages. */
public final class CheckUtils {

    private CheckUtils() {
    }

    public static <T> T checkArgumentNotNull(final T obj, final String template, final Object... args)
        throws IllegalArgumentException {
        if (obj == null) {
            throw new IllegalArgumentException(String.format(template, args));
        }
        return obj;
    }

    public static <T> T checkArgumentNotNull(final T obj) throws IllegalArgumentException {
        return checkArgumentNotNull(obj, "Argument must not be null");
    }

    public static void checkArgument(final boolean predicate, final String message) throws IllegalArgumentException {
        if (!predicate) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void checkArgument(final boolean predicate, final String template, final Object... args)
        throws IllegalArgumentException {
        if (!predicate) {
            throw new IllegalArgumentException(String.format(template, args));
        }
    }

    public static void checkState(final boolean predicate, final String message) throws IllegalStateException {
        if (!predicate) {
            throw new IllegalStateException(message);
        }
    }

    public static void checkState(final boolean predicate, final String template, final Object... args)
        throws IllegalStateException {
        if (!predicate) {
            throw new IllegalStateException(String.format(template, args));
        }
    }

    public static <T> T checkNotNull(final T obj) throws NullPointerException {
        if (obj == null) {
            throw new NullPointerException();
        }
        return obj;
    }

    public static <T> T checkNotNull(final T obj, final String message) throws NullPointerException {
        if (obj == null) {
            throw new NullPointerException(message);
        }
        return obj;
    }

    public static void checkSetting(final boolean predicate, final String template, final Object... args)
        throws InvalidSettingsException {
        if (!predicate) {
            throw new InvalidSettingsException(String.format(template, args));
        }
    }

    public static <T> T checkSettingNotNull(final T obj, final String template, final Object... args)
        throws InvalidSettingsException {
        if (obj == null) {
            throw new InvalidSettingsException(String.format(template, args));
        }
        return obj;
    }
}
