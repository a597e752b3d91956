package org.cinn4knime.nodes.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cinn4knime.nodes.common.NumericColumns;
import org.cinn4knime.nodes.common.TargetRangeColumns;
import org.cinn4knime.nodes.common.UniqueNames;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * Where the sampler reads its targets and what it writes: the kept input columns (all of them, or only the y columns),
 * then one column per design dimension (named as the model's x columns, made unique), the source row ID, the sample
 * index, "Target in training range" (boolean: false where the target lies outside the training targets' range or far
 * from every training target, see {@code org.cinn4knime.engine.TargetRange}), "Target distance" (above 1: too far
 * from the training targets) and, optionally, log p(x|y).
 *
 * @param yIndices input indices of the model's y columns, in model order
 * @param keptIndices input indices copied to every output row
 * @param withLogDensity whether log p(x|y) is appended
 * @param outputSpec the output table spec
 */
record SamplerLayout(int[] yIndices, int[] keptIndices, boolean withLogDensity, DataTableSpec outputSpec) {

    /** Name of the boolean column that flags targets outside the training targets (Sampler and Scorer). */
    public static final String IN_RANGE = TargetRangeColumns.IN_RANGE;

    /** Name of the column with the target's distance from the training targets (above 1: too far). */
    public static final String DISTANCE = TargetRangeColumns.DISTANCE;

    static SamplerLayout create(final CinnPortObjectSpec model, final DataTableSpec input, final boolean keepAll,
        final boolean withLogDensity) throws InvalidSettingsException {
        final int[] y = NumericColumns.indices(input, model.getYNames(), "y column of the cINN model");
        final int[] kept = keepAll ? IntStream.range(0, input.getNumColumns()).toArray() : y.clone();
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (int i : kept) {
            cols.add(input.getColumnSpec(i));
        }
        final UniqueNames names = new UniqueNames(cols.stream().map(DataColumnSpec::getName).toList());
        for (int j = 0; j < model.getXNames().size(); j++) {
            final String x = model.getXNames().get(j);
            // whole-number designs: integer (or long, as in the training table) cells
            final DataType type = !model.getWholeNumberX().contains(x) ? DoubleCell.TYPE
                : LongCell.TYPE.equals(model.getXTypes().get(j)) ? LongCell.TYPE : IntCell.TYPE;
            cols.add(new DataColumnSpecCreator(names.make(x), type).createSpec());
        }
        cols.add(new DataColumnSpecCreator(names.make("Source row ID"), StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(names.make("Sample index"), IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(names.make(IN_RANGE), BooleanCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(names.make(DISTANCE), DoubleCell.TYPE).createSpec());
        if (withLogDensity) {
            cols.add(new DataColumnSpecCreator(names.make("log p(x|y)"), DoubleCell.TYPE).createSpec());
        }
        return new SamplerLayout(y, kept, withLogDensity,
            new DataTableSpec("Generated designs", cols.toArray(DataColumnSpec[]::new)));
    }
}
