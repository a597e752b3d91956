package org.cinn4knime.nodes.learner;

import org.cinn4knime.nodes.common.CinnNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the cINN Learner node (description: CinnLearnerNodeFactory.xml beside this class). */
public final class CinnLearnerNodeFactory extends CinnNodeFactory<CinnLearnerNodeModel> {

    /** Creates the factory (KNIME calls this). */
    public CinnLearnerNodeFactory() {
        super("cINN Learner");
    }

    @Override
    public CinnLearnerNodeModel createNodeModel() {
        return new CinnLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnLearnerNodeDialog();
    }
}
