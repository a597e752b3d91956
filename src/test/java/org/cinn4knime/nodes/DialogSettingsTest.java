package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The dialogs (built headless, never shown) edit exactly the settings the node models save: a dialog loads the
 * model's non-default settings and saves them back unchanged, under the same keys.
 */
class DialogSettingsTest {

    static Stream<Arguments> nodes() throws Exception {
        final NodeModelHarness learner = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(learner, 3);
        final PortObjectSpec model = learner.configure(NodeTestData.ikSpec())[0];
        final NodeSettings learnerSettings = learner.saveSettings();
        learnerSettings.addString("activation", "ELU");
        learnerSettings.addString("precision", "DOUBLE");
        return Stream.of(
            Arguments.of(new CinnLearnerNodeFactory(), learnerSettings,
                new PortObjectSpec[]{NodeTestData.ikSpec()}),
            Arguments.of(new CinnSamplerNodeFactory(), changed(new CinnSamplerNodeFactory(), "samples_per_row", 17),
                new PortObjectSpec[]{model, NodeTestData.doubleSpec("y0", "y1")}),
            Arguments.of(new CinnScorerNodeFactory(), changed(new CinnScorerNodeFactory(), "threads", 3),
                new PortObjectSpec[]{model, NodeTestData.ikSpec()}));
    }

    private static NodeSettings changed(final NodeFactory<? extends NodeModel> f, final String key, final int value) {
        final NodeSettings s = new NodeModelHarness(f.createNodeModel()).saveSettings();
        s.addInt(key, value);
        return s;
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void dialogRoundTripsTheModelSettings(final NodeFactory<? extends NodeModel> f, final NodeSettings settings,
        final PortObjectSpec[] specs) throws Exception {
        final Method create = NodeFactory.class.getDeclaredMethod("createNodeDialogPane");
        create.setAccessible(true);
        final DefaultNodeSettingsPane dialog = (DefaultNodeSettingsPane)(NodeDialogPane)create.invoke(f);
        dialog.loadSettingsFrom(settings, specs);
        final NodeSettings fromDialog = new NodeSettings("model");
        dialog.saveSettingsTo(fromDialog);
        assertEquals(new TreeSet<>(settings.keySet()), new TreeSet<>(fromDialog.keySet()),
            "dialog of " + f.getClass().getSimpleName() + " saves other keys than its node model");
        final NodeModelHarness h = new NodeModelHarness(f.createNodeModel());
        h.loadSettings(fromDialog);
        final NodeSettings after = h.saveSettings();
        // a column filter dialog may rewrite how a selection is stored (enforce option, columns it does not list);
        // what counts is the selection itself
        for (String filter : new String[]{"x_columns", "y_columns"}) {
            if (settings.containsKey(filter)) {
                assertEquals(List.of(settings.getNodeSettings(filter).getStringArray("included_names")),
                    List.of(after.getNodeSettings(filter).getStringArray("included_names")), filter);
            }
        }
        assertEquals(withoutFilters(NodeModelHarness.toXml(settings)), withoutFilters(NodeModelHarness.toXml(after)),
            "settings changed on their way through the dialog of " + f.getClass().getSimpleName());
    }

    private static String withoutFilters(final String xml) {
        return xml.replaceAll("(?s)<config key=\"[xy]_columns\">.*?\n    </config>", "");
    }
}
