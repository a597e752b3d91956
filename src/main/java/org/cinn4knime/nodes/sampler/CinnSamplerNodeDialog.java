package org.cinn4knime.nodes.sampler;

import org.cinn4knime.nodes.common.CinnNodeDialog;

/** Dialog of the cINN Sampler, built from the node's settings models and labelled by their declarations. */
final class CinnSamplerNodeDialog extends CinnNodeDialog {

    CinnSamplerNodeDialog() {
        this(new CinnSamplerSettings());
    }

    private CinnSamplerNodeDialog(final CinnSamplerSettings s) {
        super(s);
        setDefaultTabTitle("Sampling");
        number(s.m_samplesPerRow, 10);
        number(s.m_temperature, 0.1);
        number(s.m_seed, 1);
        checkBox(s.m_appendLogDensity);
        checkBox(s.m_keepInputColumns);
        missingValues(s.m_missing);
        number(s.m_threads, 1);
    }
}
