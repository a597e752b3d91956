package org.cinn4knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the cINN Learner node (description: CinnLearnerNodeFactory.xml beside this class). */
public final class CinnLearnerNodeFactory extends NodeFactory<CinnLearnerNodeModel> {

    @Override
    public CinnLearnerNodeModel createNodeModel() {
        return new CinnLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CinnLearnerNodeModel> createNodeView(final int viewIndex, final CinnLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The cINN Learner has no node views (index " + viewIndex + ")");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnLearnerNodeDialog();
    }
}
