package org.cinn4knime.nodes.common;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Factory of a cINN node: every cINN node has a dialog and no node views (its description, the XML file named like the
 * concrete factory class beside it, says so too).
 *
 * @param <M> the node model
 */
public abstract class CinnNodeFactory<M extends NodeModel> extends NodeFactory<M> {

    private final String m_nodeName;

    /** @param nodeName the node's name for error messages, e.g. "cINN Learner" */
    protected CinnNodeFactory(final String nodeName) {
        m_nodeName = nodeName;
    }

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<M> createNodeView(final int viewIndex, final M nodeModel) {
        throw new IndexOutOfBoundsException("The " + m_nodeName + " has no node views (index " + viewIndex + ")");
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }
}
