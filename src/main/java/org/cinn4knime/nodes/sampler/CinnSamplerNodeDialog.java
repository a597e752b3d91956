package org.cinn4knime.nodes.sampler;

import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the cINN Sampler, built from the node's settings models. */
final class CinnSamplerNodeDialog extends DefaultNodeSettingsPane {

    CinnSamplerNodeDialog() {
        final CinnSamplerSettings s = new CinnSamplerSettings();
        setDefaultTabTitle("Sampling");
        addDialogComponent(new DialogComponentNumber(s.m_samplesPerRow, "Designs per target row", 10));
        addDialogComponent(new DialogComponentNumber(s.m_temperature, "Temperature", 0.1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Random seed", 1));
        addDialogComponent(new DialogComponentBoolean(s.m_appendLogDensity, "Append log p(x|y)"));
        addDialogComponent(new DialogComponentBoolean(s.m_keepInputColumns, "Keep the other input columns"));
        addDialogComponent(MissingValuePolicy.createDialogComponent(s.m_missing, "Rows with missing y values"));
        addDialogComponent(new DialogComponentNumber(s.m_threads, "CPU threads", 1));
    }
}
