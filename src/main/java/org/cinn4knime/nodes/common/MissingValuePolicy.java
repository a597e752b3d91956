package org.cinn4knime.nodes.common;

import java.util.Arrays;

import org.cinn4knime.engine.EnumValues;
import org.cinn4knime.engine.settings.Setting;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * What a node does with an input row that has a missing value in a column it needs. The setting stores the constant's
 * name ({@code SKIP} or {@code FAIL}, also the values a flow variable may set); the label is shown in the dialog only.
 */
public enum MissingValuePolicy {
    /** Leave the row out and count it in the node's warning. */
    SKIP("Skip rows with missing values (warn)"),
    /** Stop with an error naming the first such row and column. */
    FAIL("Fail on missing values");

    /** Settings key shared by all nodes. */
    public static final String CFG_KEY = "missing_values";

    private final String m_label;

    MissingValuePolicy(final String label) {
        m_label = label;
    }

    /** @return the text shown in the dialog (never stored) */
    public String label() {
        return m_label;
    }

    /** @return the labels of all policies, in dialog order */
    public static String[] labels() {
        return Arrays.stream(values()).map(MissingValuePolicy::label).toArray(String[]::new);
    }

    /** @return the stored values of all policies, in dialog order */
    public static String[] settingValues() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }

    /**
     * @param label the node's dialog label (and node-description option name) of the setting
     * @return the declaration of the setting (key {@link #CFG_KEY}, default {@link #SKIP}, since 0.1.0)
     */
    public static Setting declaration(final String label) {
        return Setting.choice(CFG_KEY, SKIP).label(label);
    }

    /** @return a new settings model holding the policy (default: skip) */
    public static SettingsModelString createModel() {
        return new SettingsModelString(CFG_KEY, SKIP.name());
    }

    /**
     * @param model the model of {@link #createModel()}
     * @param title the title of the choice, e.g. "Rows with missing values"
     * @return radio buttons showing the labels and storing the values
     */
    public static DialogComponentButtonGroup createDialogComponent(final SettingsModelString model,
        final String title) {
        return new DialogComponentButtonGroup(model, title, true, labels(), settingValues());
    }

    /**
     * @param value the stored value (e.g. from a flow variable): {@code SKIP} or {@code FAIL}, in any case (the rule of
     *            {@link EnumValues#parse})
     * @return the policy
     * @throws InvalidSettingsException naming the setting and the allowed values if the value is unknown
     */
    public static MissingValuePolicy fromSettingValue(final String value) throws InvalidSettingsException {
        try {
            return EnumValues.parse(MissingValuePolicy.class, value, CFG_KEY);
        } catch (IllegalArgumentException e) {
            for (MissingValuePolicy p : values()) {
                if (p.m_label.equals(value)) {
                    throw new InvalidSettingsException("Setting '" + CFG_KEY + "' holds the dialog label '" + value
                        + "' instead of its value; set it to '" + p.name() + "' (allowed: "
                        + EnumValues.allowed(MissingValuePolicy.class) + ").", e);
                }
            }
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
