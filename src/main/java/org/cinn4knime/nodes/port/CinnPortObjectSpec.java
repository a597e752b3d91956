package org.cinn4knime.nodes.port;

import java.util.Arrays;
import java.util.List;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.EnumValues;
import org.cinn4knime.engine.ModelSummary;
import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Spec of the cINN model port: x (design) and y (target) column names and types, the network architecture and,
 * once trained, a training summary. Known at configure time, so that the Sampler and Scorer check their input tables
 * before anything runs.
 */
public final class CinnPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Serializer, registered with the port type; stores the spec as model content. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<CinnPortObjectSpec> {
    }

    /**
     * What training produced (absent in the spec that the Learner announces before it runs).
     *
     * @param rows training rows used (after skipping rows with missing values)
     * @param epochsTrained epochs actually run
     * @param bestEpoch 1-based epoch whose weights the model holds
     * @param bestLoss training objective of that epoch (its validation loss, or its training loss without validation
     *            rows): 0.5·||z||² − log|det J| in nats per row on the standardised data, without constants
     * @param bestValidationNll negative log-likelihood of the validation rows at that epoch, in nats per row in the
     *            data's own units (comparable to the cINN Scorer's mean NLL); NaN without validation rows
     * @param stopReason why training stopped, in plain words
     */
    public record TrainingSummary(long rows, int epochsTrained, int bestEpoch, double bestLoss,
        double bestValidationNll, String stopReason) {
    }

    /** Shown in the summary when the best loss is negative. */
    static final String NEGATIVE_LOSS_NOTE = ModelSummary.NEGATIVE_LOSS_NOTE;

    /** 2: training summary with best_loss and best_validation_nll (version 1 had best_validation_loss). */
    private static final int SPEC_VERSION = 2;

    private static final String CFG_VERSION = "spec_version";

    private String[] m_xNames;

    private DataType[] m_xTypes;

    private String[] m_yNames;

    private DataType[] m_yTypes;

    private CinnArchitecture m_architecture;

    private TrainingSummary m_summary;

    /** Design columns whose designs are whole numbers whatever the data (integer cells in the Sampler's output). */
    private String[] m_wholeNumberX = new String[0];

    /** One line per column domain of the trained model (empty before training or without domains). */
    private String[] m_domains = new String[0];

    /** Empty spec, filled by {@link #load(ModelContentRO)}; used by the framework only. */
    public CinnPortObjectSpec() {
    }

    /**
     * @param xColumns the design columns (order = model order)
     * @param yColumns the target columns (order = model order)
     * @param architecture the network architecture
     * @param summary the training summary, or null before training
     */
    public CinnPortObjectSpec(final List<DataColumnSpec> xColumns, final List<DataColumnSpec> yColumns,
        final CinnArchitecture architecture, final TrainingSummary summary) {
        m_xNames = xColumns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
        m_xTypes = xColumns.stream().map(DataColumnSpec::getType).toArray(DataType[]::new);
        m_yNames = yColumns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
        m_yTypes = yColumns.stream().map(DataColumnSpec::getType).toArray(DataType[]::new);
        m_architecture = architecture;
        m_summary = summary;
    }

    /**
     * @param spec what arrived at a model input port during configure
     * @return the spec as cINN model spec
     * @throws InvalidSettingsException if no model spec is available yet
     */
    public static CinnPortObjectSpec require(final PortObjectSpec spec) throws InvalidSettingsException {
        if (spec instanceof CinnPortObjectSpec s) {
            return s;
        }
        throw new InvalidSettingsException(
            "No cINN model at the model input: connect the model output of a cINN Learner and configure it first.");
    }

    private CinnPortObjectSpec copy() {
        final CinnPortObjectSpec s = new CinnPortObjectSpec();
        s.m_xNames = m_xNames;
        s.m_xTypes = m_xTypes;
        s.m_yNames = m_yNames;
        s.m_yTypes = m_yTypes;
        s.m_architecture = m_architecture;
        s.m_summary = m_summary;
        s.m_wholeNumberX = m_wholeNumberX;
        s.m_domains = m_domains;
        return s;
    }

    /** @return a copy of this spec whose designs of the named columns are whole numbers (integer output cells) */
    public CinnPortObjectSpec withWholeNumberX(final List<String> columns) {
        final CinnPortObjectSpec s = copy();
        s.m_wholeNumberX = columns.toArray(String[]::new);
        return s;
    }

    /** @return a copy of this spec with the trained model's column domains (one line each) for the summary */
    public CinnPortObjectSpec withDomains(final List<String> lines) {
        final CinnPortObjectSpec s = copy();
        s.m_domains = lines.toArray(String[]::new);
        return s;
    }

    /** @return the design columns whose designs are whole numbers whatever the data */
    public List<String> getWholeNumberX() {
        return List.of(m_wholeNumberX);
    }

    /** @return the trained model's column domains, one line each (empty before training) */
    public List<String> getDomains() {
        return List.of(m_domains);
    }

    /** @return the x (design) column names, in model order */
    public List<String> getXNames() {
        return List.of(m_xNames);
    }

    /** @return the x column types of the training table */
    public List<DataType> getXTypes() {
        return List.of(m_xTypes);
    }

    /** @return the y (target) column names, in model order */
    public List<String> getYNames() {
        return List.of(m_yNames);
    }

    /** @return the y column types of the training table */
    public List<DataType> getYTypes() {
        return List.of(m_yTypes);
    }

    /** @return the network architecture */
    public CinnArchitecture getArchitecture() {
        return m_architecture;
    }

    /** @return the training summary, or null if the model is not trained yet (configure time) */
    public TrainingSummary getTrainingSummary() {
        return m_summary;
    }

    /** @return a one-paragraph plain-language description of the model ({@link ModelSummary#describe}) */
    public String describe() {
        return ModelSummary.describe(List.of(m_xNames), List.of(m_yNames), m_architecture,
            m_summary == null ? null : new ModelSummary.Training(m_summary.rows(), m_summary.epochsTrained(),
                m_summary.bestEpoch(), m_summary.bestLoss(), m_summary.bestValidationNll(), m_summary.stopReason()),
            List.of(m_domains));
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(CFG_VERSION, SPEC_VERSION);
        model.addStringArray("x_names", m_xNames);
        model.addStringArray("x_types", typeKeys(m_xTypes));
        model.addStringArray("y_names", m_yNames);
        model.addStringArray("y_types", typeKeys(m_yTypes));
        final ModelContentWO a = model.addModelContent("architecture");
        ArchitectureDeclarations.describe(m_architecture).forEach((key, v) -> {
            if (v instanceof Integer i) {
                a.addInt(key, i);
            } else if (v instanceof Double d) {
                a.addDouble(key, d);
            } else if (v instanceof Boolean b) {
                a.addBoolean(key, b);
            } else {
                a.addString(key, (String)v);
            }
        });
        model.addStringArray("whole_number_x", m_wholeNumberX);
        model.addStringArray("domains", m_domains);
        if (m_summary != null) {
            final ModelContentWO t = model.addModelContent("training");
            t.addLong("rows", m_summary.rows());
            t.addInt("epochs_trained", m_summary.epochsTrained());
            t.addInt("best_epoch", m_summary.bestEpoch());
            t.addDouble("best_loss", m_summary.bestLoss());
            t.addDouble("best_validation_nll", m_summary.bestValidationNll());
            t.addString("stop_reason", m_summary.stopReason());
        }
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final int version = model.getInt(CFG_VERSION);
        if (version > SPEC_VERSION) {
            throw new InvalidSettingsException("The cINN model port spec has version " + version
                + ", this extension reads up to version " + SPEC_VERSION + "; please update the cINN extension.");
        }
        m_xNames = model.getStringArray("x_names");
        m_xTypes = parseTypes(model.getStringArray("x_types"), m_xNames.length, "x_types");
        m_yNames = model.getStringArray("y_names");
        m_yTypes = parseTypes(model.getStringArray("y_types"), m_yNames.length, "y_types");
        final ModelContentRO a = model.getModelContent("architecture");
        m_architecture = ArchitectureDeclarations.read(new ArchitectureDeclarations.Stored<InvalidSettingsException>() {
            @Override
            public boolean has(final String key) {
                return a.containsKey(key);
            }

            @Override
            public int integer(final String key) throws InvalidSettingsException {
                return a.getInt(key);
            }

            @Override
            public double real(final String key) throws InvalidSettingsException {
                return a.getDouble(key);
            }

            @Override
            public boolean bool(final String key) throws InvalidSettingsException {
                return a.getBoolean(key);
            }

            @Override
            public <T extends Enum<T>> T choice(final String key, final Class<T> type)
                throws InvalidSettingsException {
                return parseEnum(type, a.getString(key), key);
            }
        });
        // added in 0.2.0 (absent in specs saved by 0.1.0: no whole-number outputs, no domains)
        m_wholeNumberX = model.containsKey("whole_number_x") ? model.getStringArray("whole_number_x") : new String[0];
        m_domains = model.containsKey("domains") ? model.getStringArray("domains") : new String[0];
        if (model.containsKey("training")) {
            if (version < 2) {
                throw new InvalidSettingsException("The cINN model port spec has version " + version + " (a "
                    + "pre-release without the validation NLL in data units); re-execute the cINN Learner.");
            }
            final ModelContentRO t = model.getModelContent("training");
            m_summary = new TrainingSummary(t.getLong("rows"), t.getInt("epochs_trained"), t.getInt("best_epoch"),
                t.getDouble("best_loss"), t.getDouble("best_validation_nll"), t.getString("stop_reason"));
        } else {
            m_summary = null;
        }
    }

    private static String[] typeKeys(final DataType[] types) {
        return Arrays.stream(types).map(t -> {
            if (IntCell.TYPE.equals(t)) {
                return "int";
            }
            return LongCell.TYPE.equals(t) ? "long" : "double";
        }).toArray(String[]::new);
    }

    private static DataType[] parseTypes(final String[] keys, final int expected, final String cfg)
        throws InvalidSettingsException {
        if (keys.length != expected) {
            throw new InvalidSettingsException("The cINN model port spec is inconsistent: '" + cfg + "' has "
                + keys.length + " entries for " + expected + " columns.");
        }
        final DataType[] types = new DataType[keys.length];
        for (int i = 0; i < keys.length; i++) {
            types[i] = switch (keys[i]) {
                case "int" -> IntCell.TYPE;
                case "long" -> LongCell.TYPE;
                case "double" -> DoubleCell.TYPE;
                default -> throw new InvalidSettingsException(
                    "Unknown column type '" + keys[i] + "' in '" + cfg + "' of the cINN model port spec.");
            };
        }
        return types;
    }

    private static <E extends Enum<E>> E parseEnum(final Class<E> type, final String name, final String cfg)
        throws InvalidSettingsException {
        try {
            return EnumValues.parse(type, name, cfg);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " in the cINN model port spec.", e);
        }
    }
}
