package org.cinn4knime.nodes.sampler;

import org.cinn4knime.nodes.common.CinnNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the cINN Sampler node (description: CinnSamplerNodeFactory.xml beside this class). */
public final class CinnSamplerNodeFactory extends CinnNodeFactory<CinnSamplerNodeModel> {

    /** Creates the factory (KNIME calls this). */
    public CinnSamplerNodeFactory() {
        super("cINN Sampler");
    }

    @Override
    public CinnSamplerNodeModel createNodeModel() {
        return new CinnSamplerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CinnSamplerNodeDialog();
    }
}
