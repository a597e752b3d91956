package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/** Stand-in (test harness only): in-memory model content (the config tree port objects save themselves into). */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    public static synchronized ModelContentRO loadFromXML(final InputStream in) throws IOException {
        final ModelContent tmp = new ModelContent("ignored");
        final ModelContent result = new ModelContent(XmlRootKey.read(in, tmp));
        tmp.copyTo(result);
        return result;
    }

    @Override
    public void addModelContent(final ModelContent content) {
        addConfig(content);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!(c instanceof ModelContent)) {
            throw new InvalidSettingsException("Config \"" + key + "\" is not a model content object");
        }
        return (ModelContent)c;
    }
}
