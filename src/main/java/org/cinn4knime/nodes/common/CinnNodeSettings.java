package org.cinn4knime.nodes.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * The settings of one cINN node: its settings models, saved and loaded in the order they were {@link #add added}, and
 * a {@link #check()} of the loaded values that validation runs on a fresh instance.
 */
public abstract class CinnNodeSettings {

    private final List<SettingsModel> m_models = new ArrayList<>();

    /**
     * Registers a settings model; call it in the field initialisers, in the order the settings are to be saved.
     *
     * @param model the settings model
     * @param <M> its type
     * @return the model
     */
    protected final <M extends SettingsModel> M add(final M model) {
        m_models.add(model);
        return model;
    }

    /** @param settings receives every registered settings model */
    public final void save(final NodeSettingsWO settings) {
        m_models.forEach(m -> m.saveSettingsTo(settings));
    }

    /**
     * @param settings the settings to load every registered settings model from
     * @throws InvalidSettingsException if a setting is missing or out of range
     */
    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_models) {
            m.loadSettingsFrom(settings);
        }
    }

    /**
     * Checks the loaded values beyond what each settings model checks on its own (allowed names, usable combinations).
     *
     * @throws InvalidSettingsException naming the setting at fault
     */
    protected abstract void check() throws InvalidSettingsException;

    /**
     * Checks settings without changing any existing settings object: loads them into a fresh instance and checks it.
     *
     * @param fresh creates a settings object with default values
     * @param settings the settings to check
     * @throws InvalidSettingsException if the settings cannot be loaded or are not usable
     */
    public static void validate(final Supplier<? extends CinnNodeSettings> fresh, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final CinnNodeSettings s = fresh.get();
        s.load(settings);
        s.check();
    }
}
