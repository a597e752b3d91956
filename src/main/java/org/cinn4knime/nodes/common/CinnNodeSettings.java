package org.cinn4knime.nodes.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.cinn4knime.engine.settings.Setting;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings of one cINN node: one settings model per {@link Setting declaration}, saved and loaded in the order
 * they were registered, and a {@link #check()} of the loaded values that validation runs on a fresh instance.
 *
 * <p>
 * Settings models are derived from their declaration (key, default, bounds in node units), so the dialog accepts
 * exactly what the engine's {@code validate()} accepts. Loading follows KNIME's rule for old workflows (as the
 * knime-base learners do with {@code settings.containsKey}): a setting that was there in 0.1.0 is required, a setting
 * added later ({@link Setting#since()}) loads its default when the saved settings lack it, in validation and in
 * loading alike.
 */
public abstract class CinnNodeSettings {

    private record Entry(Setting declaration, SettingsModel model, Supplier<? extends SettingsModel> fresh) {
    }

    private final List<Entry> m_entries = new ArrayList<>();

    private final Map<SettingsModel, Setting> m_declarationOf = new IdentityHashMap<>();

    /**
     * Registers a settings model built by the caller (column filters, node-only choices); call it in the field
     * initialisers, in the order the settings are to be saved.
     *
     * @param declaration the setting's declaration (its key is the model's key)
     * @param fresh creates the model with its default value
     * @param <M> its type
     * @return the model
     */
    protected final <M extends SettingsModel> M add(final Setting declaration, final Supplier<M> fresh) {
        final M model = fresh.get();
        m_entries.add(new Entry(declaration, model, fresh));
        m_declarationOf.put(model, declaration);
        return model;
    }

    /**
     * @param s an {@link Setting.Type#INTEGER} declaration
     * @return its bounded settings model, registered
     */
    protected final SettingsModelIntegerBounded integer(final Setting s) {
        return add(s, () -> new SettingsModelIntegerBounded(s.key(), s.intDefault(), (int)s.nodeMin(),
            (int)s.nodeMax()));
    }

    /**
     * @param s a {@link Setting.Type#DOUBLE} declaration
     * @return its bounded settings model in node units (e.g. percent), registered
     */
    protected final SettingsModelDoubleBounded real(final Setting s) {
        return add(s, () -> new SettingsModelDoubleBounded(s.key(), s.doubleDefault() * s.nodeScale(), s.nodeMin(),
            s.nodeMax()));
    }

    /**
     * @param s a {@link Setting.Type#BOOLEAN} declaration
     * @return its settings model, registered
     */
    protected final SettingsModelBoolean bool(final Setting s) {
        return add(s, () -> new SettingsModelBoolean(s.key(), s.booleanDefault()));
    }

    /**
     * @param s a {@link Setting.Type#CHOICE} or {@link Setting.Type#TEXT} declaration
     * @return its settings model, registered
     */
    protected final SettingsModelString string(final Setting s) {
        return add(s, () -> new SettingsModelString(s.key(), s.stringDefault()));
    }

    /** @return the declarations of this node's settings, in saving order */
    public final List<Setting> declarations() {
        return m_entries.stream().map(Entry::declaration).toList();
    }

    /**
     * @param model a registered settings model
     * @return its declaration (for the dialog's label)
     */
    public final Setting declarationOf(final SettingsModel model) {
        final Setting s = m_declarationOf.get(model);
        if (s == null) {
            throw new IllegalArgumentException(model + " is not a registered settings model");
        }
        return s;
    }

    /** @param settings receives every registered settings model */
    public final void save(final NodeSettingsWO settings) {
        m_entries.forEach(e -> e.model().saveSettingsTo(settings));
    }

    /**
     * Loads every registered settings model; a setting added after 0.1.0 that the settings lack gets its default.
     *
     * @param settings the settings to load
     * @throws InvalidSettingsException if a setting of 0.1.0 is missing or a value is out of range
     */
    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (Entry e : m_entries) {
            if (e.declaration().requiredOnLoad() || settings.containsKey(e.declaration().key())) {
                e.model().loadSettingsFrom(settings);
            } else {
                final NodeSettings defaults = new NodeSettings("defaults");
                e.fresh().get().saveSettingsTo(defaults);
                e.model().loadSettingsFrom(defaults);
            }
        }
    }

    /** @return the keys of the settings added after 0.1.0 (loaded with their default when absent) */
    public final List<String> keysAddedAfterFirstRelease() {
        return Collections.unmodifiableList(m_entries.stream().map(Entry::declaration)
            .filter(d -> !d.requiredOnLoad()).map(Setting::key).toList());
    }

    /**
     * Checks the loaded values beyond what each settings model checks on its own (allowed names, usable combinations).
     *
     * @throws InvalidSettingsException naming the setting at fault
     */
    protected abstract void check() throws InvalidSettingsException;

    /**
     * Checks a choice setting's value against its declaration.
     *
     * @param model a registered {@link Setting.Type#CHOICE} settings model
     * @param type the enum the choice names
     * @param <E> the enum
     * @return the chosen constant (names compared ignoring case)
     * @throws InvalidSettingsException naming the setting and the allowed names
     */
    protected final <E extends Enum<E>> E choice(final SettingsModelString model, final Class<E> type)
        throws InvalidSettingsException {
        try {
            return declarationOf(model).parseChoice(type, model.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Checks settings without changing any existing settings object: loads them into a fresh instance and checks it.
     *
     * @param fresh creates a settings object with default values
     * @param settings the settings to check
     * @throws InvalidSettingsException if the settings cannot be loaded or are not usable
     */
    public static void validate(final Supplier<? extends CinnNodeSettings> fresh, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final CinnNodeSettings s = fresh.get();
        s.load(settings);
        s.check();
    }
}
