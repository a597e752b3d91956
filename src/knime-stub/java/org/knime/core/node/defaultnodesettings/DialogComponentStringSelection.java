package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in (test harness only): a label and a combo box choosing one of a list of strings. */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_combo = new JComboBox<>();

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of \"" + label + "\" must not be empty");
        }
        m_label = new JLabel(label);
        list.forEach(m_combo::addItem);
        m_combo.setEditable(editable);
        m_combo.setSelectedItem(stringModel.getStringValue());
        m_combo.addItemListener(e -> stringModel.setStringValue((String)m_combo.getSelectedItem()));
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
    }

    @Override
    protected void updateComponent() {
        if (m_label != null) {
            m_combo.setSelectedItem(((SettingsModelString)getModel()).getStringValue());
            setEnabledComponents(getModel().isEnabled());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (m_combo.getSelectedItem() == null) {
            throw new InvalidSettingsException("Please select an item for \"" + m_label.getText() + "\"");
        }
        ((SettingsModelString)getModel()).setStringValue((String)m_combo.getSelectedItem());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combo.setEnabled(enabled);
    }

    public void setSizeComponents(final int width, final int height) {
        m_combo.setPreferredSize(new java.awt.Dimension(width, height));
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
        m_label.setToolTipText(text);
    }

    public void replaceListItems(final Collection<String> newItems, final String select) {
        m_combo.removeAllItems();
        newItems.forEach(m_combo::addItem);
        m_combo.setSelectedItem(select != null ? select : ((SettingsModelString)getModel()).getStringValue());
    }
}
