package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a Swing node dialog with tabs (compiled, never opened by headless tests). */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    protected NodeDialogPane() {
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    public final JPanel getPanel() {
        return m_panel;
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException(getClass().getName()
                    + " has non-table ports and must override loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    public void onCancel() {
        // hook
    }

    public void onClose() {
        // hook
    }

    public void onOpen() {
        // hook
    }

    protected final void addTab(final String title, final Component comp) {
        m_tabs.addTab(title, comp);
    }

    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        m_tabs.addTab(title, wrapInScrollPane ? new javax.swing.JScrollPane(comp) : comp);
    }

    protected final void renameTab(final String oldName, final String newName) {
        final int i = m_tabs.indexOfTab(oldName);
        if (i >= 0) {
            m_tabs.setTitleAt(i, newName);
        }
    }

    protected final boolean setSelected(final String name) {
        final int i = m_tabs.indexOfTab(name);
        if (i >= 0) {
            m_tabs.setSelectedIndex(i);
        }
        return i >= 0;
    }

    protected final Component getTab(final String name) {
        final int i = m_tabs.indexOfTab(name);
        return i < 0 ? null : m_tabs.getComponentAt(i);
    }

    protected final void removeTab(final String name) {
        final int i = m_tabs.indexOfTab(name);
        if (i >= 0) {
            m_tabs.removeTabAt(i);
        }
    }

    protected final int getTabIndex(final String name) {
        return m_tabs.indexOfTab(name);
    }
}
