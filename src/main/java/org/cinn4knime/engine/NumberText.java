package org.cinn4knime.engine;

import java.util.Locale;

/**
 * Numbers in the engine's messages and summaries (warnings, notes, target ranges, column domains): measured values
 * with four significant digits ({@link #fmt}), values users typed compactly ({@link #compact}), so that the same
 * value reads the same in a KNIME node warning, the model port's summary and the command line.
 */
public final class NumberText {

    private NumberText() {
    }

    /** Four significant digits, decimal point, no grouping (e.g. {@code 0.1235}, {@code 1.235e+06}); NaN as "NaN". */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Compact: a whole number (below 10¹⁵ in size) without decimals ({@code 100}, {@code 10}), anything else with up
     * to six significant digits and no trailing zeros ({@code 0.5}, {@code 1.5e-13}); for bounds, totals and settings
     * that users typed.
     */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
