package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in (test harness only): a config tree that can also hold data types. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getConfigBase(key);
    }

    @Override
    public void addDataType(final String key, final DataType type) {
        final Config sub = addConfig(key);
        if (type != null) {
            type.save(sub);
        }
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        final Config sub = getConfig(key);
        return sub.keySet().isEmpty() ? null : DataType.load(sub);
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        try {
            return getDataType(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String toString() {
        return super.toString();
    }

    public void load(final InputStream in) throws IOException {
        super.load(in);
    }
}
