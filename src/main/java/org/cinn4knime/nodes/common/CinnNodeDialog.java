package org.cinn4knime.nodes.common;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Dialog of a cINN node whose components take their labels (and choices) from the settings' declarations, so the
 * dialog, the node description and the command line name a setting alike.
 */
public abstract class CinnNodeDialog extends DefaultNodeSettingsPane {

    private final CinnNodeSettings m_settings;

    /** @param settings the node's settings (a fresh instance: the dialog loads the saved values itself) */
    protected CinnNodeDialog(final CinnNodeSettings settings) {
        m_settings = settings;
    }

    /**
     * @param model a registered number model
     * @param step the spinner step
     */
    protected final void number(final SettingsModelNumber model, final Number step) {
        addDialogComponent(new DialogComponentNumber(model, label(model), step));
    }

    /** @param model a registered boolean model */
    protected final void checkBox(final SettingsModelBoolean model) {
        addDialogComponent(new DialogComponentBoolean(model, label(model)));
    }

    /** @param model a registered choice model: a drop-down of the declared names */
    protected final void choice(final SettingsModelString model) {
        addDialogComponent(
            new DialogComponentStringSelection(model, label(model), m_settings.declarationOf(model).choices()));
    }

    /**
     * @param model a registered text model
     * @param columns the width of the text field in characters
     */
    protected final void text(final SettingsModelString model, final int columns) {
        addDialogComponent(new DialogComponentString(model, label(model), false, columns));
    }

    /** @param model the registered missing-value policy model: radio buttons */
    protected final void missingValues(final SettingsModelString model) {
        addDialogComponent(MissingValuePolicy.createDialogComponent(model, label(model)));
    }

    private String label(final org.knime.core.node.defaultnodesettings.SettingsModel model) {
        return m_settings.declarationOf(model).label();
    }
}
