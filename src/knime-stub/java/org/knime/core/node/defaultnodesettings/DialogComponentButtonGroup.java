package org.knime.core.node.defaultnodesettings;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JPanel;
import javax.swing.JRadioButton;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in (test harness only): radio buttons showing one label each and storing the button's action command in a
 * string settings model.
 */
public class DialogComponentButtonGroup extends DialogComponent {

    private final ButtonGroup m_group = new ButtonGroup();

    private final Map<String, JRadioButton> m_buttons = new LinkedHashMap<>();

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] elements, final String[] actionCommands) {
        super(stringModel);
        if (elements == null || actionCommands == null || elements.length != actionCommands.length
            || elements.length == 0) {
            throw new IllegalArgumentException("Elements and action commands of \"" + label
                + "\" must be non-empty and of the same length");
        }
        final JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, vertical ? BoxLayout.Y_AXIS : BoxLayout.X_AXIS));
        if (label != null) {
            panel.setBorder(javax.swing.BorderFactory.createTitledBorder(label));
        }
        for (int i = 0; i < elements.length; i++) {
            final JRadioButton b = new JRadioButton(elements[i]);
            b.setActionCommand(actionCommands[i]);
            b.setSelected(actionCommands[i].equals(stringModel.getStringValue()));
            b.addItemListener(e -> {
                if (b.isSelected()) {
                    stringModel.setStringValue(b.getActionCommand());
                }
            });
            m_group.add(b);
            panel.add(b);
            m_buttons.put(actionCommands[i], b);
        }
        getComponentPanel().add(panel);
    }

    public AbstractButton getButton(final String actionCommand) {
        return m_buttons.get(actionCommand);
    }

    @Override
    protected void updateComponent() {
        if (m_buttons != null) {
            final JRadioButton b = m_buttons.get(((SettingsModelString)getModel()).getStringValue());
            if (b != null) {
                b.setSelected(true);
            } else {
                m_group.clearSelection();
            }
            setEnabledComponents(getModel().isEnabled());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() {
        if (m_group.getSelection() != null) {
            ((SettingsModelString)getModel()).setStringValue(m_group.getSelection().getActionCommand());
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_buttons.values().forEach(b -> b.setEnabled(enabled));
    }

    @Override
    public void setToolTipText(final String text) {
        m_buttons.values().forEach(b -> b.setToolTipText(text));
    }
}
