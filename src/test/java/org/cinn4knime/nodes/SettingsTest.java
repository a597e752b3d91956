package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;

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
