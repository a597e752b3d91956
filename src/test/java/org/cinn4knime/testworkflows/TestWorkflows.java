package org.cinn4knime.testworkflows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModelHarness;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.nodes.common.MissingValuePolicy;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;

/**
 * Generates the KNIME test workflows in {@code test-workflows/} (run {@link #main} from the repository root after a
 * change of the nodes' settings or messages; {@link TestWorkflowsTest} fails until the committed files match).
 *
 * <p>Our nodes' settings start from what their NodeModels save (so every key they load is present) with the values
 * each test needs set by key (an unknown key fails here). The KNIME nodes used - Table Creator and Breakpoint
 * (org.knime.base), Rule-based Row Filter (org.knime.jsnippets, "KNIME Java Snippet Nodes") and Testflow Configuration
 * (KNIME Testing Framework, only where errors are expected) - are written with the keys and value formats their KNIME 5 NodeModels save. The expected error texts of the
 * bad-input workflow are obtained by running the nodes on the same data ({@link WorkflowRunner}).
 */
public final class TestWorkflows {

    /** Bundle information written into each node's settings.xml. */
    record Bundle(String name, String symbolicName, String vendor, String version) {
    }

    static final Bundle BASE =
        new Bundle("KNIME Base Nodes", "org.knime.base", "KNIME AG, Zurich, Switzerland", "5.2.0");
    /** The Rule-based Row Filter's bundle (RuleEngineFilterNodeFactory ships in org.knime.jsnippets). */
    static final Bundle JSNIPPETS =
        new Bundle("KNIME Java Snippet Nodes", "org.knime.jsnippets", "KNIME AG, Zurich, Switzerland", "5.2.0");
    static final Bundle TESTING = new Bundle("KNIME Testing Framework", "org.knime.testing",
        "KNIME AG, Zurich, Switzerland", "5.2.0");
    static final Bundle CINN = new Bundle("cINN nodes for KNIME", "org.cinn4knime", "cinn4knime", "0.1.0");

    static final String DOUBLE = "org.knime.core.data.def.DoubleCell";
    static final String STRING = "org.knime.core.data.def.StringCell";
    static final String MISSING = "?";
    static final String WHEN = "2026-11-28 22:00:00 +0000";

    /** One node: its settings.xml model part, output port count and place on the canvas. */
    record NodeDef(int id, String name, String factory, Bundle bundle, KnimeConfig model, int outPorts, int x, int y) {
        String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** A workflow: folder name, description, nodes, connections (KNIME port numbers: data ports from 1). */
    record Workflow(String folder, String description, List<NodeDef> nodes,
        List<WorkflowRunner.Connection> connections) {
    }

    private TestWorkflows() {
    }

    // ------------------------------------------------------------------ data

    static String num(final double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Inverse-kinematics rows x0..x3, y0, y1 as Table Creator text, y computed from the rounded x. */
    static String[][] ikRows(final int n, final long seed) {
        final double[][] x = InverseKinematics.samplePrior(n, seed);
        final String[][] rows = new String[n][6];
        for (int r = 0; r < n; r++) {
            final double[] xr = new double[4];
            for (int j = 0; j < 4; j++) {
                rows[r][j] = num(x[r][j]);
                xr[j] = Double.parseDouble(rows[r][j]);
            }
            final double[] y = InverseKinematics.forward(xr);
            rows[r][4] = num(y[0]);
            rows[r][5] = num(y[1]);
        }
        return rows;
    }

    static final List<String> IK_COLUMNS = List.of("x0", "x1", "x2", "x3", "y0", "y1");
    static final List<String> X = List.of("x0", "x1", "x2", "x3");
    static final List<String> Y = List.of("y0", "y1");
    static final String[][] TARGETS = {{"1.5", "0.0"}, {"1.8", "0.5"}, {"1.7", "-0.4"}};

    // ------------------------------------------------------------------ node settings

    /** Table Creator (TableCreator2NodeSettings + ColProperty): the cells row by row; "?" is a missing value. */
    static KnimeConfig tableCreator(final List<String> names, final List<String> cellClasses, final String[][] rows) {
        final List<Integer> r = new ArrayList<>();
        final List<Integer> c = new ArrayList<>();
        final List<String> v = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                r.add(i);
                c.add(j);
                v.add(rows[i][j]);
            }
        }
        final KnimeConfig m = new KnimeConfig("model")
            .intArray("rowIndices", r.stream().mapToInt(Integer::intValue).toArray())
            .intArray("columnIndices", c.stream().mapToInt(Integer::intValue).toArray())
            .stringArray("values", v)
            .string("rowIdPrefix", "Row").string("rowIdSuffix", "").integer("rowIdStartValue", 0)
            .bool("highlightOutputTable", false);
        final KnimeConfig props = m.config("columnProperties");
        for (int j = 0; j < names.size(); j++) {
            props.config(Integer.toString(j)).bool("UserSetValues", true).string("MissValuePattern", MISSING)
                .string("FormatParameter", null).bool("ReadPossValsFromFile", false).bool("SkipThisColumn", false)
                .string("ColumnName", names.get(j))
                .config("ColumnClass").string("cell_class", cellClasses.get(j)).bool("is_null", false);
        }
        return m;
    }

    static KnimeConfig doubleTable(final List<String> names, final String[][] rows) {
        return tableCreator(names, names.stream().map(n -> DOUBLE).toList(), rows);
    }

    /** Rule-based Row Filter (RuleEngineSettings + "include"), including the rows that match the one rule. */
    static KnimeConfig ruleFilter(final String rule) {
        return new KnimeConfig("model").stringArray("rules", List.of(rule)).string("new-column-name", "prediction")
            .string("replace-column-name", "").bool("append-column", true)
            .bool("disallowLongOutputForCompatibility", false)
            .settingsModel("SMID_boolean", new KnimeConfig.Entry("include", "boolean", "true", false));
    }

    /** Breakpoint that halts with {@code message} when its input table is empty. */
    static KnimeConfig breakpoint(final String message) {
        return new KnimeConfig("model")
            .settingsModel("SMID_boolean", new KnimeConfig.Entry("Enabled", "boolean", "true", false))
            .settingsModel("SMID_string", new KnimeConfig.Entry("BreakPoint", "string", "empty table", false))
            .settingsModel("SMID_string", new KnimeConfig.Entry("Variable Name", "string", "", false))
            .settingsModel("SMID_string", new KnimeConfig.Entry("Variable Value", "string", "0", false))
            .settingsModel("SMID_boolean", new KnimeConfig.Entry("Use custom error message", "boolean", "true", false))
            .settingsModel("SMID_string", new KnimeConfig.Entry("Custom error message", "string", message, false));
    }

    /**
     * Testflow Configuration: the given nodes must fail (not execute), with exactly these node errors (execute
     * failures) and node warnings (configure failures), node id to message.
     */
    static KnimeConfig testflowConfiguration(final Map<Integer, String> errors, final Map<Integer, String> warnings) {
        final KnimeConfig m = new KnimeConfig("model").string("owner", "cinn4knime");
        for (final String key : List.of("requiredLogErrors", "requiredLogWarnings", "requiredLogInfos")) {
            m.stringArray(key, List.of());
        }
        final Set<Integer> failing = new TreeSet<>(errors.keySet());
        failing.addAll(warnings.keySet());
        m.stringArray("failingNodes", failing.stream().map(String::valueOf).toList());
        nodeMessages(m.config("requiredNodeWarnings"), warnings);
        nodeMessages(m.config("requiredNodeErrors"), errors);
        // the keys a Testflow Configuration saved by KNIME 5.4 holds beyond those of older versions
        return m.integer("timeout", 300).integer("maxHilitedRows", 2500).stringArray("usedJanitors", List.of())
            .bool("streamingTest", false).string("requiredLoadVersion", "").bool("testNodesInComponents", false)
            .stringArray("optionalLogMessages", List.of()).stringArray("supportedTableBackends", List.of());
    }

    private static void nodeMessages(final KnimeConfig config, final Map<Integer, String> messages) {
        int i = 0;
        for (final Map.Entry<Integer, String> e : messages.entrySet()) {
            config.string("nodeID_" + i, Integer.toString(e.getKey())).string("message_" + i, e.getValue());
            i++;
        }
        config.integer("count", messages.size());
    }

    /**
     * Our node's settings: what its NodeModel saves by default (the stand-in writes column filters as KNIME 4.5+ does,
     * "excludeMatching" included), then {@code values} applied by key (an unknown key fails).
     */
    static KnimeConfig cinnSettings(final NodeFactory<?> factory, final Consumer<KnimeConfig> values)
        throws IOException {
        final KnimeConfig saved = KnimeConfig.parse(new NodeModelHarness(factory.createNodeModel()).saveSettingsXml());
        saved.set("threads", "1"); // its default is the generating machine's cores; the files must not depend on it
        values.accept(saved);
        return saved;
    }

    /** Sets a column filter to exactly the included columns (later columns are excluded, not added). */
    static void columns(final KnimeConfig model, final String key, final List<String> include,
        final List<String> exclude) {
        final KnimeConfig filter = model.requireChild(key);
        filter.setStringArray("included_names", include).setStringArray("excluded_names", exclude)
            .set("enforce_option", "EnforceInclusion");
    }

    static KnimeConfig learner(final int epochs, final int batch) throws IOException {
        return cinnSettings(new CinnLearnerNodeFactory(), m -> {
            columns(m, "x_columns", X, Y);
            columns(m, "y_columns", Y, X);
            m.set("blocks", "4").set("subnet_width", "32").set("epochs", Integer.toString(epochs))
                .set("batch_size", Integer.toString(batch)).set("learning_rate", "0.002").set("patience", "0")
                .set("seed", "7");
        });
    }

    // ------------------------------------------------------------------ workflows

    static NodeDef node(final int id, final String name, final String factory, final Bundle bundle,
        final KnimeConfig model, final int outPorts, final int col, final int row) {
        return new NodeDef(id, name, factory, bundle, model, outPorts, 60 + 160 * col, 60 + 130 * row);
    }

    static NodeDef tableNode(final int id, final KnimeConfig model, final int col, final int row) {
        return node(id, "Table Creator", WorkflowRunner.TABLE_CREATOR, BASE, model, 1, col, row);
    }

    static WorkflowRunner.Connection conn(final int source, final int sourcePort, final int dest, final int destPort) {
        return new WorkflowRunner.Connection(source, sourcePort, dest, destPort);
    }

    static final String LEARNER = CinnLearnerNodeFactory.class.getName();
    static final String SAMPLER = CinnSamplerNodeFactory.class.getName();
    static final String SCORER = CinnScorerNodeFactory.class.getName();

    /** Figures the learn-score workflow requires of the model trained on 300 rows (checked by its Breakpoint). */
    static final double MAX_MEAN_NLL = 0.0;
    static final double MAX_CALIBRATION_ERROR = 0.15;
    static final int SAMPLES_PER_TARGET = 50;

    static Workflow learnSample() throws IOException {
        final KnimeConfig sampler = cinnSettings(new CinnSamplerNodeFactory(), m -> m
            .set("samples_per_row", Integer.toString(SAMPLES_PER_TARGET)).set("seed", "5")
            .set("append_log_density", "true"));
        final int designs = SAMPLES_PER_TARGET * TARGETS.length;
        return new Workflow("cinn_learn_sample",
            "Learn -> sample: trains a cINN on 300 inverse-kinematics rows (x0..x3 given the end point y0, y1), "
                + "samples "
                + SAMPLES_PER_TARGET + " designs for each of " + TARGETS.length + " wanted end points and checks that "
                + designs + " designs come out (Rule-based Row Filter keeps one row if so; the Breakpoint fails on "
                + "an empty table).",
            List.of(tableNode(1, doubleTable(IK_COLUMNS, ikRows(300, 101)), 0, 0),
                node(2, "cINN Learner", LEARNER, CINN, learner(10, 90), 2, 1, 0),
                tableNode(3, doubleTable(Y, TARGETS), 1, 1),
                node(4, "cINN Sampler", SAMPLER, CINN, sampler, 1, 2, 0),
                node(5, "Rule-based Row Filter", WorkflowRunner.RULE_FILTER, JSNIPPETS,
                    ruleFilter("$$ROWINDEX$$ = 0 AND $$ROWCOUNT$$ = " + designs + " => TRUE"), 1, 3, 0),
                node(6, "Breakpoint", WorkflowRunner.BREAKPOINT, BASE,
                    breakpoint("check failed: the cINN Sampler did not return " + designs + " designs"), 1, 4, 0)),
            List.of(conn(1, 1, 2, 1), conn(2, 1, 4, 1), conn(3, 1, 4, 2), conn(4, 1, 5, 1), conn(5, 1, 6, 1)));
    }

    static Workflow learnScore() throws IOException {
        final KnimeConfig scorer = cinnSettings(new CinnScorerNodeFactory(), m -> { });
        final String prefix = scorer.requireEntry("flow_variable_prefix").value();
        final String rule = String.format(Locale.ROOT, "$$ROWINDEX$$ = 0 AND $${I%srows_scored}$$ = 100 AND "
            + "$${D%smean_nll}$$ < %s AND $${D%scalibration_error}$$ < %s => TRUE", prefix, prefix, MAX_MEAN_NLL,
            prefix, MAX_CALIBRATION_ERROR);
        return new Workflow("cinn_learn_score",
            "Learn -> score: trains a cINN on 300 inverse-kinematics rows, scores 100 held-out rows and checks the "
                + "figures the Scorer pushes as flow variables: 100 rows scored, mean NLL below " + MAX_MEAN_NLL
                + " nats per row, calibration error below " + MAX_CALIBRATION_ERROR
                + " (the Rule-based Row Filter keeps a row only if all hold; the Breakpoint fails on an empty table).",
            List.of(tableNode(1, doubleTable(IK_COLUMNS, ikRows(300, 101)), 0, 0),
                node(2, "cINN Learner", LEARNER, CINN, learner(30, 90), 2, 1, 0),
                tableNode(3, doubleTable(IK_COLUMNS, ikRows(100, 202)), 1, 1),
                node(4, "cINN Scorer", SCORER, CINN, scorer, 2, 2, 0),
                node(5, "Rule-based Row Filter", WorkflowRunner.RULE_FILTER, JSNIPPETS, ruleFilter(rule), 1, 3, 0),
                node(6, "Breakpoint", WorkflowRunner.BREAKPOINT, BASE,
                    breakpoint("check failed: the cINN Scorer's figures are out of range (" + rule + ")"), 1, 4, 0)),
            List.of(conn(1, 1, 2, 1), conn(2, 1, 4, 1), conn(3, 1, 4, 2), conn(4, 2, 5, 1), conn(5, 1, 6, 1)));
    }

    /** Node ids of the bad-input workflow that must fail, and why. */
    static final Map<Integer, String> BAD_INPUT_CASES = new TreeMap<>(Map.of(
        3, "Learner on a table with a single row",
        5, "Learner on a table whose column x2 is constant",
        9, "Sampler with a targets table that lacks the model's y column y1",
        11, "Scorer with a missing value in column x1 of row Row4 and 'fail on missing values'"));

    static Workflow badInput(final Map<Integer, String> expectedErrors, final Map<Integer, String> expectedWarnings)
        throws IOException {
        final String[][] train = ikRows(120, 303);
        final String[][] constant = ikRows(60, 404);
        for (final String[] row : constant) {
            row[2] = "0.5";
        }
        final String[][] heldOut = ikRows(20, 505);
        heldOut[4][1] = MISSING;
        final String[][] targets = {{"1.5", "0.0"}, {"1.8", "1.0"}};
        final KnimeConfig failScorer = cinnSettings(new CinnScorerNodeFactory(),
            m -> m.set(MissingValuePolicy.CFG_KEY, MissingValuePolicy.FAIL.name()));
        final StringBuilder description = new StringBuilder("Bad input: each branch must fail with the error text "
            + "given in the Testflow Configuration (node 1).");
        BAD_INPUT_CASES.forEach((id, why) -> description.append(" Node ").append(id).append(": ").append(why)
            .append('.'));
        return new Workflow("cinn_bad_input", description.toString(),
            List.of(node(1, "Testflow Configuration", WorkflowRunner.TEST_CONFIG, TESTING,
                    testflowConfiguration(expectedErrors, expectedWarnings), 0, 0, 0),
                tableNode(2, doubleTable(IK_COLUMNS, Arrays.copyOf(train, 1)), 0, 1),
                node(3, "cINN Learner", LEARNER, CINN, learner(2, 2), 2, 1, 1),
                tableNode(4, doubleTable(IK_COLUMNS, constant), 0, 2),
                node(5, "cINN Learner", LEARNER, CINN, learner(2, 20), 2, 1, 2),
                tableNode(6, doubleTable(IK_COLUMNS, train), 0, 3),
                node(7, "cINN Learner", LEARNER, CINN, learner(3, 30), 2, 1, 3),
                tableNode(8, doubleTable(List.of("y0", "z"), targets), 1, 4),
                node(9, "cINN Sampler", SAMPLER, CINN, cinnSettings(new CinnSamplerNodeFactory(), m -> { }), 1, 2, 4),
                tableNode(10, doubleTable(IK_COLUMNS, heldOut), 1, 5),
                node(11, "cINN Scorer", SCORER, CINN, failScorer, 2, 2, 5)),
            List.of(conn(2, 1, 3, 1), conn(4, 1, 5, 1), conn(6, 1, 7, 1), conn(7, 1, 9, 1), conn(8, 1, 9, 2),
                conn(7, 1, 11, 1), conn(10, 1, 11, 2)));
    }

    /** All workflows; the bad-input workflow's expected errors are obtained by running its nodes. */
    static List<Workflow> all() throws Exception {
        final Workflow probe = badInput(Map.of(), Map.of());
        final WorkflowRunner.Result result = WorkflowRunner.run(KnimeConfig.parse(workflowKnime(probe)),
            settingsOf(probe));
        final Set<Integer> failed = new TreeSet<>(result.errors().keySet());
        failed.addAll(result.warnings().keySet());
        if (!failed.equals(BAD_INPUT_CASES.keySet())) {
            throw new IllegalStateException("bad-input workflow: expected failures of nodes " + BAD_INPUT_CASES
                + " but got " + WorkflowRunner.describe(result));
        }
        return List.of(learnSample(), learnScore(), badInput(result.errors(), result.warnings()));
    }

    static Map<Integer, KnimeConfig> settingsOf(final Workflow w) throws IOException {
        final Map<Integer, KnimeConfig> settings = new TreeMap<>();
        for (final NodeDef n : w.nodes()) {
            settings.put(n.id(), KnimeConfig.parse(settingsXml(n)));
        }
        return settings;
    }

    // ------------------------------------------------------------------ files

    /** A node's settings.xml, in the order KNIME 5 writes it. */
    static String settingsXml(final NodeDef n) {
        final KnimeConfig s = new KnimeConfig("settings.xml").string("node_file", "settings.xml");
        s.config("flow_stack");
        s.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        s.put("model", n.model());
        s.string("customDescription", null).string("state", "IDLE").string("factory", n.factory())
            .string("node-name", n.name()).string("node-bundle-name", n.bundle().name())
            .string("node-bundle-symbolic-name", n.bundle().symbolicName())
            .string("node-bundle-vendor", n.bundle().vendor()).string("node-bundle-version", n.bundle().version())
            .string("node-feature-name", null).string("node-feature-symbolic-name", null)
            .string("node-feature-vendor", null).string("node-feature-version", "0.0.0");
        s.config("factory_settings");
        s.string("name", n.name()).bool("hasContent", false).bool("isInactive", false);
        final KnimeConfig ports = s.config("ports");
        for (int p = 1; p <= n.outPorts(); p++) {
            ports.config("port_" + p).integer("index", p).string("port_dir_location", null);
        }
        s.config("filestores").string("file_store_location", null).string("file_store_id", null);
        return s.toXml();
    }

    static String workflowKnime(final Workflow w) {
        final KnimeConfig k = new KnimeConfig("workflow.knime").string("created_by", "5.2.0")
            .bool("created_by_nightly", false).string("version", "5.1.0").string("name", null);
        k.config("authorInformation").string("authored-by", "cinn4knime").string("authored-when", WHEN)
            .string("lastEdited-by", "cinn4knime").string("lastEdited-when", WHEN);
        k.string("customDescription", null).string("state", "IDLE");
        k.config("workflow_credentials");
        final KnimeConfig nodes = k.config("nodes");
        for (final NodeDef n : w.nodes()) {
            final KnimeConfig c = nodes.config("node_" + n.id()).integer("id", n.id())
                .string("node_settings_file", n.folder() + "/settings.xml").bool("node_is_meta", false)
                .string("node_type", "NativeNode")
                .string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            c.config("ui_settings").intArray("extrainfo.node.bounds", new int[]{n.x(), n.y(), -1, -1});
        }
        final KnimeConfig connections = k.config("connections");
        for (int i = 0; i < w.connections().size(); i++) {
            final WorkflowRunner.Connection c = w.connections().get(i);
            connections.config("connection_" + i).integer("sourceID", c.source()).integer("destID", c.dest())
                .integer("sourcePort", c.sourcePort()).integer("destPort", c.destPort());
        }
        return k.toXml();
    }

    static String workflowsetMeta(final Workflow w) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<KNIMEMetaInfo nrOfElements=\"2\" xmlns=\"http://www.knime.org/2.9/metainfo\">\n"
            + "    <element form=\"multiline\" name=\"Comments\" read-only=\"false\">"
            + KnimeConfig.escape(w.description()) + "</element>\n"
            + "    <element form=\"text\" name=\"Last Edited\" read-only=\"true\">" + WHEN + "</element>\n"
            + "</KNIMEMetaInfo>\n";
    }

    static String workflowMetadata(final Workflow w) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<workflow-metadata content-type=\"text/plain\" "
            + "xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n"
            + "    <last-modified>2026-11-28T22:00:00.000+00:00</last-modified>\n"
            + "    <description>" + KnimeConfig.escape(w.description()) + "</description>\n"
            + "</workflow-metadata>\n";
    }

    /** Every file of every workflow: path relative to test-workflows/ to content. */
    static Map<String, String> files(final List<Workflow> workflows) {
        final Map<String, String> files = new LinkedHashMap<>();
        for (final Workflow w : workflows) {
            files.put(w.folder() + "/workflow.knime", workflowKnime(w));
            files.put(w.folder() + "/workflowset.meta", workflowsetMeta(w));
            files.put(w.folder() + "/workflow-metadata.xml", workflowMetadata(w));
            for (final NodeDef n : w.nodes()) {
                files.put(w.folder() + "/" + n.folder() + "/settings.xml", settingsXml(n));
            }
        }
        return files;
    }

    /** Writes test-workflows/ afresh (run from the repository root). */
    public static void main(final String[] args) throws Exception {
        final Path root = Path.of(args.length > 0 ? args[0] : "test-workflows");
        final Map<String, String> files = files(all());
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (final Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (final Map.Entry<String, String> f : files.entrySet()) {
            final Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.size() + " files to " + root.toAbsolutePath()); // NOSONAR dev tool
    }

    /** The node ids whose settings come from one of our factories. */
    static Set<String> ourFactories() {
        return Set.of(LEARNER, SAMPLER, SCORER);
    }
}
