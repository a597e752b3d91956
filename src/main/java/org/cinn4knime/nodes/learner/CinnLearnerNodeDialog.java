package org.cinn4knime.nodes.learner;

import org.cinn4knime.nodes.common.CinnNodeDialog;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/**
 * Dialog of the cINN Learner: columns, architecture and training tabs, built from the node's settings models and
 * labelled by their declarations.
 */
final class CinnLearnerNodeDialog extends CinnNodeDialog {

    CinnLearnerNodeDialog() {
        this(new CinnLearnerSettings());
    }

    private CinnLearnerNodeDialog(final CinnLearnerSettings s) {
        super(s);
        setDefaultTabTitle("Columns");
        createNewGroup(CinnLearnerSettings.X_COLUMNS.label() + ": what the network generates");
        addDialogComponent(new DialogComponentColumnFilter2(s.m_xColumns, 0));
        closeCurrentGroup();
        createNewGroup(CinnLearnerSettings.Y_COLUMNS.label() + ": the condition a design should meet");
        addDialogComponent(new DialogComponentColumnFilter2(s.m_yColumns, 0));
        closeCurrentGroup();
        missingValues(s.m_missing);

        createNewTab("Architecture");
        number(s.m_blocks, 1);
        choice(s.m_coupling);
        number(s.m_subnetLayers, 1);
        number(s.m_subnetWidth, 16);
        choice(s.m_activation);
        number(s.m_clamp, 0.5);
        checkBox(s.m_actNorm);
        choice(s.m_precision);
        number(s.m_splineBins, 1);
        number(s.m_splineTailBound, 0.5);

        createNewTab("Training");
        number(s.m_epochs, 10);
        number(s.m_batchSize, 100);
        number(s.m_learningRate, 1e-4);
        number(s.m_beta1, 0.01);
        number(s.m_beta2, 0.001);
        number(s.m_weightDecay, 1e-5);
        number(s.m_validationPercent, 5);
        number(s.m_patience, 1);
        number(s.m_gradientClip, 1);
        number(s.m_lrDecayFactor, 0.1);
        text(s.m_lrDecayAt, 15);
        number(s.m_instabilityThreshold, 1);
        number(s.m_seed, 1);
        number(s.m_threads, 1);

        createNewTab("Column domains");
        text(s.m_domains, 60);
    }
}
