package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in (test harness only): an ordered, in-memory settings tree that reads and writes KNIME's settings.xml format
 * (XMLConfig_2008_09). Arrays are stored the way KNIME stores them: a nested config holding {@code array-size} and the
 * entries {@code 0}, {@code 1}, ...
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    static final String ARRAY_SIZE_KEY = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key, EntryType.CONFIG);
    }

    public abstract ConfigBase getInstance(String key);

    protected void put(final AbstractConfigEntry entry) {
        m_map.put(entry.getKey(), entry);
        entry.setParent(this);
    }

    protected AbstractConfigEntry get(final String key) {
        return m_map.get(key);
    }

    // ---------------------------------------------------------------- nested configs

    @Override
    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        put(config);
        return config;
    }

    protected final void addConfigBase(final ConfigBase config) {
        put(config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        final AbstractConfigEntry e = m_map.get(key);
        if (e == null) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found in config \"" + getKey()
                + "\".");
        }
        if (!(e instanceof ConfigBase)) {
            throw new InvalidSettingsException("Entry for key \"" + key + "\" in config \"" + getKey()
                + "\" is a " + e.entryType().xmlName() + " entry, not a config.");
        }
        return (ConfigBase)e;
    }

    // ---------------------------------------------------------------- scalar values

    private void addValue(final String key, final EntryType type, final String text) {
        put(new ValueEntry(key, type, text));
    }

    private String getValue(final String key, final EntryType type) throws InvalidSettingsException {
        final AbstractConfigEntry e = m_map.get(key);
        if (e == null) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found in config \"" + getKey()
                + "\".");
        }
        if (e.entryType() != type) {
            throw new InvalidSettingsException("Entry for key \"" + key + "\" in config \"" + getKey() + "\" is of type "
                + e.entryType().xmlName() + ", expected " + type.xmlName() + ".");
        }
        return ((ValueEntry)e).value();
    }

    private static InvalidSettingsException unparsable(final String key, final String text, final EntryType type,
        final RuntimeException cause) {
        return new InvalidSettingsException(
            "Value \"" + text + "\" of key \"" + key + "\" is not a valid " + type.xmlName() + ".", cause);
    }

    @Override
    public void addInt(final String key, final int value) {
        addValue(key, EntryType.INT, Integer.toString(value));
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.INT);
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.INT, e);
        }
    }

    @Override
    public void addDouble(final String key, final double value) {
        addValue(key, EntryType.DOUBLE, Double.toString(value));
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.DOUBLE);
        try {
            return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.DOUBLE, e);
        }
    }

    @Override
    public void addFloat(final String key, final float value) {
        addValue(key, EntryType.FLOAT, Float.toString(value));
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.FLOAT);
        try {
            return Float.parseFloat(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.FLOAT, e);
        }
    }

    @Override
    public void addChar(final String key, final char value) {
        addValue(key, EntryType.CHAR, Character.toString(value));
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.CHAR);
        if (t.length() != 1) {
            throw unparsable(key, t, EntryType.CHAR, null);
        }
        return t.charAt(0);
    }

    @Override
    public void addShort(final String key, final short value) {
        addValue(key, EntryType.SHORT, Short.toString(value));
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.SHORT);
        try {
            return Short.parseShort(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.SHORT, e);
        }
    }

    @Override
    public void addLong(final String key, final long value) {
        addValue(key, EntryType.LONG, Long.toString(value));
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.LONG);
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.LONG, e);
        }
    }

    @Override
    public void addByte(final String key, final byte value) {
        addValue(key, EntryType.BYTE, Byte.toString(value));
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.BYTE);
        try {
            return Byte.parseByte(t.trim());
        } catch (NumberFormatException e) {
            throw unparsable(key, t, EntryType.BYTE, e);
        }
    }

    @Override
    public void addString(final String key, final String value) {
        addValue(key, EntryType.STRING, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return getValue(key, EntryType.STRING);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        addValue(key, EntryType.BOOLEAN, Boolean.toString(value));
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        final String t = getValue(key, EntryType.BOOLEAN);
        if ("true".equals(t.trim())) {
            return true;
        }
        if ("false".equals(t.trim())) {
            return false;
        }
        throw unparsable(key, t, EntryType.BOOLEAN, null);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(m_map.keySet()));
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    // ---------------------------------------------------------------- values with defaults

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public float getFloat(final String key, final float def) {
        try {
            return getFloat(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char getChar(final String key, final char def) {
        try {
            return getChar(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte getByte(final String key, final byte def) {
        try {
            return getByte(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short getShort(final String key, final short def) {
        try {
            return getShort(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---------------------------------------------------------------- arrays (nested config, KNIME layout)

    /** Element access for one array of a primitive/String type. */
    private interface ArrayOps<A> {
        int length(A array);

        void add(ConfigBase c, String key, A array, int i);

        A create(int size);

        void get(ConfigBase c, String key, A array, int i) throws InvalidSettingsException;
    }

    private <A> void addArray(final String key, final A values, final ArrayOps<A> ops) {
        final ConfigBase c = addConfigBase(key);
        if (values == null) {
            return; // a null array is an empty config without array-size
        }
        final int n = ops.length(values);
        c.addInt(ARRAY_SIZE_KEY, n);
        for (int i = 0; i < n; i++) {
            ops.add(c, Integer.toString(i), values, i);
        }
    }

    private <A> A getArray(final String key, final ArrayOps<A> ops) throws InvalidSettingsException {
        final ConfigBase c = getConfigBase(key);
        if (!c.containsKey(ARRAY_SIZE_KEY)) {
            return null;
        }
        final int n = c.getInt(ARRAY_SIZE_KEY);
        if (n < 0) {
            throw new InvalidSettingsException("Negative array-size " + n + " for key \"" + key + "\".");
        }
        final A result = ops.create(n);
        for (int i = 0; i < n; i++) {
            ops.get(c, Integer.toString(i), result, i);
        }
        return result;
    }

    private static final ArrayOps<int[]> INTS = new ArrayOps<>() {
        @Override
        public int length(final int[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final int[] a, final int i) {
            c.addInt(k, a[i]);
        }

        @Override
        public int[] create(final int size) {
            return new int[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final int[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getInt(k);
        }
    };

    private static final ArrayOps<long[]> LONGS = new ArrayOps<>() {
        @Override
        public int length(final long[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final long[] a, final int i) {
            c.addLong(k, a[i]);
        }

        @Override
        public long[] create(final int size) {
            return new long[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final long[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getLong(k);
        }
    };

    private static final ArrayOps<double[]> DOUBLES = new ArrayOps<>() {
        @Override
        public int length(final double[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final double[] a, final int i) {
            c.addDouble(k, a[i]);
        }

        @Override
        public double[] create(final int size) {
            return new double[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final double[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getDouble(k);
        }
    };

    private static final ArrayOps<float[]> FLOATS = new ArrayOps<>() {
        @Override
        public int length(final float[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final float[] a, final int i) {
            c.addFloat(k, a[i]);
        }

        @Override
        public float[] create(final int size) {
            return new float[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final float[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getFloat(k);
        }
    };

    private static final ArrayOps<byte[]> BYTES = new ArrayOps<>() {
        @Override
        public int length(final byte[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final byte[] a, final int i) {
            c.addByte(k, a[i]);
        }

        @Override
        public byte[] create(final int size) {
            return new byte[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final byte[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getByte(k);
        }
    };

    private static final ArrayOps<boolean[]> BOOLEANS = new ArrayOps<>() {
        @Override
        public int length(final boolean[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final boolean[] a, final int i) {
            c.addBoolean(k, a[i]);
        }

        @Override
        public boolean[] create(final int size) {
            return new boolean[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final boolean[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getBoolean(k);
        }
    };

    private static final ArrayOps<String[]> STRINGS = new ArrayOps<>() {
        @Override
        public int length(final String[] a) {
            return a.length;
        }

        @Override
        public void add(final ConfigBase c, final String k, final String[] a, final int i) {
            c.addString(k, a[i]);
        }

        @Override
        public String[] create(final int size) {
            return new String[size];
        }

        @Override
        public void get(final ConfigBase c, final String k, final String[] a, final int i)
            throws InvalidSettingsException {
            a[i] = c.getString(k);
        }
    };

    private <A> A getArray(final String key, final ArrayOps<A> ops, final A def) {
        try {
            return getArray(key, ops);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        addArray(key, values, INTS);
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        return getArray(key, INTS);
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        return getArray(key, INTS, def);
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        addArray(key, values, LONGS);
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        return getArray(key, LONGS);
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        return getArray(key, LONGS, def);
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        addArray(key, values, DOUBLES);
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        return getArray(key, DOUBLES);
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        return getArray(key, DOUBLES, def);
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        addArray(key, values, FLOATS);
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        return getArray(key, FLOATS);
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        return getArray(key, FLOATS, def);
    }

    @Override
    public void addByteArray(final String key, final byte... values) {
        addArray(key, values, BYTES);
    }

    @Override
    public byte[] getByteArray(final String key) throws InvalidSettingsException {
        return getArray(key, BYTES);
    }

    @Override
    public byte[] getByteArray(final String key, final byte... def) {
        return getArray(key, BYTES, def);
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        addArray(key, values, BOOLEANS);
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        return getArray(key, BOOLEANS);
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        return getArray(key, BOOLEANS, def);
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        addArray(key, values, STRINGS);
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        return getArray(key, STRINGS);
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        return getArray(key, STRINGS, def);
    }

    // ---------------------------------------------------------------- tree, iteration, copy, XML

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public final String toStringValue() {
        return getKey();
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder();
        appendTo(b, 0);
        return b.toString();
    }

    private void appendTo(final StringBuilder b, final int indent) {
        b.append("  ".repeat(indent)).append(getKey()).append(":\n");
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).appendTo(b, indent + 1);
            } else {
                b.append("  ".repeat(indent + 1)).append(e).append('\n');
            }
        }
    }

    @Override
    boolean hasIdenticalValue(final AbstractConfigEntry other) {
        if (!(other instanceof ConfigBase)) {
            return false;
        }
        final Map<String, AbstractConfigEntry> o = ((ConfigBase)other).m_map;
        if (!new ArrayList<>(m_map.keySet()).equals(new ArrayList<>(o.keySet()))) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            if (!e.getValue().isIdentical(o.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + m_map.size();
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        final ConfigBase target = (ConfigBase)dest;
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).copyTo(target.addConfigBase(e.getKey()));
            } else {
                final ValueEntry v = (ValueEntry)e;
                target.put(new ValueEntry(v.getKey(), v.entryType(), v.value()));
            }
        }
    }

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        XmlConfigIO.write(this, os);
    }

    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        XmlConfigIO.read(config, in);
        return config;
    }

    public void load(final InputStream in) throws IOException {
        loadFromXML(this, in);
    }

    /** @return the entries in insertion order (stand-in internal, used by the XML writer) */
    final List<AbstractConfigEntry> entries() {
        return new ArrayList<>(m_map.values());
    }

    /** Adds a leaf read from XML (stand-in internal). */
    final void putValue(final String key, final EntryType type, final String text) {
        put(new ValueEntry(key, type, text));
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return new ArrayList<>(m_map.values()).get(childIndex);
    }

    @Override
    public int getChildCount() {
        return m_map.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        return new ArrayList<TreeNode>(m_map.values()).indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return m_map.isEmpty();
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(new ArrayList<TreeNode>(m_map.values()));
    }
}
