package org.cinn4knime.nodes.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the cINN Scorer node (description: CinnScorerNodeFactory.xml beside this class). */
public final class CinnScorerNodeFactory extends NodeFactory<CinnScorerNodeModel> {

    @Override
    public CinnScorerNodeModel createNodeModel() {
        return new CinnScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CinnScorerNodeModel> createNodeView(final int viewIndex, final CinnScorerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The cINN Scorer has no node views (index " + viewIndex + ")");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnScorerNodeDialog();
    }
}
