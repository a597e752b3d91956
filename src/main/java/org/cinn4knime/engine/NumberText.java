package org.cinn4knime.engine;

import java.util.Locale;

/**
 * Numbers in the engine's messages and summaries (warnings, notes, target ranges): one format for all of them, so
 * that the same value reads the same in a KNIME node warning, the model port's summary and the command line.
 */
final class NumberText {

    private NumberText() {
    }

    /** Four significant digits, decimal point, no grouping (e.g. {@code 0.1235}, {@code 1.235e+06}); NaN as "NaN". */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
