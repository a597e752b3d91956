package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
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

    /*
     * DataCells are stored as a config holding "datacell" (the cell class) and a config named after the cell class
     * with the value (e.g. entry "DoubleCell" of type xdouble). The stand-in supports the cells of
     * org.knime.core.data.def (double, int, long, string, boolean) and missing cells.
     */
    private static final String CFG_CELL_CLASS = "datacell";

    private static final String CFG_MISSING_ERROR = "error";

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        final Config c = addConfig(key);
        if (cell == null) {
            return;
        }
        final String cls = cell.getClass().getName();
        c.addString(CFG_CELL_CLASS, cls);
        final Config value = c.addConfig(cls);
        final String simple = cell.getClass().getSimpleName();
        if (cell instanceof MissingCell) {
            value.addString(CFG_MISSING_ERROR, ((MissingCell)cell).getError());
        } else if (cell instanceof DoubleCell) {
            value.addDouble(simple, ((DoubleCell)cell).getDoubleValue());
        } else if (cell instanceof IntCell) {
            value.addInt(simple, ((IntCell)cell).getIntValue());
        } else if (cell instanceof LongCell) {
            value.addLong(simple, ((LongCell)cell).getLongValue());
        } else if (cell instanceof StringCell) {
            value.addString(simple, ((StringCell)cell).getStringValue());
        } else if (cell instanceof BooleanCell) {
            value.addBoolean(simple, ((BooleanCell)cell).getBooleanValue());
        } else {
            throw new IllegalArgumentException("The stand-in cannot store cells of " + cls + " (key \"" + key + "\")");
        }
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!c.containsKey(CFG_CELL_CLASS)) {
            return null;
        }
        final String cls = c.getString(CFG_CELL_CLASS);
        final Config value = c.getConfig(cls);
        final String simple = cls.substring(cls.lastIndexOf('.') + 1);
        switch (cls) {
            case "org.knime.core.data.MissingCell":
                return new MissingCell(value.getString(CFG_MISSING_ERROR, null));
            case "org.knime.core.data.def.DoubleCell":
                return new DoubleCell(value.getDouble(simple));
            case "org.knime.core.data.def.IntCell":
                return new IntCell(value.getInt(simple));
            case "org.knime.core.data.def.LongCell":
                return new LongCell(value.getLong(simple));
            case "org.knime.core.data.def.StringCell":
                return new StringCell(value.getString(simple));
            case "org.knime.core.data.def.BooleanCell":
                return value.getBoolean(simple) ? BooleanCell.TRUE : BooleanCell.FALSE;
            default:
                throw new InvalidSettingsException("Unsupported cell class \"" + cls + "\" under key \"" + key + "\"");
        }
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        try {
            return getDataCell(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... values) {
        final Config c = addConfig(key);
        if (values == null) {
            return;
        }
        c.addInt("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.addDataCell(Integer.toString(i), values[i]);
        }
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!c.containsKey("array-size")) {
            return null;
        }
        final DataCell[] result = new DataCell[c.getInt("array-size")];
        for (int i = 0; i < result.length; i++) {
            result[i] = c.getDataCell(Integer.toString(i));
        }
        return result;
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        try {
            return getDataCellArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
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
