package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in (test harness only): a setting with a config key. As in KNIME, saving writes a config
 * {@code <key>_Internals} (SettingsModelID, EnabledStatus) followed by the value(s).
 */
public abstract class SettingsModel {

    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODEL_ID = "SettingsModelID";

    private static final String CFGKEY_ENABLED = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    public SettingsModel() {
    }

    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final T clone = createClone();
        ((SettingsModel)clone).validateSettingsForModel(settings);
        ((SettingsModel)clone).loadSettingsForModel(settings);
        return clone;
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    public void addChangeListener(final ChangeListener l) {
        m_listeners.addIfAbsent(l);
    }

    protected void prependChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
        m_listeners.add(0, l);
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        final ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    public void setEnabled(final boolean enabled) {
        final boolean changed = enabled != m_enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettingsForModel(settings);
    }

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String internals = getConfigName() + CFGKEY_INTERNAL;
        if (settings.containsKey(internals)) {
            final NodeSettingsRO i = settings.getNodeSettings(internals);
            final String id = i.getString(CFGKEY_MODEL_ID, getModelTypeID());
            if (!getModelTypeID().equals(id)) {
                throw new InvalidSettingsException("Setting \"" + getConfigName() + "\" was saved by a " + id
                    + " settings model, expected " + getModelTypeID());
            }
            setEnabled(i.getBoolean(CFGKEY_ENABLED, true));
        }
        loadSettingsForModel(settings);
    }

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        final NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODEL_ID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLED, m_enabled);
        saveSettingsForModel(settings);
    }

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    static String requireConfigName(final String configName) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        return configName;
    }
}
