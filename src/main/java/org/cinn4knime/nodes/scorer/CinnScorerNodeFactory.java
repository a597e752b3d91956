package org.cinn4knime.nodes.scorer;

import org.cinn4knime.nodes.common.CinnNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the cINN Scorer node (description: CinnScorerNodeFactory.xml beside this class). */
public final class CinnScorerNodeFactory extends CinnNodeFactory<CinnScorerNodeModel> {

    /** Creates the factory (KNIME calls this). */
    public CinnScorerNodeFactory() {
        super("cINN Scorer");
    }

    @Override
    public CinnScorerNodeModel createNodeModel() {
        return new CinnScorerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnScorerNodeDialog();
    }
}
