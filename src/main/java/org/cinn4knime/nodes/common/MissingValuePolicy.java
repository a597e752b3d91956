package org.cinn4knime.nodes.common;

import java.util.Arrays;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** What a node does with an input row that has a missing value in a column it needs. */
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

    /** @return the text shown in the dialog and stored in the settings */
    public String label() {
        return m_label;
    }

    /** @return the labels of all policies, in dialog order */
    public static List<String> labels() {
        return Arrays.stream(values()).map(MissingValuePolicy::label).toList();
    }

    /** @return a new settings model holding the policy (default: skip) */
    public static SettingsModelString createModel() {
        return new SettingsModelString(CFG_KEY, SKIP.label());
    }

    /**
     * @param label the stored label (e.g. from a flow variable)
     * @return the policy
     * @throws InvalidSettingsException naming the setting and the allowed values if the label is unknown
     */
    public static MissingValuePolicy fromLabel(final String label) throws InvalidSettingsException {
        for (MissingValuePolicy p : values()) {
            if (p.m_label.equals(label)) {
                return p;
            }
        }
        throw new InvalidSettingsException("Unknown missing-value policy '" + label + "' (setting '" + CFG_KEY
            + "'); allowed: " + String.join(", ", labels().stream().map(l -> "'" + l + "'").toList()));
    }
}
