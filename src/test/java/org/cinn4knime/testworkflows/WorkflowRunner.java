package org.cinn4knime.testworkflows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Runs a test workflow headlessly the way KNIME would, for the nodes it uses: our three nodes through their real
 * NodeModels (settings loaded from the workflow's settings.xml through validateSettings/loadValidatedSettingsFrom),
 * and small re-implementations of the four KNIME nodes the test workflows use - Table Creator (builds its table from
 * its settings), Rule-based Row Filter (only the rule forms the test workflows use: conditions on $$ROWINDEX$$,
 * $$ROWCOUNT$$ and flow variables joined by AND), Breakpoint (halts on an empty table) and Testflow Configuration
 * (does nothing). Node failures are recorded as KNIME shows them: a configure failure (InvalidSettingsException) as a
 * warning with its message, an execute failure as an error "Execute failed: " + its message. Downstream nodes of a
 * failed node are not executed.
 */
final class WorkflowRunner {

    static final String TABLE_CREATOR = "org.knime.base.node.io.tablecreator.TableCreator2NodeFactory";
    static final String RULE_FILTER = "org.knime.base.node.rules.engine.RuleEngineFilterNodeFactory";
    static final String BREAKPOINT = "org.knime.base.node.flowcontrol.breakpoint.BreakpointNodeFactory";
    static final String TEST_CONFIG = "org.knime.testing.node.config.TestConfigNodeFactory";

    /**
     * What a run produced per node id: outputs; execute failures (errors) and configure failures (warnings), each
     * with the message KNIME shows; and the flow variables visible at each node.
     */
    record Result(Map<Integer, PortObject[]> outputs, Map<Integer, String> errors, Map<Integer, String> warnings,
        Map<Integer, Map<String, FlowVariable>> variables) {
    }

    /** A connection of workflow.knime; ports are KNIME's (0 is the flow-variable port, data ports from 1). */
    record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    private WorkflowRunner() {
    }

    static List<Connection> connections(final KnimeConfig workflow) {
        final List<Connection> result = new ArrayList<>();
        for (final Object o : workflow.requireChild("connections").children()) {
            final KnimeConfig c = (KnimeConfig)o;
            result.add(new Connection(intOf(c, "sourceID"), intOf(c, "sourcePort"), intOf(c, "destID"),
                intOf(c, "destPort")));
        }
        return result;
    }

    /** Node id to the settings file named in workflow.knime (relative to the workflow folder). */
    static Map<Integer, String> nodeFiles(final KnimeConfig workflow) {
        final Map<Integer, String> files = new TreeMap<>();
        for (final Object o : workflow.requireChild("nodes").children()) {
            final KnimeConfig n = (KnimeConfig)o;
            files.put(intOf(n, "id"), n.requireEntry("node_settings_file").value());
        }
        return files;
    }

    static int intOf(final KnimeConfig c, final String key) {
        return Integer.parseInt(c.requireEntry(key).value());
    }

    /** Loads a node's "model" settings from its settings.xml tree into a NodeSettings through KNIME's XML format. */
    static NodeSettingsRO modelSettings(final KnimeConfig nodeSettings) throws Exception {
        final KnimeConfig model = new KnimeConfig("model");
        model.children().addAll(nodeSettings.requireChild("model").children());
        return NodeModelHarness.fromXml(model.toXml());
    }

    /** Creates the NodeModel of one of our factories and loads the node's settings into it, as KNIME does. */
    static NodeModel loadNodeModel(final KnimeConfig nodeSettings) throws Exception {
        final String factory = nodeSettings.requireEntry("factory").value();
        final NodeFactory<?> f = (NodeFactory<?>)Class.forName(factory).getConstructor().newInstance();
        final NodeModel model = f.createNodeModel();
        new NodeModelHarness(model).loadSettings(modelSettings(nodeSettings));
        return model;
    }

    static Result run(final KnimeConfig workflow, final Map<Integer, KnimeConfig> settings) throws Exception {
        final List<Connection> connections = connections(workflow);
        final Map<Integer, PortObject[]> outputs = new HashMap<>();
        final Map<Integer, String> errors = new TreeMap<>();
        final Map<Integer, String> warnings = new TreeMap<>();
        final Map<Integer, Map<String, FlowVariable>> variables = new HashMap<>();
        final Set<Integer> done = new HashSet<>();
        boolean progress = true;
        while (done.size() < settings.size() && progress) {
            progress = false;
            for (final Integer id : settings.keySet()) {
                final List<Connection> in = connections.stream().filter(c -> c.dest() == id)
                    .sorted((a, b) -> Integer.compare(a.destPort(), b.destPort())).toList();
                if (done.contains(id) || !in.stream().allMatch(c -> done.contains(c.source()))) {
                    continue;
                }
                done.add(id);
                progress = true;
                if (!in.stream().allMatch(c -> outputs.containsKey(c.source()))) {
                    continue; // an upstream node failed or was not executed
                }
                final PortObject[] inputs = new PortObject[in.size()];
                final Map<String, FlowVariable> vars = new LinkedHashMap<>();
                for (final Connection c : in) {
                    inputs[c.destPort() - 1] = outputs.get(c.source())[c.sourcePort() - 1];
                    vars.putAll(variables.get(c.source()));
                }
                try {
                    outputs.put(id, execute(settings.get(id), inputs, vars));
                } catch (NodeFailure e) {
                    (e.m_configure ? warnings : errors).put(id, e.getMessage());
                }
                variables.put(id, vars);
            }
        }
        if (done.size() < settings.size()) {
            throw new IllegalStateException("some nodes are part of a cycle or miss their inputs: " + settings.keySet()
                + " done " + done);
        }
        return new Result(outputs, errors, warnings, variables);
    }

    /** A node failure with the message KNIME would show on the node; configure failures are shown as warnings. */
    static final class NodeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean m_configure;

        NodeFailure(final String message, final boolean configure) {
            super(message);
            m_configure = configure;
        }
    }

    private static PortObject[] execute(final KnimeConfig node, final PortObject[] inputs,
        final Map<String, FlowVariable> vars) throws Exception {
        final String factory = node.requireEntry("factory").value();
        final NodeSettingsRO model = modelSettings(node);
        switch (factory) {
            case TABLE_CREATOR:
                return new PortObject[]{tableCreator(model)};
            case RULE_FILTER:
                return new PortObject[]{ruleFilter(model, (BufferedDataTable)inputs[0], vars)};
            case BREAKPOINT:
                breakpoint(model, (BufferedDataTable)inputs[0]);
                return inputs;
            case TEST_CONFIG:
                return new PortObject[0];
            default:
                final NodeModel nodeModel = loadNodeModel(node);
                final NodeModelHarness harness = new NodeModelHarness(nodeModel);
                try {
                    harness.configure(Arrays.stream(inputs).map(PortObject::getSpec).toArray(PortObjectSpec[]::new));
                } catch (InvalidSettingsException e) {
                    throw new NodeFailure(e.getMessage(), true);
                }
                final PortObject[] out;
                try {
                    out = harness.execute(inputs);
                } catch (Exception e) { // NOSONAR KNIME catches everything a node throws in execute
                    throw new NodeFailure("Execute failed: " + e.getMessage(), false);
                }
                vars.putAll(harness.flowVariables());
                return out;
        }
    }

    /** The Table Creator's table: columns from "columnProperties", cells from the row/column/value arrays. */
    static BufferedDataTable tableCreator(final NodeSettingsRO s) throws InvalidSettingsException {
        final NodeSettingsRO props = s.getNodeSettings("columnProperties");
        final List<DataColumnSpec> columns = new ArrayList<>();
        final List<String> missingPatterns = new ArrayList<>();
        for (int c = 0; props.containsKey(Integer.toString(c)); c++) {
            final NodeSettingsRO p = props.getNodeSettings(Integer.toString(c));
            final String cellClass = p.getNodeSettings("ColumnClass").getString("cell_class");
            final DataType type = switch (cellClass) {
                case "org.knime.core.data.def.DoubleCell" -> DataType.getType(DoubleCell.class);
                case "org.knime.core.data.def.IntCell" -> DataType.getType(IntCell.class);
                case "org.knime.core.data.def.StringCell" -> DataType.getType(StringCell.class);
                default -> throw new InvalidSettingsException("unsupported column type " + cellClass);
            };
            columns.add(new DataColumnSpecCreator(p.getString("ColumnName"), type).createSpec());
            missingPatterns.add(p.getString("MissValuePattern"));
        }
        final int[] rowIdx = s.getIntArray("rowIndices");
        final int[] colIdx = s.getIntArray("columnIndices");
        final String[] values = s.getStringArray("values");
        int rows = 0;
        for (final int r : rowIdx) {
            rows = Math.max(rows, r + 1);
        }
        final String[][] cells = new String[rows][columns.size()];
        for (int i = 0; i < values.length; i++) {
            cells[rowIdx[i]][colIdx[i]] = values[i];
        }
        final DataRow[] out = new DataRow[rows];
        final String prefix = s.getString("rowIdPrefix");
        final int start = s.getInt("rowIdStartValue");
        for (int r = 0; r < rows; r++) {
            final DataCell[] row = new DataCell[columns.size()];
            for (int c = 0; c < row.length; c++) {
                final String v = cells[r][c] == null ? "" : cells[r][c];
                if (v.equals(missingPatterns.get(c))) {
                    row[c] = DataType.getMissingCell();
                } else if (columns.get(c).getType().equals(DataType.getType(DoubleCell.class))) {
                    row[c] = new DoubleCell(Double.parseDouble(v));
                } else if (columns.get(c).getType().equals(DataType.getType(IntCell.class))) {
                    row[c] = new IntCell(Integer.parseInt(v));
                } else {
                    row[c] = new StringCell(v);
                }
            }
            out[r] = new DefaultRow(prefix + (start + r) + s.getString("rowIdSuffix"), row);
        }
        return NodeModelHarness.createTable(new DataTableSpec(columns.toArray(DataColumnSpec[]::new)), out);
    }

    private static final Pattern CONDITION = Pattern.compile(
        "\\$\\$(ROWINDEX|ROWCOUNT)\\$\\$ = (\\d+)|\\$\\$\\{([DI])([^}]+)}\\$\\$ ([<>=]) (-?[0-9.Ee+-]+)");

    /**
     * The Rule-based Row Filter for rules of the form {@code cond AND cond ... => TRUE} (include matching rows), with
     * conditions on $$ROWINDEX$$ / $$ROWCOUNT$$ (equality) and on double/int flow variables (&lt;, &gt;, =).
     */
    static BufferedDataTable ruleFilter(final NodeSettingsRO s, final BufferedDataTable in,
        final Map<String, FlowVariable> vars) throws InvalidSettingsException {
        final String[] rules = s.getStringArray("rules");
        if (rules.length != 1 || !rules[0].endsWith(" => TRUE") || !s.getBoolean("include")) {
            throw new InvalidSettingsException("test runner supports one including rule '... => TRUE' only");
        }
        final List<DataRow> kept = new ArrayList<>();
        long index = 0;
        for (final DataRow row : in) {
            if (matches(rules[0].substring(0, rules[0].length() - " => TRUE".length()), index, in.size(), vars)) {
                kept.add(row);
            }
            index++;
        }
        return NodeModelHarness.createTable(in.getDataTableSpec(), kept.toArray(DataRow[]::new));
    }

    static boolean matches(final String condition, final long rowIndex, final long rowCount,
        final Map<String, FlowVariable> vars) throws InvalidSettingsException {
        for (final String part : condition.split(" AND ")) {
            final Matcher m = CONDITION.matcher(part.trim());
            if (!m.matches()) {
                throw new InvalidSettingsException("test runner cannot evaluate rule condition '" + part + "'");
            }
            final boolean ok;
            if (m.group(1) != null) {
                ok = ("ROWINDEX".equals(m.group(1)) ? rowIndex : rowCount) == Long.parseLong(m.group(2));
            } else {
                final FlowVariable v = vars.get(m.group(4));
                if (v == null) {
                    throw new InvalidSettingsException("unknown flow variable '" + m.group(4) + "' in rule; known: "
                        + vars.keySet());
                }
                final double value = "D".equals(m.group(3)) ? v.getDoubleValue() : v.getIntValue();
                final double bound = Double.parseDouble(m.group(6));
                ok = switch (m.group(5)) {
                    case "<" -> value < bound;
                    case ">" -> value > bound;
                    default -> value == bound;
                };
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The Breakpoint node with "empty table": halts (fails) when enabled and its input has no rows. */
    static void breakpoint(final NodeSettingsRO s, final BufferedDataTable in) throws Exception {
        if (!s.getBoolean("Enabled") || !"empty table".equals(s.getString("BreakPoint"))) {
            throw new InvalidSettingsException("test runner supports an enabled 'empty table' breakpoint only");
        }
        if (in.size() == 0) {
            throw new NodeFailure("Execute failed: " + (s.getBoolean("Use custom error message")
                ? s.getString("Custom error message") : "Breakpoint halted execution (table is empty)"), false);
        }
    }

    static String describe(final Result r) {
        return String.format(Locale.ROOT, "errors %s, warnings %s, flow variables %s", r.errors(), r.warnings(),
            r.variables());
    }
}
