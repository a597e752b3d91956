package org.cinn4knime.nodes.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.cinn4knime.nodes.common.NumericColumns;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/** Settings of the cINN Learner: one settings model per option, so that each can be set by a flow variable. */
final class CinnLearnerSettings extends CinnNodeSettings {

    static final String CFG_X_COLUMNS = "x_columns";

    static final String CFG_Y_COLUMNS = "y_columns";

    static final String CFG_BLOCKS = "blocks";

    static final String CFG_COUPLING = "coupling";

    static final String CFG_SUBNET_LAYERS = "subnet_layers";

    static final String CFG_SUBNET_WIDTH = "subnet_width";

    static final String CFG_ACTIVATION = "activation";

    static final String CFG_CLAMP = "clamp";

    static final String CFG_ACT_NORM = "act_norm";

    static final String CFG_PRECISION = "precision";

    static final String CFG_EPOCHS = "epochs";

    static final String CFG_BATCH_SIZE = "batch_size";

    static final String CFG_LEARNING_RATE = "learning_rate";

    static final String CFG_WEIGHT_DECAY = "weight_decay";

    static final String CFG_VALIDATION_PERCENT = "validation_percent";

    static final String CFG_PATIENCE = "patience";

    static final String CFG_GRADIENT_CLIP = "gradient_clip";

    static final String CFG_LR_DECAY_FACTOR = "lr_decay_factor";

    static final String CFG_LR_DECAY_AT = "lr_decay_at";

    static final String CFG_INSTABILITY_THRESHOLD = "instability_threshold";

    /** Engine defaults: the command line shows and uses the same, so both front ends train alike by default. */
    private static final CinnArchitecture ARCH = CinnArchitecture.defaults();

    private static final TrainingSettings TRAIN = TrainingSettings.defaults();

    @SuppressWarnings("unchecked")
    final SettingsModelColumnFilter2 m_xColumns = add(new SettingsModelColumnFilter2(CFG_X_COLUMNS, DoubleValue.class));

    @SuppressWarnings("unchecked")
    final SettingsModelColumnFilter2 m_yColumns = add(new SettingsModelColumnFilter2(CFG_Y_COLUMNS, DoubleValue.class));

    final SettingsModelIntegerBounded m_blocks = add(new SettingsModelIntegerBounded(CFG_BLOCKS, ARCH.blocks(), 1, 64));

    final SettingsModelString m_coupling = add(new SettingsModelString(CFG_COUPLING, ARCH.coupling().name()));

    final SettingsModelIntegerBounded m_subnetLayers =
        add(new SettingsModelIntegerBounded(CFG_SUBNET_LAYERS, ARCH.subnetLayers(), 1, 8));

    final SettingsModelIntegerBounded m_subnetWidth =
        add(new SettingsModelIntegerBounded(CFG_SUBNET_WIDTH, ARCH.subnetWidth(), 1, 4096));

    final SettingsModelString m_activation = add(new SettingsModelString(CFG_ACTIVATION, ARCH.activation().name()));

    final SettingsModelDoubleBounded m_clamp = add(new SettingsModelDoubleBounded(CFG_CLAMP, ARCH.clamp(), 0.1, 20.0));

    final SettingsModelBoolean m_actNorm = add(new SettingsModelBoolean(CFG_ACT_NORM, ARCH.actNorm()));

    final SettingsModelString m_precision = add(new SettingsModelString(CFG_PRECISION, ARCH.precision().name()));

    final SettingsModelIntegerBounded m_epochs =
        add(new SettingsModelIntegerBounded(CFG_EPOCHS, TRAIN.epochs(), 1, 100_000));

    final SettingsModelIntegerBounded m_batchSize =
        add(new SettingsModelIntegerBounded(CFG_BATCH_SIZE, TRAIN.batchSize(), 1, 1_000_000));

    final SettingsModelDoubleBounded m_learningRate =
        add(new SettingsModelDoubleBounded(CFG_LEARNING_RATE, TRAIN.learningRate(), 1e-7, 1.0));

    final SettingsModelDoubleBounded m_weightDecay =
        add(new SettingsModelDoubleBounded(CFG_WEIGHT_DECAY, TRAIN.weightDecay(), 0, 1));

    final SettingsModelDoubleBounded m_validationPercent =
        add(new SettingsModelDoubleBounded(CFG_VALIDATION_PERCENT, 100 * TRAIN.validationFraction(), 0, 50));

    final SettingsModelIntegerBounded m_patience =
        add(new SettingsModelIntegerBounded(CFG_PATIENCE, TRAIN.patience(), 0, 100_000));

    final SettingsModelDoubleBounded m_gradientClip =
        add(new SettingsModelDoubleBounded(CFG_GRADIENT_CLIP, TRAIN.gradientClipNorm(), 0, 1e6));

    final SettingsModelDoubleBounded m_lrDecayFactor = add(new SettingsModelDoubleBounded(CFG_LR_DECAY_FACTOR,
        TRAIN.lrDecayFactor(), 1e-6, 1.0));

    /** Fractions of the epochs after which the learning rate is multiplied by the decay factor, comma-separated. */
    final SettingsModelString m_lrDecayAt =
        add(new SettingsModelString(CFG_LR_DECAY_AT, formatFractions(TRAIN.lrDecayAt())));

    final SettingsModelDoubleBounded m_instabilityThreshold = add(new SettingsModelDoubleBounded(
        CFG_INSTABILITY_THRESHOLD, TRAIN.instabilityThresholdPerDim(), -1e6, 1e6));

    final SettingsModelInteger m_seed = add(CommonSettings.createSeedModel());

    final SettingsModelIntegerBounded m_threads = add(CommonSettings.createThreadsModel());

    final SettingsModelString m_missing = add(MissingValuePolicy.createModel());

    /** The x and y columns chosen for a given input table. */
    record Columns(List<DataColumnSpec> x, List<DataColumnSpec> y) {
        String[] xNames() {
            return x.stream().map(DataColumnSpec::getName).toArray(String[]::new);
        }

        String[] yNames() {
            return y.stream().map(DataColumnSpec::getName).toArray(String[]::new);
        }
    }

    /** Checks settings without changing this object: each value in range and the combination usable. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        validate(CinnLearnerSettings::new, settings);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        architecture();
        training();
        missingValuePolicy();
    }

    MissingValuePolicy missingValuePolicy() throws InvalidSettingsException {
        return MissingValuePolicy.fromSettingValue(m_missing.getStringValue());
    }

    CinnArchitecture architecture() throws InvalidSettingsException {
        final CinnArchitecture a = CinnArchitecture.defaults() //
            .withBlocks(m_blocks.getIntValue()) //
            .withCoupling(parse(CouplingType.class, m_coupling, CFG_COUPLING)) //
            .withSubnetLayers(m_subnetLayers.getIntValue()) //
            .withSubnetWidth(m_subnetWidth.getIntValue()) //
            .withActivation(parse(Activation.class, m_activation, CFG_ACTIVATION)) //
            .withClamp(m_clamp.getDoubleValue()) //
            .withActNorm(m_actNorm.getBooleanValue()) //
            .withPrecision(parse(Precision.class, m_precision, CFG_PRECISION));
        try {
            a.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid architecture: " + e.getMessage(), e);
        }
        return a;
    }

    TrainingSettings training() throws InvalidSettingsException {
        final TrainingSettings t = TrainingSettings.defaults() //
            .withEpochs(m_epochs.getIntValue()) //
            .withBatchSize(m_batchSize.getIntValue()) //
            .withLearningRate(m_learningRate.getDoubleValue()) //
            .withWeightDecay(m_weightDecay.getDoubleValue()) //
            .withValidationFraction(m_validationPercent.getDoubleValue() / 100.0) //
            .withPatience(m_patience.getIntValue()) //
            .withGradientClipNorm(m_gradientClip.getDoubleValue()) //
            .withLrDecayFactor(m_lrDecayFactor.getDoubleValue()) //
            .withLrDecayAt(parseFractions(m_lrDecayAt.getStringValue())) //
            .withInstabilityThresholdPerDim(m_instabilityThreshold.getDoubleValue()) //
            .withSeed(m_seed.getIntValue()) //
            .withThreads(m_threads.getIntValue());
        try {
            t.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid training settings: " + e.getMessage(), e);
        }
        return t;
    }

    /**
     * @param spec the input table spec
     * @return the chosen x and y columns
     * @throws InvalidSettingsException if a selection is empty, names a column that is gone or not numeric, or if a
     *             column is both x and y
     */
    Columns columns(final DataTableSpec spec) throws InvalidSettingsException {
        final List<DataColumnSpec> x = select(spec, m_xColumns, "x (design)");
        final List<DataColumnSpec> y = select(spec, m_yColumns, "y (target)");
        if (x.equals(y)) { // e.g. both filters still at their default "all numeric columns"
            throw new InvalidSettingsException("The x (design) and y (target) column selections are identical ("
                + x.size() + " columns); open the dialog and split the numeric columns into designs and targets.");
        }
        final Set<String> xNames = new HashSet<>();
        x.forEach(c -> xNames.add(c.getName()));
        for (DataColumnSpec c : y) {
            if (xNames.contains(c.getName())) {
                throw new InvalidSettingsException("Column '" + c.getName()
                    + "' is selected both as x (design) and as y (target) column; choose it for one role only.");
            }
        }
        return new Columns(x, y);
    }

    private static List<DataColumnSpec> select(final DataTableSpec spec, final SettingsModelColumnFilter2 filter,
        final String role) throws InvalidSettingsException {
        final FilterResult r = filter.applyTo(spec);
        for (String name : r.getRemovedFromIncludes()) {
            final DataColumnSpec present = spec.getColumnSpec(name);
            if (present != null) { // filtered out by type
                NumericColumns.checkNumeric(present, role + " column");
            }
            throw new InvalidSettingsException("Column '" + name + "' is selected as " + role
                + " column but is not in the input table; reselect the " + role + " columns.");
        }
        if (r.getIncludes().length == 0) {
            throw new InvalidSettingsException("No " + role + " columns selected; choose at least one numeric "
                + "column in the '" + role + " columns' filter of the dialog.");
        }
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (String name : r.getIncludes()) {
            final DataColumnSpec c = spec.getColumnSpec(name);
            if (c == null) {
                throw new InvalidSettingsException(
                    "Column '" + name + "' is selected as " + role + " column but is not in the input table.");
            }
            NumericColumns.checkNumeric(c, role + " column");
            cols.add(c);
        }
        return cols;
    }

    private static <E extends Enum<E>> E parse(final Class<E> type, final SettingsModelString model, final String key)
        throws InvalidSettingsException {
        final String v = model.getStringValue();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new InvalidSettingsException("Unknown value '" + v + "' of setting '" + key + "'; allowed: "
            + Arrays.toString(type.getEnumConstants()));
    }

    /** "0.67, 0.87" for {0.67, 0.87}; "" for none. */
    static String formatFractions(final double[] fractions) {
        return String.join(", ", Arrays.stream(fractions).mapToObj(Double::toString).toList());
    }

    /** Parses the comma-separated decay points; blank means no decay. */
    static double[] parseFractions(final String text) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        final String[] parts = text.split(",");
        final double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Setting '" + CFG_LR_DECAY_AT + "': '" + parts[i].trim()
                    + "' is not a number; give fractions of the epochs separated by commas, e.g. '0.67, 0.87'.", e);
            }
        }
        return v;
    }

    static List<String> names(final Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
