package org.cinn4knime.nodes.sampler;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the cINN Sampler node (description: CinnSamplerNodeFactory.xml beside this class). */
public final class CinnSamplerNodeFactory extends NodeFactory<CinnSamplerNodeModel> {

    @Override
    public CinnSamplerNodeModel createNodeModel() {
        return new CinnSamplerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CinnSamplerNodeModel> createNodeView(final int viewIndex, final CinnSamplerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The cINN Sampler has no node views (index " + viewIndex + ")");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnSamplerNodeDialog();
    }
}
