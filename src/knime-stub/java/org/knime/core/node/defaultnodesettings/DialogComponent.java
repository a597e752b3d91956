package org.knime.core.node.defaultnodesettings;

import java.awt.FlowLayout;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a Swing component editing one settings model. */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private final JPanel m_panel = new JPanel(new FlowLayout(FlowLayout.LEFT));

    private PortObjectSpec[] m_lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel must not be null");
        }
        m_model = model;
        m_model.addChangeListener(e -> updateComponent());
    }

    public JPanel getComponentPanel() {
        return m_panel;
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    protected final PortObjectSpec getLastTableSpec(final int portIdx) {
        return m_lastSpecs == null || portIdx >= m_lastSpecs.length ? null : m_lastSpecs[portIdx];
    }

    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs == null ? null : specs.clone();
        checkConfigurabilityBeforeLoad(specs);
        m_model.loadSettingsForDialog(settings, specs);
        updateComponent();
    }

    protected abstract void updateComponent();

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        m_model.saveSettingsTo(settings);
    }

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);
}
