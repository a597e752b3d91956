package org.cinn4knime.testworkflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.cinn4knime.build.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.workflow.FlowVariable;
import org.xml.sax.SAXException;

/**
 * The KNIME test workflows in {@code test-workflows/}: valid XMLConfig files, our nodes' settings load through their
 * NodeModels (validateSettings + loadValidatedSettingsFrom) with exactly the keys the code saves, the wiring fits the
 * nodes' ports, and running them gives exactly the expected outcome - no failure in the learn-sample and learn-score
 * workflows (whose Breakpoints check the figures) and, in the bad-input workflow, the errors its Testflow
 * Configuration lists, word for word.
 */
class TestWorkflowsTest {

    static final Path ROOT = Path.of("test-workflows");
    static final Path SCHEMA = Path.of("..", "shared", "knime-api", "xsd", "XMLConfig_2008_09.xsd");

    /** Keys KNIME 5 writes that the stand-in does not (PatternFilterConfiguration, since KNIME 4.5). */

    static List<Path> s_workflows;

    @BeforeAll
    static void findWorkflows() throws Exception {
        if (System.getProperty(REGENERATE) != null) {
            TestWorkflows.main(new String[]{ROOT.toString()});
        }
        assertTrue(Files.isDirectory(ROOT), "test-workflows/ missing (run from the repository root)");
        try (Stream<Path> s = Files.list(ROOT)) {
            s_workflows = s.filter(p -> Files.exists(p.resolve("workflow.knime"))).sorted().toList();
        }
        assertEquals(3, s_workflows.size(), s_workflows::toString);
    }

    static List<Path> allFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyXmlFileIsValid() throws Exception {
        SharedFiles.require("KNIME's settings schema", SCHEMA);
        final Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(SCHEMA.toFile());
        int configs = 0;
        for (final Path file : allFiles()) {
            final String name = file.getFileName().toString();
            if ("workflow.knime".equals(name) || "settings.xml".equals(name)) {
                try {
                    schema.newValidator().validate(new StreamSource(file.toFile()));
                } catch (SAXException e) {
                    throw new AssertionError(file + " is not valid XMLConfig: " + e.getMessage(), e);
                }
                configs++;
            } else {
                // the two metadata files of a workflow have their own formats; they must at least be well-formed
                assertTrue(Set.of("workflowset.meta", "workflow-metadata.xml").contains(name), "unexpected " + file);
                final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.newDocumentBuilder().parse(file.toFile());
            }
        }
        assertTrue(configs >= 3 + 20, "XMLConfig files validated: " + configs);
    }

    /** Regenerates test-workflows/ first: {@code mvn -q test -Dtest=TestWorkflowsTest -Dtestworkflows.regenerate}. */
    static final String REGENERATE = "testworkflows.regenerate";

    @Test
    void filesAreWhatTheGeneratorWrites() throws Exception {
        final Map<String, String> expected = TestWorkflows.files(TestWorkflows.all());
        final Map<String, String> actual = new TreeMap<>();
        for (final Path file : allFiles()) {
            actual.put(ROOT.relativize(file).toString().replace('\\', '/'),
                Files.readString(file, StandardCharsets.UTF_8));
        }
        assertEquals(new TreeMap<>(expected).keySet(), actual.keySet(),
            "test-workflows/ differs from TestWorkflows' output; regenerate with -D" + REGENERATE);
        for (final Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey()
                + " differs from TestWorkflows' output; regenerate with "
                + "mvn -q test -Dtest=TestWorkflowsTest -D" + REGENERATE);
        }
    }

    /**
     * The KNIME nodes are written as KNIME writes them: the Rule-based Row Filter (RuleEngineFilterNodeFactory) belongs
     * to org.knime.jsnippets, and the Testflow Configuration (org.knime.testing TestConfigSettings) holds the keys a
     * file saved by KNIME 5.4 has.
     */
    @Test
    void knimeNodesNameTheirBundleAndHoldTheKeysOfKnime54() throws Exception {
        int rules = 0;
        int configs = 0;
        for (final Path workflow : s_workflows) {
            for (final Map.Entry<Integer, KnimeConfig> node : settings(workflow).entrySet()) {
                final KnimeConfig s = node.getValue();
                final String factory = s.requireEntry("factory").value();
                final String where = workflow.getFileName() + " node " + node.getKey();
                if (WorkflowRunner.RULE_FILTER.equals(factory)) {
                    assertEquals("org.knime.jsnippets", s.requireEntry("node-bundle-symbolic-name").value(), where);
                    assertEquals("KNIME Java Snippet Nodes", s.requireEntry("node-bundle-name").value(), where);
                    rules++;
                } else if (WorkflowRunner.TEST_CONFIG.equals(factory)) {
                    final KnimeConfig model = s.requireChild("model");
                    for (final String key : List.of("streamingTest", "requiredLoadVersion", "testNodesInComponents")) {
                        assertTrue(model.entry(key).isPresent(), where + " lacks " + key);
                    }
                    for (final String key : List.of("optionalLogMessages", "supportedTableBackends")) {
                        assertTrue(model.child(key).isPresent(), where + " lacks " + key);
                    }
                    configs++;
                }
            }
        }
        assertEquals(2, rules, "Rule-based Row Filters in the workflows");
        assertEquals(1, configs, "Testflow Configurations in the workflows");
    }

    @Test
    void ourNodesLoadTheirSettingsWithExactlyTheirKeys() throws Exception {
        int loaded = 0;
        for (final Path workflow : s_workflows) {
            for (final Map.Entry<Integer, KnimeConfig> node : settings(workflow).entrySet()) {
                final KnimeConfig s = node.getValue();
                if (!TestWorkflows.ourFactories().contains(s.requireEntry("factory").value())) {
                    continue;
                }
                final String where = workflow.getFileName() + " node " + node.getKey();
                final NodeModel model;
                try {
                    model = WorkflowRunner.loadNodeModel(s);
                } catch (Exception e) {
                    throw new AssertionError(where + ": settings do not load: " + e.getMessage(), e);
                }
                final Set<String> saved = new HashSet<>(KnimeConfig.parse(new NodeModelHarness(model)
                    .saveSettingsXml()).paths());
                final Set<String> inFile = new HashSet<>(s.requireChild("model").paths());
                final Set<String> missing = new HashSet<>(saved);
                missing.removeAll(inFile);
                assertTrue(missing.isEmpty(), where + ": keys the node saves but the file lacks: " + missing);
                final Set<String> extra = new HashSet<>(inFile);
                extra.removeAll(saved);
                assertTrue(extra.isEmpty(), where + ": keys in the file the node does not save: " + extra);
                loaded++;
            }
        }
        assertEquals(9, loaded, "our nodes in the three workflows");
    }

    @Test
    void wiringFitsThePorts() throws Exception {
        for (final Path workflow : s_workflows) {
            final KnimeConfig wf = KnimeConfig.read(workflow.resolve("workflow.knime"));
            final Map<Integer, KnimeConfig> settings = settings(workflow);
            final Set<String> inputs = new HashSet<>();
            for (final WorkflowRunner.Connection c : WorkflowRunner.connections(wf)) {
                final String where = workflow.getFileName() + " " + c;
                assertTrue(settings.containsKey(c.source()) && settings.containsKey(c.dest()), where);
                assertTrue(c.sourcePort() >= 1 && c.destPort() >= 1, where + ": data ports start at 1");
                assertTrue(inputs.add(c.dest() + ":" + c.destPort()), where + ": input connected twice");
                final int outPorts = settings.get(c.source()).requireChild("ports").children().size();
                assertTrue(c.sourcePort() <= outPorts, where + ": source has " + outPorts + " output ports");
                final KnimeConfig dest = settings.get(c.dest());
                if (TestWorkflows.ourFactories().contains(dest.requireEntry("factory").value())) {
                    assertTrue(c.destPort() <= ports(WorkflowRunner.loadNodeModel(dest), "getNrInPorts"), where);
                }
            }
            for (final Map.Entry<Integer, KnimeConfig> n : settings.entrySet()) {
                final KnimeConfig s = n.getValue();
                if (TestWorkflows.ourFactories().contains(s.requireEntry("factory").value())) {
                    final NodeModel m = WorkflowRunner.loadNodeModel(s);
                    assertEquals(ports(m, "getNrOutPorts"), s.requireChild("ports").children().size(),
                        workflow.getFileName() + " node " + n.getKey() + ": output ports");
                    for (int p = 1; p <= ports(m, "getNrInPorts"); p++) {
                        assertTrue(inputs.contains(n.getKey() + ":" + p),
                            workflow.getFileName() + " node " + n.getKey() + ": input " + p + " not connected");
                    }
                }
            }
        }
    }

    @Test
    void workflowsRunWithExactlyTheExpectedErrors() throws Exception {
        for (final Path workflow : s_workflows) {
            final Map<Integer, KnimeConfig> settings = settings(workflow);
            final Map<Integer, String> expected = expected(settings, "requiredNodeErrors");
            final Map<Integer, String> expectedWarnings = expected(settings, "requiredNodeWarnings");
            final WorkflowRunner.Result result =
                WorkflowRunner.run(KnimeConfig.read(workflow.resolve("workflow.knime")), settings);
            assertEquals(expected, result.errors(), workflow.getFileName() + ": " + WorkflowRunner.describe(result));
            assertEquals(expectedWarnings, result.warnings(),
                workflow.getFileName() + ": " + WorkflowRunner.describe(result));
            final Set<String> failing = new TreeSet<>();
            expected.keySet().forEach(id -> failing.add(id.toString()));
            expectedWarnings.keySet().forEach(id -> failing.add(id.toString()));
            assertEquals(failing, failingNodes(settings), workflow.getFileName() + ": failingNodes");
            // every node ran unless it is downstream of an expected failure
            final int ran = result.outputs().size() + result.errors().size();
            assertTrue(ran == settings.size() || !failing.isEmpty(), workflow.getFileName() + ": only " + ran
                + " of " + settings.size() + " nodes ran");
        }
    }

    @Test
    void theBadInputWorkflowExpectsErrorsThatNameTheCulprit() throws Exception {
        final Map<Integer, KnimeConfig> settings = settings(ROOT.resolve("cinn_bad_input"));
        final Map<Integer, String> expected = new TreeMap<>(expected(settings, "requiredNodeErrors"));
        expected.putAll(expected(settings, "requiredNodeWarnings"));
        assertEquals(TestWorkflows.BAD_INPUT_CASES.keySet(), expected.keySet());
        assertTrue(expected.get(5).contains("'x2'"), expected::toString);
        assertTrue(expected.get(9).contains("'y1'"), expected::toString);
        assertTrue(expected.get(11).contains("'Row4'") && expected.get(11).contains("'x1'"), expected::toString);
        assertFalse(expected.get(3).isBlank(), expected::toString);
    }

    /** NodeModel's port counts (protected final in KNIME, as in the stand-in). */
    static int ports(final NodeModel model, final String getter) throws ReflectiveOperationException {
        final Method m = NodeModel.class.getDeclaredMethod(getter);
        m.setAccessible(true);
        return (Integer)m.invoke(model);
    }

    @Test
    void theFigureCheckFailsWhenAFigureIsOutOfRange() throws Exception {
        final KnimeConfig filter = settings(ROOT.resolve("cinn_learn_score")).get(5);
        final String rules = filter.requireChild("model").requireChild("rules").requireEntry("0").value();
        final String condition = rules.substring(0, rules.length() - " => TRUE".length());
        final Map<String, FlowVariable> vars = new TreeMap<>(Map.of(
            "cinn_rows_scored", new FlowVariable("cinn_rows_scored", 100),
            "cinn_mean_nll", new FlowVariable("cinn_mean_nll", TestWorkflows.MAX_MEAN_NLL - 0.5),
            "cinn_calibration_error", new FlowVariable("cinn_calibration_error", 0.01)));
        assertTrue(WorkflowRunner.matches(condition, 0, 1, vars), condition);
        assertFalse(WorkflowRunner.matches(condition, 1, 2, vars), "only the first row is kept");
        vars.put("cinn_mean_nll", new FlowVariable("cinn_mean_nll", TestWorkflows.MAX_MEAN_NLL + 0.5));
        assertFalse(WorkflowRunner.matches(condition, 0, 1, vars), "NLL too high must fail the check");
        vars.put("cinn_mean_nll", new FlowVariable("cinn_mean_nll", TestWorkflows.MAX_MEAN_NLL - 0.5));
        vars.put("cinn_calibration_error",
            new FlowVariable("cinn_calibration_error", TestWorkflows.MAX_CALIBRATION_ERROR + 0.01));
        assertFalse(WorkflowRunner.matches(condition, 0, 1, vars), "calibration error too high must fail the check");
    }

    static Map<Integer, KnimeConfig> settings(final Path workflow) throws IOException {
        final Map<Integer, KnimeConfig> settings = new TreeMap<>();
        for (final Map.Entry<Integer, String> f : WorkflowRunner
            .nodeFiles(KnimeConfig.read(workflow.resolve("workflow.knime"))).entrySet()) {
            final Path file = workflow.resolve(f.getValue());
            assertTrue(Files.isRegularFile(file), file + " named in workflow.knime is missing");
            settings.put(f.getKey(), KnimeConfig.read(file));
        }
        return settings;
    }

    /**
     * The node messages a workflow's Testflow Configuration requires ({@code kind}: requiredNodeErrors or
     * requiredNodeWarnings), node id to message; none without a Testflow Configuration.
     */
    static Map<Integer, String> expected(final Map<Integer, KnimeConfig> settings, final String kind) {
        final Map<Integer, String> expected = new TreeMap<>();
        for (final KnimeConfig c : testConfigs(settings)) {
            final KnimeConfig messages = c.requireChild("model").requireChild(kind);
            final int count = WorkflowRunner.intOf(messages, "count");
            for (int i = 0; i < count; i++) {
                expected.put(Integer.valueOf(messages.requireEntry("nodeID_" + i).value()),
                    messages.requireEntry("message_" + i).value());
            }
        }
        return expected;
    }

    /** The node ids a workflow's Testflow Configuration lists as failing. */
    static Set<String> failingNodes(final Map<Integer, KnimeConfig> settings) {
        final Set<String> ids = new TreeSet<>();
        for (final KnimeConfig c : testConfigs(settings)) {
            final KnimeConfig array = c.requireChild("model").requireChild("failingNodes");
            for (int i = 0; i < WorkflowRunner.intOf(array, "array-size"); i++) {
                ids.add(array.requireEntry(Integer.toString(i)).value());
            }
        }
        return ids;
    }

    private static List<KnimeConfig> testConfigs(final Map<Integer, KnimeConfig> settings) {
        return settings.values().stream()
            .filter(s -> WorkflowRunner.TEST_CONFIG.equals(s.requireEntry("factory").value())).toList();
    }
}
