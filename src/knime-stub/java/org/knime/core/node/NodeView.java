package org.knime.core.node;

import java.awt.Component;

import org.knime.core.node.message.Message;

/** Stand-in (test harness only): a Swing node view (never opened in headless tests). */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {

    private Component m_component;

    private boolean m_open;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
        nodeModel.registerView(this);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        m_open = true;
        onOpen();
        modelChanged();
    }

    @Override
    public final void callCloseView() {
        m_open = false;
        getNodeModel().unregisterView(this);
        onClose();
    }

    protected final boolean isOpen() {
        return m_open;
    }

    protected final Component getComponent() {
        return m_component;
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    @Override
    public void warningChanged(final Message warning) {
        // the stand-in shows no warning label
    }
}
