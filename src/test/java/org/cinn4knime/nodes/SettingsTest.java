package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.nodes.common.CinnNodeModel;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Settings keys are frozen (saved workflows must keep loading) and settings survive save/load as settings.xml. */
class SettingsTest {

    static Stream<Arguments> nodes() {
        return Stream.of(Arguments.of("learner", new CinnLearnerNodeFactory()),
            Arguments.of("sampler", new CinnSamplerNodeFactory()), Arguments.of("scorer", new CinnScorerNodeFactory()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void settingsKeysMatchTheCommittedSnapshot(final String node, final NodeFactory<? extends NodeModel> f)
        throws Exception {
        final List<String> expected = snapshot(node);
        // KNIME itself adds "<key>_Internals" (enabled state) next to every settings model; those follow our keys
        final List<String> actual = new ArrayList<>(new TreeSet<>(new NodeModelHarness(f.createNodeModel())
            .saveSettings().keySet().stream().filter(k -> !k.endsWith(SettingsModel.CFGKEY_INTERNAL)).toList()));
        assertEquals(expected, actual, "The settings keys of the " + node + " changed. Saved workflows would no "
            + "longer load. Keep the old keys (add new ones with defaults when loading) and only then update "
            + "src/test/resources/org/cinn4knime/nodes/settings-keys-" + node + ".txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void defaultSettingsSurviveASettingsXmlRoundTrip(final String node, final NodeFactory<? extends NodeModel> f)
        throws Exception {
        final NodeModelHarness a = new NodeModelHarness(f.createNodeModel());
        final String xml = a.saveSettingsXml();
        final NodeModelHarness b = new NodeModelHarness(f.createNodeModel());
        b.loadSettingsXml(xml);
        assertEquals(xml, b.saveSettingsXml());
    }

    @Test
    void changedLearnerSettingsSurviveASettingsXmlRoundTrip() throws Exception {
        final NodeModelHarness a = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(a, 7);
        final NodeSettings s = a.saveSettings();
        s.addString("activation", "TANH");
        s.addBoolean("act_norm", true);
        s.addDouble("validation_percent", 25);
        s.addInt("seed", -5);
        a.loadSettings(s);
        final String xml = a.saveSettingsXml();
        final NodeModelHarness b = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        b.loadSettingsXml(xml);
        final NodeSettings loaded = b.saveSettings();
        assertEquals(7, loaded.getInt("epochs"));
        assertEquals(4, loaded.getInt("blocks"));
        assertEquals("TANH", loaded.getString("activation"));
        assertTrue(loaded.getBoolean("act_norm"));
        assertEquals(25.0, loaded.getDouble("validation_percent"));
        assertEquals(-5, loaded.getInt("seed"));
        assertEquals(NodeTestData.X, List.of(loaded.getNodeSettings("x_columns").getStringArray("included_names")));
        assertNotEquals(new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel()).saveSettingsXml(), xml);
    }

    @Test
    void invalidValuesAreRejectedWithTheSettingNamed() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addString("activation", "SIGMOID");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s));
        assertTrue(e.getMessage().contains("'SIGMOID'") && e.getMessage().contains("activation"), e.getMessage());

        final NodeSettings s2 = h.saveSettings();
        s2.addInt("blocks", 0);
        e = assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s2));
        assertNotNull(e.getMessage());

        final NodeSettings s3 = h.saveSettings();
        s3.addString("missing_values", "ignore");
        e = assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s3));
        assertTrue(e.getMessage().contains("'ignore'") && e.getMessage().contains("missing_values"), e.getMessage());

        final NodeModelHarness sampler = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s4 = sampler.saveSettings();
        s4.addDouble("temperature", 0.0);
        assertThrows(InvalidSettingsException.class, () -> sampler.loadSettings(s4));

        // a rejected load leaves the previous settings in place
        assertEquals(6, h.saveSettings().getInt("blocks"));
    }

    // ---- loading work saved by 0.1.0 (frozen settings.xml files, never regenerated) ----

    static Stream<Arguments> frozen() {
        return nodes();
    }

    /** The model settings of a node's settings.xml as saved by 0.1.0 (copied from the test-workflows of 0.1.0). */
    private static NodeSettingsRO frozenSettings(final String node) throws Exception {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(frozenXml(node).getBytes(StandardCharsets.UTF_8)))
            .getNodeSettings("model");
    }

    private static String frozenXml(final String node) throws Exception {
        final String res = "settings-0.1.0/" + node + ".xml";
        try (InputStream in = SettingsTest.class.getResourceAsStream(res)) {
            assertNotNull(in, "missing frozen settings " + res);
            final String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<entry key=\"node-bundle-version\" type=\"xstring\" value=\"0.1.0\"/>"), res);
            return xml;
        }
    }

    private static List<Setting> laterSettings(final NodeFactory<? extends NodeModel> f) {
        return ((CinnNodeModel<?>)f.createNodeModel()).settingDeclarations().stream()
            .filter(d -> !d.requiredOnLoad()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozen")
    void settingsSavedBy010LoadWithTheDefaultOfEverySettingAddedLater(final String node,
        final NodeFactory<? extends NodeModel> f) throws Exception {
        final NodeSettingsRO old = frozenSettings(node);
        final List<Setting> later = laterSettings(f);
        for (Setting d : later) {
            assertFalse(old.containsKey(d.key()), d.key() + " is in the file saved by 0.1.0");
        }
        final NodeModelHarness h = new NodeModelHarness(f.createNodeModel());
        // a node whose later settings are not at their defaults: loading the old file sets them back to the default
        final NodeSettings changed = h.saveSettings();
        for (Setting d : later) {
            putNonDefault(changed, d);
        }
        h.loadSettings(changed);
        h.loadSettings(old); // validateSettings, then loadValidatedSettingsFrom
        final NodeSettings loaded = h.saveSettings();
        final NodeSettings fresh = new NodeModelHarness(f.createNodeModel()).saveSettings();
        for (Setting d : later) {
            assertEquals(valueText(fresh, d), valueText(loaded, d), d.key() + " did not load its default");
        }
        assertTrue(loaded.keySet().containsAll(old.keySet()), "every setting of 0.1.0 is still saved");
    }

    @Test
    void theLearnerAddsSettingsAfter010AndTheyLoadTheirDefault() throws Exception {
        // proves the mechanism on real settings: the spline settings, Adam's betas and the column domains were added
        // after 0.1.0
        assertEquals(List.of("spline_bins", "spline_tail_bound", "adam_beta1", "adam_beta2", "column_domains"),
            laterSettings(new CinnLearnerNodeFactory()).stream().map(Setting::key).toList());
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        h.loadSettings(frozenSettings("learner"));
        assertEquals(0.9, h.saveSettings().getDouble("adam_beta1"));
        assertEquals(0.999, h.saveSettings().getDouble("adam_beta2"));
        assertEquals(org.cinn4knime.engine.settings.ArchitectureDeclarations.SPLINE_BINS.intDefault(),
            h.saveSettings().getInt("spline_bins"));
        assertEquals(org.cinn4knime.engine.settings.ArchitectureDeclarations.SPLINE_TAIL_BOUND.doubleDefault(),
            h.saveSettings().getDouble("spline_tail_bound"));
        // the 0.1.0 workflow names GLOW and keeps it, although new nodes default to AUTO
        assertEquals("GLOW", h.saveSettings().getString("coupling"));
        assertEquals("AUTO", new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel()).saveSettings()
            .getString("coupling"));
        assertEquals("", h.saveSettings().getString("column_domains"), "0.1.0 workflows infer every domain");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozen")
    void settingsOf010RemainRequired(final String node, final NodeFactory<? extends NodeModel> f) throws Exception {
        final NodeModelHarness h = new NodeModelHarness(f.createNodeModel());
        final String xml = frozenXml(node);
        // drop the threads setting (in 0.1.0 in every node) with its internals
        final String without = xml.replaceAll("(?s)\\s*<config key=\"threads_Internals\">.*?</config>", "")
            .replaceAll("\\s*<entry key=\"threads\" type=\"xint\" value=\"\\d+\"/>", "");
        assertNotEquals(xml, without);
        final NodeSettingsRO s = NodeSettings.loadFromXML(
            new ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8))).getNodeSettings("model");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void workflowsSavedBy010ConfigureAndExecute() throws Exception {
        final NodeModelHarness learner = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        learner.loadSettings(frozenSettings("learner"));
        final BufferedDataTable data = NodeTestData.ikTable(400, 3);
        final PortObjectSpec[] learnerSpecs = learner.configure(data.getDataTableSpec());
        final PortObject[] learned = learner.execute(data);
        assertNotNull(learnerSpecs[0], "configure gives the model spec");
        final CinnModel model = ((CinnPortObject)learned[0]).getModel();
        assertEquals(0.9, model.trainingSettings().beta1(), "the default of a setting added later is used");
        assertEquals(10, model.trainingSettings().epochs(), "the saved value is used");

        final NodeModelHarness sampler = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        sampler.loadSettings(frozenSettings("sampler"));
        final BufferedDataTable targets = NodeTestData.targets(new double[][]{{1.0, 0.5}, {0.3, -0.2}});
        sampler.configure(learned[0].getSpec(), targets.getDataTableSpec());
        final BufferedDataTable designs = (BufferedDataTable)sampler.execute(learned[0], targets)[0];
        assertEquals(2 * 50, designs.size(), "50 designs per row, as saved");

        final NodeModelHarness scorer = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        scorer.loadSettings(frozenSettings("scorer"));
        scorer.configure(learned[0].getSpec(), data.getDataTableSpec());
        scorer.execute(learned[0], data);
        assertTrue(scorer.flowVariables().containsKey("cinn_mean_nll"), scorer.flowVariables().keySet().toString());
    }

    @Test
    void aScorerPrefixReservedByKnimeIsRefusedByTheSettingsCheck() throws Exception {
        // knime-core FlowVariable.Scope.Flow.verifyName: a flow variable name must not start with "knime"
        // (case-sensitive), or the node fails at configure; our settings check refuses it first, naming the setting
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        for (String prefix : List.of("knime_", "knime", "kni")) { // "kni" + "mean_nll" starts with "knime" too
            final NodeSettings s = h.saveSettings();
            s.addString("flow_variable_prefix", prefix);
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s));
            assertTrue(e.getMessage().contains("'flow_variable_prefix'") && e.getMessage().contains("'knime'"),
                e.getMessage());
        }
        for (String prefix : List.of("", "KNIME_", "my_knime_", "cinn_")) {
            final NodeSettings s = h.saveSettings();
            s.addString("flow_variable_prefix", prefix);
            h.loadSettings(s);
            assertEquals(prefix, h.saveSettings().getString("flow_variable_prefix"));
        }
    }

    @Test
    void aNewNumericColumnUpstreamDoesNotBreakAConfiguredLearner() throws Exception {
        // the default the description recommends: both column filters "enforce inclusion"; the user only includes
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        for (String key : List.of("x_columns", "y_columns")) {
            assertEquals("EnforceInclusion", s.getNodeSettings(key).getString("enforce_option"), key);
        }
        s.getNodeSettings("x_columns").addStringArray("included_names", NodeTestData.X.toArray(String[]::new));
        s.getNodeSettings("y_columns").addStringArray("included_names", NodeTestData.Y.toArray(String[]::new));
        h.loadSettings(s);
        final List<String> columns = new ArrayList<>(NodeTestData.X);
        columns.addAll(NodeTestData.Y);
        final CinnPortObjectSpec before =
            (CinnPortObjectSpec)h.configure(NodeTestData.doubleSpec(columns.toArray(String[]::new)))[0];
        columns.add(2, "new_numeric_column");
        final CinnPortObjectSpec after =
            (CinnPortObjectSpec)h.configure(NodeTestData.doubleSpec(columns.toArray(String[]::new)))[0];
        assertEquals(NodeTestData.X, after.getXNames());
        assertEquals(NodeTestData.Y, after.getYNames());
        assertEquals(before.getXNames(), after.getXNames());
    }

    @Test
    void everyNumericLearnerSettingTakesExactlyTheEngineRange() throws Exception {
        // the dialog's bounded models come from the declarations: the engine's extreme values load, one step beyond
        // is refused, so whatever the command line trains with, the dialog accepts
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(h, 2);
        for (Setting d : ((CinnNodeModel<?>)h.model()).settingDeclarations()) {
            if (d.type() == Setting.Type.INTEGER) {
                for (long v : new long[]{(long)d.nodeMin(), (long)d.nodeMax()}) {
                    final NodeSettings s = h.saveSettings();
                    s.addInt(d.key(), (int)v);
                    h.loadSettings(s);
                }
                if (d.nodeMax() < Integer.MAX_VALUE) {
                    final NodeSettings s = h.saveSettings();
                    s.addInt(d.key(), (int)d.nodeMax() + 1);
                    assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s), d.key());
                }
            } else if (d.type() == Setting.Type.DOUBLE) {
                for (double v : new double[]{d.nodeMin(), d.nodeMax()}) {
                    final NodeSettings s = h.saveSettings();
                    s.addDouble(d.key(), v);
                    h.loadSettings(s);
                }
                for (double v : new double[]{Math.nextDown(d.nodeMin()), Math.nextUp(d.nodeMax())}) {
                    if (Double.isFinite(v)) {
                        final NodeSettings s = h.saveSettings();
                        s.addDouble(d.key(), v);
                        assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s), d.key() + " " + v);
                    }
                }
            }
        }
    }

    private static void putNonDefault(final NodeSettings s, final Setting d) {
        switch (d.type()) {
            case INTEGER -> s.addInt(d.key(), d.intDefault() == (int)d.nodeMin() ? d.intDefault() + 1
                : (int)d.nodeMin());
            case DOUBLE -> s.addDouble(d.key(), (d.nodeMin() + d.doubleDefault() * d.nodeScale()) / 2);
            case BOOLEAN -> s.addBoolean(d.key(), !d.booleanDefault());
            case CHOICE -> s.addString(d.key(), d.choices().stream().filter(c -> !c.equals(d.stringDefault()))
                .findFirst().orElseThrow());
            case TEXT -> s.addString(d.key(), d.stringDefault().isEmpty() ? "none" : "");
            default -> throw new IllegalStateException("no non-default value for " + d);
        }
    }

    private static String valueText(final NodeSettingsRO s, final Setting d) throws InvalidSettingsException {
        return switch (d.type()) {
            case INTEGER -> Integer.toString(s.getInt(d.key()));
            case DOUBLE -> Double.toString(s.getDouble(d.key()));
            case BOOLEAN -> Boolean.toString(s.getBoolean(d.key()));
            case CHOICE, TEXT -> s.getString(d.key());
            default -> throw new IllegalStateException("cannot compare " + d);
        };
    }

    private static List<String> snapshot(final String node) throws Exception {
        final String res = "settings-keys-" + node + ".txt";
        try (InputStream in = SettingsTest.class.getResourceAsStream(res)) {
            assertNotNull(in, "missing snapshot " + res);
            final List<String> keys = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).forEach(keys::add);
            return keys;
        }
    }
}
