package org.cinn4knime.nodes.scorer;

import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the cINN Scorer, built from the node's settings models. */
final class CinnScorerNodeDialog extends DefaultNodeSettingsPane {

    CinnScorerNodeDialog() {
        final CinnScorerSettings s = new CinnScorerSettings();
        setDefaultTabTitle("Scoring");
        addDialogComponent(MissingValuePolicy.createDialogComponent(s.m_missing, "Rows with missing x or y values"));
        addDialogComponent(new DialogComponentString(s.m_prefix, "Flow variable prefix", false, 20));
        addDialogComponent(new DialogComponentNumber(s.m_threads, "CPU threads", 1));
    }
}
