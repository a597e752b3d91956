package org.cinn4knime.nodes.scorer;

import org.cinn4knime.nodes.common.CinnNodeDialog;

/** Dialog of the cINN Scorer, built from the node's settings models and labelled by their declarations. */
final class CinnScorerNodeDialog extends CinnNodeDialog {

    CinnScorerNodeDialog() {
        this(new CinnScorerSettings());
    }

    private CinnScorerNodeDialog(final CinnScorerSettings s) {
        super(s);
        setDefaultTabTitle("Scoring");
        missingValues(s.m_missing);
        text(s.m_prefix, 20);
        number(s.m_threads, 1);
    }
}
