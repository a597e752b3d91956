package org.cinn4knime.nodes.common;

import org.cinn4knime.engine.settings.Setting;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.util.filter.NameFilterConfiguration.EnforceOption;

/** Settings that several cINN nodes build the same way. */
public final class CommonSettings {

    /** Key of the enforce option inside a column filter's configuration (KNIME's NameFilterConfiguration). */
    private static final String KEY_ENFORCE = "enforce_option";

    private CommonSettings() {
    }

    /**
     * A numeric column filter that by default includes nothing and keeps exactly the columns the user moves to the
     * include list ("Enforce inclusion"): a numeric column added upstream later is left out instead of landing in
     * several roles at once. (KNIME's own default, "Enforce exclusion", would add every new column to every such
     * filter.)
     *
     * @param declaration the filter's declaration (its key)
     * @return the filter model
     */
    @SuppressWarnings("unchecked")
    public static SettingsModelColumnFilter2 numericInclusionFilter(final Setting declaration) {
        final SettingsModelColumnFilter2 m = new SettingsModelColumnFilter2(declaration.key(), DoubleValue.class);
        final NodeSettings ns = new NodeSettings("defaults");
        m.saveSettingsTo(ns);
        try {
            ns.getNodeSettings(declaration.key()).addString(KEY_ENFORCE, EnforceOption.EnforceInclusion.name());
            m.loadSettingsFrom(ns);
        } catch (InvalidSettingsException e) { // our own settings just written
            throw new IllegalStateException(e);
        }
        return m;
    }
}
