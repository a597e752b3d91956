package org.knime.core.node.defaultnodesettings;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;

import javax.swing.Box;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a dialog built from {@link DialogComponent}s, in tabs and titled groups. */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String DEFAULT_TAB = "Options";

    private final List<DialogComponent> m_components = new ArrayList<>();

    private JPanel m_tabPanel;

    private String m_tabTitle = DEFAULT_TAB;

    private Box m_current;

    private Box m_group;

    private boolean m_horizontal;

    public DefaultNodeSettingsPane() {
        createTab(DEFAULT_TAB, -1);
    }

    private void createTab(final String title, final int index) {
        m_tabPanel = new JPanel();
        m_tabPanel.setLayout(new BoxLayout(m_tabPanel, BoxLayout.Y_AXIS));
        m_current = Box.createVerticalBox();
        m_tabPanel.add(m_current);
        m_group = null;
        m_tabTitle = title;
        if (index < 0) {
            addTab(title, m_tabPanel);
        } else {
            addTabAt(index, title, m_tabPanel);
        }
    }

    private void addTabAt(final int index, final String title, final Component comp) {
        addTab(title, comp); // the stand-in appends; the order of tabs is irrelevant headless
    }

    public void setDefaultTabTitle(final String tabTitle) {
        renameTab(DEFAULT_TAB, tabTitle);
        if (DEFAULT_TAB.equals(m_tabTitle)) {
            m_tabTitle = tabTitle;
        }
    }

    public void createNewTabAt(final String tabTitle, final int index) {
        createTab(tabTitle, index);
    }

    public void createNewTab(final String tabTitle) {
        createTab(tabTitle, -1);
    }

    public void selectTab(final String tabTitle) {
        setSelected(tabTitle);
    }

    public void createNewGroup(final String title) {
        closeCurrentGroup();
        m_group = m_horizontal ? Box.createHorizontalBox() : Box.createVerticalBox();
        m_group.setBorder(BorderFactory.createTitledBorder(title));
        m_tabPanel.add(m_group);
    }

    public void closeCurrentGroup() {
        m_group = null;
        m_current = m_horizontal ? Box.createHorizontalBox() : Box.createVerticalBox();
        m_tabPanel.add(m_current);
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        (m_group != null ? m_group : m_current).add(diaC.getComponentPanel());
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        if (horizontal != m_horizontal) {
            m_horizontal = horizontal;
            if (m_group == null) {
                closeCurrentGroup();
            }
        }
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            tableSpecs[i] = specs[i] instanceof DataTableSpec ? (DataTableSpec)specs[i] : null;
        }
        loadAdditionalSettingsFrom(settings, tableSpecs);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // hook
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }
}
