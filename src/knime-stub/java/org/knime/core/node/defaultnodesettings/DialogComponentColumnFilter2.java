package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration.EnforceOption;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

/** Stand-in (test harness only): a multi-selection list of the offered columns; selected = included. */
public class DialogComponentColumnFilter2 extends DialogComponent {

    private final int m_inPort;

    private final JLabel m_title = new JLabel("Include");

    private final JList<String> m_list = new JList<>();

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex) {
        this(model, inPortIndex, false);
    }

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex,
        final boolean showFilterTypeSelection) {
        super(model);
        m_inPort = inPortIndex;
        model.setInputPortIndex(inPortIndex);
        getComponentPanel().add(m_title);
        getComponentPanel().add(new JScrollPane(m_list));
    }

    private SettingsModelColumnFilter2 model() {
        return (SettingsModelColumnFilter2)getModel();
    }

    @Override
    protected void updateComponent() {
        final PortObjectSpec spec = getLastTableSpec(m_inPort);
        if (m_list == null || !(spec instanceof DataTableSpec)) {
            return;
        }
        final var result = model().applyTo((DataTableSpec)spec);
        final List<String> all = new ArrayList<>(Arrays.asList(result.getIncludes()));
        all.addAll(Arrays.asList(result.getExcludes()));
        m_list.setListData(all.toArray(new String[0]));
        m_list.setSelectionInterval(0, result.getIncludes().length - 1);
        if (result.getIncludes().length == 0) {
            m_list.clearSelection();
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final List<String> incl = m_list.getSelectedValuesList();
        final List<String> excl = new ArrayList<>();
        for (int i = 0; i < m_list.getModel().getSize(); i++) {
            if (!incl.contains(m_list.getModel().getElementAt(i))) {
                excl.add(m_list.getModel().getElementAt(i));
            }
        }
        final DataColumnSpecFilterConfiguration conf = model().getFilterConfiguration();
        conf.loadDefaults(incl.toArray(new String[0]), excl.toArray(new String[0]), EnforceOption.EnforceExclusion);
        model().setFilterConfiguration(conf);
        // round-trip check: the configuration must be loadable again
        final NodeSettings tmp = new NodeSettings("tmp");
        conf.saveConfiguration(tmp);
        conf.clone().loadConfigurationInModel(tmp);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || m_inPort >= specs.length || !(specs[m_inPort] instanceof DataTableSpec)) {
            throw new NotConfigurableException("No input table spec available at port " + m_inPort);
        }
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_list.setEnabled(enabled);
    }

    public void setIncludeTitle(final String title) {
        m_title.setText(title);
    }

    public void setExcludeTitle(final String title) {
        // single list: no exclude title
    }

    @Override
    public void setToolTipText(final String text) {
        m_list.setToolTipText(text);
    }
}
