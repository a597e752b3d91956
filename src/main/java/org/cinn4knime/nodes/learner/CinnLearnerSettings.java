package org.cinn4knime.nodes.learner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.cinn4knime.engine.settings.DomainDeclarations;
import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.domain.DomainSpec;
import org.cinn4knime.nodes.common.CinnNodeSettings;
import org.cinn4knime.nodes.common.CommonSettings;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.cinn4knime.nodes.common.NumericColumns;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Settings of the cINN Learner: one settings model per option (so that each can be set by a flow variable), each
 * derived from its one declaration in {@link ArchitectureDeclarations} / {@link TrainingDeclarations}.
 */
final class CinnLearnerSettings extends CinnNodeSettings {

    /** The design columns: a numeric column filter, "enforce inclusion" by default (new columns stay out). */
    static final Setting X_COLUMNS = Setting.columns("x_columns").label("x (design) columns");

    /** The target columns: a numeric column filter, "enforce inclusion" by default (new columns stay out). */
    static final Setting Y_COLUMNS = Setting.columns("y_columns").label("y (target) columns");

    static final Setting MISSING = MissingValuePolicy.declaration("Rows with missing values");

    final SettingsModelColumnFilter2 m_xColumns = add(X_COLUMNS, () -> CommonSettings.numericInclusionFilter(X_COLUMNS));

    final SettingsModelColumnFilter2 m_yColumns = add(Y_COLUMNS, () -> CommonSettings.numericInclusionFilter(Y_COLUMNS));

    final SettingsModelIntegerBounded m_blocks = integer(ArchitectureDeclarations.BLOCKS);

    final SettingsModelString m_coupling = string(ArchitectureDeclarations.COUPLING);

    final SettingsModelIntegerBounded m_subnetLayers = integer(ArchitectureDeclarations.SUBNET_LAYERS);

    final SettingsModelIntegerBounded m_subnetWidth = integer(ArchitectureDeclarations.SUBNET_WIDTH);

    final SettingsModelString m_activation = string(ArchitectureDeclarations.ACTIVATION);

    final SettingsModelDoubleBounded m_clamp = real(ArchitectureDeclarations.CLAMP);

    final SettingsModelBoolean m_actNorm = bool(ArchitectureDeclarations.ACT_NORM);

    final SettingsModelString m_precision = string(ArchitectureDeclarations.PRECISION);

    final SettingsModelIntegerBounded m_splineBins = integer(ArchitectureDeclarations.SPLINE_BINS);

    final SettingsModelDoubleBounded m_splineTailBound = real(ArchitectureDeclarations.SPLINE_TAIL_BOUND);

    final SettingsModelIntegerBounded m_epochs = integer(TrainingDeclarations.EPOCHS);

    final SettingsModelIntegerBounded m_batchSize = integer(TrainingDeclarations.BATCH_SIZE);

    final SettingsModelDoubleBounded m_learningRate = real(TrainingDeclarations.LEARNING_RATE);

    final SettingsModelDoubleBounded m_weightDecay = real(TrainingDeclarations.WEIGHT_DECAY);

    /** Percent of the rows (node units of {@link TrainingDeclarations#VALIDATION_FRACTION}). */
    final SettingsModelDoubleBounded m_validationPercent = real(TrainingDeclarations.VALIDATION_FRACTION);

    final SettingsModelIntegerBounded m_patience = integer(TrainingDeclarations.PATIENCE);

    final SettingsModelDoubleBounded m_gradientClip = real(TrainingDeclarations.GRADIENT_CLIP);

    final SettingsModelDoubleBounded m_lrDecayFactor = real(TrainingDeclarations.LR_DECAY_FACTOR);

    /** Fractions of the epochs after which the learning rate is multiplied by the decay factor, comma-separated. */
    final SettingsModelString m_lrDecayAt = string(TrainingDeclarations.LR_DECAY_AT);

    final SettingsModelDoubleBounded m_instabilityThreshold = real(TrainingDeclarations.INSTABILITY_THRESHOLD);

    final SettingsModelIntegerBounded m_seed = integer(TrainingDeclarations.SEED);

    final SettingsModelIntegerBounded m_threads = integer(TrainingDeclarations.THREADS);

    final SettingsModelString m_missing = add(MISSING, MissingValuePolicy::createModel);

    /** Added in 0.2.0: loads 0.9 when a workflow saved by 0.1.0 lacks it. */
    final SettingsModelDoubleBounded m_beta1 = real(TrainingDeclarations.ADAM_BETA1);

    /** Added in 0.2.0: loads 0.999 when a workflow saved by 0.1.0 lacks it. */
    final SettingsModelDoubleBounded m_beta2 = real(TrainingDeclarations.ADAM_BETA2);

    /** Added in 0.2.0: column-domain declarations; loads "" (infer everything) when a 0.1.0 workflow lacks it. */
    final SettingsModelString m_domains = string(DomainDeclarations.COLUMN_DOMAINS);

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
            .withCoupling(choice(m_coupling, CouplingType.class)) //
            .withSubnetLayers(m_subnetLayers.getIntValue()) //
            .withSubnetWidth(m_subnetWidth.getIntValue()) //
            .withActivation(choice(m_activation, Activation.class)) //
            .withClamp(m_clamp.getDoubleValue()) //
            .withActNorm(m_actNorm.getBooleanValue()) //
            .withPrecision(choice(m_precision, Precision.class)) //
            .withBins(m_splineBins.getIntValue()) //
            .withTailBound(m_splineTailBound.getDoubleValue());
        try {
            a.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid architecture: " + e.getMessage(), e);
        }
        return a;
    }

    TrainingSettings training() throws InvalidSettingsException {
        final TrainingSettings t;
        try {
            t = TrainingSettings.defaults() //
                .withEpochs(m_epochs.getIntValue()) //
                .withBatchSize(m_batchSize.getIntValue()) //
                .withLearningRate(m_learningRate.getDoubleValue()) //
                .withBeta1(m_beta1.getDoubleValue()) //
                .withBeta2(m_beta2.getDoubleValue()) //
                .withWeightDecay(m_weightDecay.getDoubleValue()) //
                .withValidationFraction(
                    m_validationPercent.getDoubleValue() / TrainingDeclarations.VALIDATION_FRACTION.nodeScale()) //
                .withPatience(m_patience.getIntValue()) //
                .withGradientClipNorm(m_gradientClip.getDoubleValue()) //
                .withLrDecayFactor(m_lrDecayFactor.getDoubleValue()) //
                .withLrDecayAt(TrainingSettings.parseFractions(m_lrDecayAt.getStringValue())) //
                .withInstabilityThresholdPerDim(m_instabilityThreshold.getDoubleValue()) //
                .withSeed(m_seed.getIntValue()) //
                .withThreads(m_threads.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + TrainingDeclarations.LR_DECAY_AT.key() + "': "
                + e.getMessage(), e);
        }
        try {
            t.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid training settings: " + e.getMessage(), e);
        }
        return t;
    }

    /**
     * The column-domain declarations for training: the setting's entries plus {@code integer} for every design
     * column of KNIME integer or long cells. (A column's domain bounds in the table spec are not used: KNIME fills
     * them with the observed minimum and maximum, which are not physical bounds; declare those in the setting.)
     *
     * @throws InvalidSettingsException for a malformed entry, a continuous/unbounded declaration of an integer
     *             column, or a declaration that fails {@link DomainSpec#check} (e.g. names no design column)
     */
    DomainSpec domains(final Columns cols) throws InvalidSettingsException {
        final DomainSpec.Builder b = new DomainSpec.Builder();
        final DomainSpec declared;
        try {
            declared = DomainSpec.parse(m_domains.getStringValue());
            b.add(m_domains.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + DomainDeclarations.COLUMN_DOMAINS.label() + "': "
                + e.getMessage(), e);
        }
        for (String c : wholeNumberColumns(cols, declared)) {
            if (declared.declaresNonInteger(c)) {
                throw new InvalidSettingsException("Column '" + c + "' holds integer cells, so its designs are whole "
                    + "numbers; remove 'continuous " + c + "' / 'unbounded " + c + "' from the column domains, or "
                    + "convert the column to double first.");
            }
            b.integer(c);
        }
        final DomainSpec spec = b.build();
        try {
            spec.check(cols.x().stream().map(DataColumnSpec::getName).toList());
        } catch (CinnDataException e) {
            throw new InvalidSettingsException("Setting '" + DomainDeclarations.COLUMN_DOMAINS.label() + "': "
                + e.getMessage(), e);
        }
        return spec;
    }

    /** Design columns that are whole numbers whatever the data: integer/long cells and declared 'integer'. */
    List<String> wholeNumberColumns(final Columns cols) throws InvalidSettingsException {
        try {
            return wholeNumberColumns(cols, DomainSpec.parse(m_domains.getStringValue()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + DomainDeclarations.COLUMN_DOMAINS.label() + "': "
                + e.getMessage(), e);
        }
    }

    private static List<String> wholeNumberColumns(final Columns cols, final DomainSpec declared) {
        final List<String> out = new ArrayList<>();
        for (DataColumnSpec c : cols.x()) {
            final boolean part = declared.compositions().stream().anyMatch(g -> g.parts().contains(c.getName()));
            if (!part && (NumericColumns.isIntegral(c.getType()) || declared.declaresInteger(c.getName()))) {
                out.add(c.getName());
            }
        }
        return out;
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
        if (x.equals(y)) { // e.g. both filters at KNIME's "enforce exclusion" with nothing excluded
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
}
