package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/** Stand-in (test harness only): in-memory node settings, saved/loaded as KNIME settings.xml. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        final NodeSettings tmp = new NodeSettings("ignored");
        final NodeSettings result = new NodeSettings(XmlRootKey.read(in, tmp));
        tmp.copyTo(result);
        return result;
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!(c instanceof NodeSettings)) {
            throw new InvalidSettingsException("Config \"" + key + "\" is not a node settings object");
        }
        return (NodeSettings)c;
    }
}
