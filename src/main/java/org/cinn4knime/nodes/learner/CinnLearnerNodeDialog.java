package org.cinn4knime.nodes.learner;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the cINN Learner: columns, architecture and training tabs, built from the node's settings models. */
final class CinnLearnerNodeDialog extends DefaultNodeSettingsPane {

    CinnLearnerNodeDialog() {
        final CinnLearnerSettings s = new CinnLearnerSettings();
        setDefaultTabTitle("Columns");
        createNewGroup("x (design) columns: what the network generates");
        addDialogComponent(new DialogComponentColumnFilter2(s.m_xColumns, 0));
        closeCurrentGroup();
        createNewGroup("y (target) columns: the condition a design should meet");
        addDialogComponent(new DialogComponentColumnFilter2(s.m_yColumns, 0));
        closeCurrentGroup();
        addDialogComponent(MissingValuePolicy.createDialogComponent(s.m_missing, "Rows with missing values"));

        createNewTab("Architecture");
        addDialogComponent(new DialogComponentNumber(s.m_blocks, "Coupling blocks", 1));
        addDialogComponent(new DialogComponentStringSelection(s.m_coupling, "Block type",
            CinnLearnerSettings.names(CouplingType.class)));
        addDialogComponent(new DialogComponentNumber(s.m_subnetLayers, "Hidden layers per subnet", 1));
        addDialogComponent(new DialogComponentNumber(s.m_subnetWidth, "Subnet width (units per layer)", 16));
        addDialogComponent(new DialogComponentStringSelection(s.m_activation, "Activation",
            CinnLearnerSettings.names(Activation.class)));
        addDialogComponent(new DialogComponentNumber(s.m_clamp, "Scale clamp", 0.5));
        addDialogComponent(new DialogComponentBoolean(s.m_actNorm, "ActNorm layers"));
        addDialogComponent(new DialogComponentStringSelection(s.m_precision, "Precision",
            CinnLearnerSettings.names(Precision.class)));

        createNewTab("Training");
        addDialogComponent(new DialogComponentNumber(s.m_epochs, "Epochs", 10));
        addDialogComponent(new DialogComponentNumber(s.m_batchSize, "Batch size", 100));
        addDialogComponent(new DialogComponentNumber(s.m_learningRate, "Learning rate", 1e-4));
        addDialogComponent(new DialogComponentNumber(s.m_weightDecay, "Weight decay", 1e-5));
        addDialogComponent(new DialogComponentNumber(s.m_validationPercent, "Validation rows (%)", 5));
        addDialogComponent(new DialogComponentNumber(s.m_patience, "Early-stopping patience (epochs, 0 = off)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_gradientClip, "Gradient clipping norm (0 = off)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_lrDecayFactor, "Learning-rate decay factor (1 = none)", 0.1));
        addDialogComponent(
            new DialogComponentString(s.m_lrDecayAt, "Decay after these fractions of the epochs (e.g. 0.67, 0.87)"));
        addDialogComponent(new DialogComponentNumber(s.m_instabilityThreshold,
            "Instability threshold per dimension (nats)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Random seed", 1));
        addDialogComponent(new DialogComponentNumber(s.m_threads, "CPU threads", 1));
    }
}
