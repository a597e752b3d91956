package org.cinn4knime.engine.settings;

/**
 * The words in which a {@link Setting} describes itself to users: its allowed range (messages of the engine's
 * validation, the nodes' checks, the command line) and its command-line help.
 */
final class SettingText {

    private SettingText() {
    }

    /**
     * @return the allowed range in words, e.g. "between 1 and 64", "in (0, 1]", "at least 0", "greater than 0";
     *         "one of [A, B]" for a choice; empty for other non-numeric settings
     */
    static String range(final Setting s) {
        final Setting.Type type = s.type();
        if (type != Setting.Type.INTEGER && type != Setting.Type.DOUBLE) {
            return type == Setting.Type.CHOICE ? "one of " + s.choices() : "";
        }
        final double min = s.min();
        final double max = s.max();
        final boolean lo = Double.isFinite(min);
        final boolean hi = Double.isFinite(max);
        if (lo && hi) {
            if (!s.isMinOpen() && !s.isMaxOpen()) {
                return "between " + num(min) + " and " + num(max);
            }
            return "in " + (s.isMinOpen() ? "(" : "[") + num(min) + ", " + num(max) + (s.isMaxOpen() ? ")" : "]");
        }
        if (lo) {
            return (s.isMinOpen() ? "greater than " : "at least ") + num(min);
        }
        if (hi) {
            return (s.isMaxOpen() ? "less than " : "at most ") + num(max);
        }
        return "a finite number";
    }

    /** @return the help text of the command-line option: description, range and default */
    static String cliHelp(final Setting s) {
        final StringBuilder b = new StringBuilder(s.description());
        final String r = range(s);
        if (!r.isEmpty()) {
            b.append(b.length() == 0 ? "" : "; ").append(r);
        }
        return b.append(" (default ").append(s.defaultText()).append(')').toString();
    }

    private static String num(final double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long)v);
        }
        return Double.toString(v);
    }
}
