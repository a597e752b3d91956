package org.cinn4knime.engine.settings;

import java.util.List;

import org.cinn4knime.engine.EnumValues;

/**
 * The one declaration of a user setting: its key, dialog label, default, bounds, description, command-line flag and
 * the version that added it. The KNIME nodes derive their settings models and dialog labels from it, the command line
 * its option names and help, the node descriptions and the port spec are checked against it, and the engine's
 * {@code validate()} methods check values with {@link #check(double)} / {@link #check(long)}, so the bounds exist
 * exactly once.
 *
 * <p>
 * Numbers are checked against an interval whose ends may be open ({@code (0, 1]}) or infinite; doubles must also be
 * finite. The node shows a setting in {@link #nodeScale() node units} (e.g. percent for a fraction); every other
 * front end uses the engine's units. A setting whose {@link #since()} is later than {@link #V0_1_0} loads its default
 * when a saved workflow lacks it.
 *
 * <p>
 * This package imports nothing from KNIME (engine rule).
 */
public final class Setting {

    /** The first released version: its settings are required when a workflow loads. */
    public static final String V0_1_0 = "0.1.0";

    /** The version that adds settings in this round: absent in a saved workflow, they load their default. */
    public static final String V0_2_0 = "0.2.0";

    /** What kind of value a setting holds. */
    public enum Type {
        /** a 32-bit integer */
        INTEGER,
        /** a finite double */
        DOUBLE,
        /** true or false */
        BOOLEAN,
        /** one of {@link Setting#choices()} (enum constant names, compared ignoring case) */
        CHOICE,
        /** free text checked by its owner */
        TEXT,
        /** a column selection of a node (no engine counterpart) */
        COLUMNS
    }

    private final String m_key;

    private final Type m_type;

    private final Object m_default;

    private final double m_min;

    private final boolean m_minOpen;

    private final double m_max;

    private final boolean m_maxOpen;

    private final List<String> m_choices;

    private final String m_label;

    private final String m_description;

    private final String m_cliFlag;

    private final String m_since;

    private final double m_nodeScale;

    private Setting(final String key, final Type type, final Object dflt, final double min, final boolean minOpen,
        final double max, final boolean maxOpen, final List<String> choices, final String label,
        final String description, final String cliFlag, final String since, final double nodeScale) {
        m_key = key;
        m_type = type;
        m_default = dflt;
        m_min = min;
        m_minOpen = minOpen;
        m_max = max;
        m_maxOpen = maxOpen;
        m_choices = choices;
        m_label = label;
        m_description = description;
        m_cliFlag = cliFlag;
        m_since = since;
        m_nodeScale = nodeScale;
    }

    /**
     * @param key the settings key (snake_case; the node's settings key, also used in the port spec)
     * @param dflt the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return an integer setting with closed bounds [min, max], added in 0.1.0, label = key
     */
    public static Setting integer(final String key, final int dflt, final int min, final int max) {
        return new Setting(key, Type.INTEGER, dflt, min, false, max, false, List.of(), key, "", null, V0_1_0, 1);
    }

    /**
     * @param key the settings key
     * @param dflt the default
     * @param min the lower bound (closed unless {@link #openBelow()}); {@code -Infinity} for none
     * @param max the upper bound (closed unless {@link #openAbove()}); {@code Infinity} for none
     * @return a double setting, added in 0.1.0, label = key
     */
    public static Setting real(final String key, final double dflt, final double min, final double max) {
        return new Setting(key, Type.DOUBLE, dflt, min, false, max, false, List.of(), key, "", null, V0_1_0, 1);
    }

    /**
     * @param key the settings key
     * @param dflt the default
     * @return a boolean setting, added in 0.1.0, label = key
     */
    public static Setting bool(final String key, final boolean dflt) {
        return new Setting(key, Type.BOOLEAN, dflt, 0, false, 1, false, List.of(), key, "", null, V0_1_0, 1);
    }

    /**
     * @param key the settings key
     * @param dflt the default constant
     * @param <E> the enum
     * @return a choice among the enum's constant names, added in 0.1.0, label = key
     */
    public static <E extends Enum<E>> Setting choice(final String key, final E dflt) {
        final List<String> names =
            java.util.Arrays.stream(dflt.getDeclaringClass().getEnumConstants()).map(Enum::name).toList();
        return new Setting(key, Type.CHOICE, dflt.name(), 0, false, 0, false, names, key, "", null, V0_1_0, 1);
    }

    /**
     * @param key the settings key
     * @param dflt the default text
     * @return a text setting (its owner checks it), added in 0.1.0, label = key
     */
    public static Setting text(final String key, final String dflt) {
        return new Setting(key, Type.TEXT, dflt, 0, false, 0, false, List.of(), key, "", null, V0_1_0, 1);
    }

    /**
     * @param key the settings key
     * @return a column-selection setting of a node, added in 0.1.0, label = key
     */
    public static Setting columns(final String key) {
        return new Setting(key, Type.COLUMNS, "", 0, false, 0, false, List.of(), key, "", null, V0_1_0, 1);
    }

    private Setting with(final double min, final boolean minOpen, final double max, final boolean maxOpen,
        final String label, final String description, final String cliFlag, final String since,
        final double nodeScale) {
        return new Setting(m_key, m_type, m_default, min, minOpen, max, maxOpen, m_choices, label, description,
            cliFlag, since, nodeScale);
    }

    /** @return this setting with the lower bound excluded, e.g. {@code (0, 1]} */
    public Setting openBelow() {
        return with(m_min, true, m_max, m_maxOpen, m_label, m_description, m_cliFlag, m_since, m_nodeScale);
    }

    /** @return this setting with the upper bound excluded, e.g. {@code [0, 1)} */
    public Setting openAbove() {
        return with(m_min, m_minOpen, m_max, true, m_label, m_description, m_cliFlag, m_since, m_nodeScale);
    }

    /**
     * @param label the dialog label, also the {@code <option name=...>} of the node description
     * @return this setting with that label
     */
    public Setting label(final String label) {
        return with(m_min, m_minOpen, m_max, m_maxOpen, label, m_description, m_cliFlag, m_since, m_nodeScale);
    }

    /**
     * @param description one sentence for the command-line help (without default or bounds: those are appended)
     * @return this setting with that description
     */
    public Setting description(final String description) {
        return with(m_min, m_minOpen, m_max, m_maxOpen, m_label, description, m_cliFlag, m_since, m_nodeScale);
    }

    /**
     * @param flag the command-line option, e.g. {@code --epochs}
     * @return this setting with that option
     */
    public Setting cli(final String flag) {
        return with(m_min, m_minOpen, m_max, m_maxOpen, m_label, m_description, flag, m_since, m_nodeScale);
    }

    /**
     * @param version the version that added the setting; settings after {@link #V0_1_0} load their default when absent
     * @return this setting with that version
     */
    public Setting since(final String version) {
        return with(m_min, m_minOpen, m_max, m_maxOpen, m_label, m_description, m_cliFlag, version, m_nodeScale);
    }

    /**
     * @param scale the factor from engine units to the units the node shows (100 for a fraction shown in percent)
     * @return this setting with that scale
     */
    public Setting nodeScale(final double scale) {
        return with(m_min, m_minOpen, m_max, m_maxOpen, m_label, m_description, m_cliFlag, m_since, scale);
    }

    /** @return the settings key (snake_case) */
    public String key() {
        return m_key;
    }

    /** @return the type of the value */
    public Type type() {
        return m_type;
    }

    /** @return the dialog label and node-description option name */
    public String label() {
        return m_label;
    }

    /** @return the one-sentence description for the command-line help */
    public String description() {
        return m_description;
    }

    /** @return the command-line option (e.g. {@code --epochs}), or {@code null} if the command line has none */
    public String cliFlag() {
        return m_cliFlag;
    }

    /** @return the version that added the setting */
    public String since() {
        return m_since;
    }

    /** @return whether a saved workflow must contain the setting (it was there in 0.1.0) */
    public boolean requiredOnLoad() {
        return V0_1_0.equals(m_since);
    }

    /** @return the factor from engine units to node units (1 for most settings) */
    public double nodeScale() {
        return m_nodeScale;
    }

    /** @return the allowed names of a {@link Type#CHOICE} (empty otherwise) */
    public List<String> choices() {
        return m_choices;
    }

    /** @return the default of an {@link Type#INTEGER} setting */
    public int intDefault() {
        return (Integer)require(Type.INTEGER).m_default;
    }

    /** @return the default of a {@link Type#DOUBLE} setting, in engine units */
    public double doubleDefault() {
        return (Double)require(Type.DOUBLE).m_default;
    }

    /** @return the default of a {@link Type#BOOLEAN} setting */
    public boolean booleanDefault() {
        return (Boolean)require(Type.BOOLEAN).m_default;
    }

    /** @return the default of a {@link Type#CHOICE} or {@link Type#TEXT} setting */
    public String stringDefault() {
        if (m_type != Type.CHOICE && m_type != Type.TEXT) {
            throw new IllegalStateException(m_key + " is a " + m_type + " setting");
        }
        return (String)m_default;
    }

    /** @return the default as text, in engine units (for help texts) */
    public String defaultText() {
        return String.valueOf(m_default);
    }

    private Setting require(final Type t) {
        if (m_type != t) {
            throw new IllegalStateException(m_key + " is a " + m_type + " setting, not " + t);
        }
        return this;
    }

    /** @return the lower bound in engine units ({@code -Infinity} if none) */
    public double min() {
        return m_min;
    }

    /** @return the upper bound in engine units ({@code Infinity} if none) */
    public double max() {
        return m_max;
    }

    /** @return whether the lower bound itself is excluded */
    public boolean isMinOpen() {
        return m_minOpen;
    }

    /** @return whether the upper bound itself is excluded */
    public boolean isMaxOpen() {
        return m_maxOpen;
    }

    /**
     * The smallest value a closed-interval widget (KNIME's bounded settings models) must accept so that it accepts
     * exactly the allowed values: the next representable double above an open bound.
     *
     * @return the smallest allowed value in node units
     */
    public double nodeMin() {
        final double m = m_min * m_nodeScale;
        return m_minOpen ? Math.nextUp(m) : Math.max(m, -Double.MAX_VALUE);
    }

    /** @return the largest allowed value in node units (see {@link #nodeMin()}) */
    public double nodeMax() {
        final double m = m_max * m_nodeScale;
        return m_maxOpen ? Math.nextDown(m) : Math.min(m, Double.MAX_VALUE);
    }

    /** @param v a value in engine units @return whether it is allowed */
    public boolean allows(final double v) {
        if (Double.isNaN(v) || (m_type == Type.DOUBLE && Double.isInfinite(v))) {
            return false;
        }
        return (m_minOpen ? v > m_min : v >= m_min) && (m_maxOpen ? v < m_max : v <= m_max);
    }

    /**
     * @param v a value in engine units
     * @return {@code v}
     * @throws IllegalArgumentException naming the setting and its allowed range if {@code v} is outside
     */
    public double check(final double v) {
        if (!allows(v)) {
            throw new IllegalArgumentException(m_label + " must be " + range() + ", but is " + v + ".");
        }
        return v;
    }

    /**
     * @param v a value
     * @return {@code v}
     * @throws IllegalArgumentException naming the setting and its allowed range if {@code v} is outside
     */
    public long check(final long v) {
        if (!allows(v)) {
            throw new IllegalArgumentException(m_label + " must be " + range() + ", but is " + v + ".");
        }
        return v;
    }

    /**
     * @param name a value of a {@link Type#CHOICE} (case ignored: the rule of {@link EnumValues})
     * @return the allowed name it denotes
     * @throws IllegalArgumentException naming the setting and the allowed names
     */
    public String checkChoice(final String name) {
        return EnumValues.checkName(m_choices, name, m_key, m_label);
    }

    /**
     * @param type the enum of a {@link Type#CHOICE}
     * @param name its name (case ignored)
     * @param <E> the enum
     * @return the constant
     * @throws IllegalArgumentException naming the setting and the allowed names
     */
    public <E extends Enum<E>> E parseChoice(final Class<E> type, final String name) {
        return Enum.valueOf(type, checkChoice(name));
    }

    /**
     * @return the allowed range in words, e.g. "between 1 and 64", "in (0, 1]", "at least 0", "greater than 0";
     *         empty for non-numeric settings
     */
    public String range() {
        return SettingText.range(this);
    }

    /** @return the help text of the command-line option: description, range and default */
    public String cliHelp() {
        return SettingText.cliHelp(this);
    }

    @Override
    public String toString() {
        return m_key + " (" + m_type + ", default " + m_default + ", " + range() + ", since " + m_since + ")";
    }

}
