package org.knime.core.node;

/** Factory of {@link ToyNodeModel}, with a description XML and icon in src/test/resources. */
public final class ToyNodeFactory extends NodeFactory<ToyNodeModel> {

    /** When set, getNrNodeViews() disagrees with the description (to test the check). */
    static boolean s_wrongViewCount;

    @Override
    public ToyNodeModel createNodeModel() {
        return new ToyNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return s_wrongViewCount ? 1 : 0;
    }

    @Override
    public NodeView<ToyNodeModel> createNodeView(final int viewIndex, final ToyNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The toy node has no views, asked for " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        throw new IllegalStateException("The toy node has no dialog");
    }
}
