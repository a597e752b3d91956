package org.cinn4knime.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;

/** Shared test data: inverse-kinematics tables and helpers to set node settings the way a dialog would. */
public final class NodeTestData {

    public static final List<String> X = List.of(InverseKinematics.X_NAMES);

    public static final List<String> Y = List.of(InverseKinematics.Y_NAMES);

    private NodeTestData() {
    }

    /** Spec of the IK table: x0..x3, y0, y1 (double) and a string column "label". */
    public static DataTableSpec ikSpec() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (String n : X) {
            cols.add(new DataColumnSpecCreator(n, DoubleCell.TYPE).createSpec());
        }
        for (String n : Y) {
            cols.add(new DataColumnSpecCreator(n, DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        return new DataTableSpec("ik", cols.toArray(DataColumnSpec[]::new));
    }

    /** @return a spec with the given double columns (and nothing else) */
    public static DataTableSpec doubleSpec(final String... names) {
        return new DataTableSpec(names, java.util.Collections.nCopies(names.length, DoubleCell.TYPE)
            .toArray(DataType[]::new));
    }

    /**
     * @return n rows of the IK task: x from the prior, y = forward(x), label "arm i"; row keys Row0, Row1, ...
     */
    public static BufferedDataTable ikTable(final int n, final long seed) {
        final double[][] x = InverseKinematics.samplePrior(n, seed);
        final double[][] y = InverseKinematics.forward(x);
        final DataRow[] rows = new DataRow[n];
        for (int i = 0; i < n; i++) {
            final DataCell[] cells = new DataCell[7];
            for (int j = 0; j < 4; j++) {
                cells[j] = new DoubleCell(x[i][j]);
            }
            cells[4] = new DoubleCell(y[i][0]);
            cells[5] = new DoubleCell(y[i][1]);
            cells[6] = new StringCell("arm " + i);
            rows[i] = new DefaultRow(RowKey.createRowKey((long)i), cells);
        }
        return NodeModelHarness.createTable(ikSpec(), rows);
    }

    /** @return a table with only y0, y1 holding the given targets; row keys t0, t1, ... */
    public static BufferedDataTable targets(final double[][] y) {
        final DataRow[] rows = new DataRow[y.length];
        for (int i = 0; i < y.length; i++) {
            rows[i] = new DefaultRow("t" + i, new DoubleCell(y[i][0]), new DoubleCell(y[i][1]));
        }
        return NodeModelHarness.createTable(doubleSpec("y0", "y1"), rows);
    }

    /**
     * Sets a column-filter setting as the dialog does with "enforce inclusion": the given columns included, all other
     * columns of {@link #ikSpec()} explicitly excluded.
     */
    public static void selectColumns(final NodeSettings settings, final String key, final List<String> names)
        throws InvalidSettingsException {
        final NodeSettings sub = settings.getNodeSettings(key);
        sub.addStringArray("included_names", names.toArray(String[]::new));
        sub.addStringArray("excluded_names",
            Stream.of(ikSpec().getColumnNames()).filter(n -> !names.contains(n)).toArray(String[]::new));
        sub.addString("enforce_option", "EnforceInclusion");
    }

    /**
     * Configures a learner harness for the IK columns and a small, fast network.
     *
     * @param epochs training epochs
     */
    public static void smallLearner(final NodeModelHarness h, final int epochs) throws InvalidSettingsException {
        final NodeSettings s = h.saveSettings();
        selectColumns(s, "x_columns", X);
        selectColumns(s, "y_columns", Y);
        s.addInt("blocks", 4);
        s.addInt("subnet_width", 64);
        s.addInt("epochs", epochs);
        s.addInt("batch_size", 100);
        s.addDouble("learning_rate", 3e-3);
        s.addInt("patience", 0);
        h.loadSettings(s);
    }
}
