package org.cinn4knime.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one rule by which a setting's text names a constant of one of our enums ({@link CouplingType},
 * {@link Activation}, {@link Precision}, the nodes' missing-value policy, ...), wherever the text comes from: a node
 * setting or flow variable ({@code engine.settings.Setting#checkChoice}), a command-line option, a model file. The
 * name matches regardless of case ("glow", "Glow" and "GLOW" are {@code GLOW}), with surrounding white space ignored;
 * anything else is refused with a message that names the setting and the allowed values.
 */
public final class EnumValues {

    private EnumValues() {
    }

    /**
     * @param <E> the enum
     * @param type the enum's class
     * @param value the text; may be null
     * @param setting the setting's name as the user knows it (node setting key, option, model-file member)
     * @return the constant whose name equals {@code value} ignoring case
     * @throws IllegalArgumentException if no constant matches, naming {@code setting} and the allowed names
     */
    public static <E extends Enum<E>> E parse(final Class<E> type, final String value, final String setting) {
        return Enum.valueOf(type, checkName(names(type), value, setting, null));
    }

    /**
     * @param names the allowed names (enum constant names)
     * @param value the text; may be null
     * @param setting the setting's key
     * @param label the setting's label as the dialog shows it, or null
     * @return the allowed name that {@code value} denotes under the rule of this class
     * @throws IllegalArgumentException "Unknown value 'x' of setting 'key' (label); allowed (any case): A, B"
     */
    public static String checkName(final List<String> names, final String value, final String setting,
        final String label) {
        if (value != null) {
            final String wanted = value.strip().toUpperCase(Locale.ROOT);
            for (final String n : names) {
                if (n.toUpperCase(Locale.ROOT).equals(wanted)) {
                    return n;
                }
            }
        }
        throw new IllegalArgumentException((value == null ? "No value" : "Unknown value '" + value + "'")
            + " of setting '" + setting + "'" + (label == null || label.equals(setting) ? "" : " (" + label + ")")
            + "; allowed (any case): " + String.join(", ", names));
    }

    /** @return the constants' names, comma-separated, in declaration order */
    public static String allowed(final Class<? extends Enum<?>> type) {
        return String.join(", ", names(type));
    }

    private static List<String> names(final Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
