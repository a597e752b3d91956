package org.cinn4knime.nodes.common;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;

import org.cinn4knime.engine.settings.Setting;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * Node model of a cINN node: keeps its settings in one {@link CinnNodeSettings} object and has no internal state (the
 * model travels on a port), so settings handling, reset and internals are the same for every node.
 *
 * @param <S> the node's settings
 */
public abstract class CinnNodeModel<S extends CinnNodeSettings> extends NodeModel {

    /** The node's current settings. */
    protected final S m_settings;

    private final Supplier<S> m_fresh;

    /**
     * @param inPortTypes the input ports
     * @param outPortTypes the output ports
     * @param fresh creates a settings object with default values
     */
    protected CinnNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes, final Supplier<S> fresh) {
        super(inPortTypes, outPortTypes);
        m_fresh = fresh;
        m_settings = fresh.get();
    }

    /** @return the declarations of this node's settings, in saving order (for tests of descriptions and loading) */
    public final List<Setting> settingDeclarations() {
        return m_settings.declarations();
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        CinnNodeSettings.validate(m_fresh, settings);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }

    @Override
    protected void reset() {
        // no internal state: models live on the ports
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing to load
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing to save
    }
}
