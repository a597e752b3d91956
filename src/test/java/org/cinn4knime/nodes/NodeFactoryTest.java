package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;

/** The factories' view handling: no node views, and asking for one names the node. */
class NodeFactoryTest {

    static Stream<Arguments> factories() {
        return Stream.of(Arguments.of("cINN Learner", new CinnLearnerNodeFactory()),
            Arguments.of("cINN Sampler", new CinnSamplerNodeFactory()),
            Arguments.of("cINN Scorer", new CinnScorerNodeFactory()));
    }

    @ParameterizedTest
    @MethodSource("factories")
    void askingForANodeViewNamesTheNode(final String name, final NodeFactory<? extends NodeModel> f) {
        final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
            () -> f.createNodeView(3, null));
        assertEquals("The " + name + " has no node views (index 3)", e.getMessage());
    }
}
