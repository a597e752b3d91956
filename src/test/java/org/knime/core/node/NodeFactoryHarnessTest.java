package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NodeFactoryHarnessTest {

    @Test
    void factoryReadsItsDescriptionLikeKnime() {
        final ToyNodeFactory f = new ToyNodeFactory();
        assertEquals("Toy Multiplier", f.getNodeName());
        assertEquals("Numbers", f.getInportName(0));
        assertEquals("Products", f.getOutportName(0));
        assertEquals(NodeFactory.NodeType.Manipulator, f.getType());
        assertNotNull(f.getIcon());
        assertEquals(List.of(), NodeModelHarness.checkFactory(f));
    }

    @Test
    void inconsistentFactoryIsReported() {
        ToyNodeFactory.s_wrongViewCount = true;
        try {
            final List<String> problems = NodeModelHarness.checkFactory(new ToyNodeFactory());
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("0 <view> elements, getNrNodeViews() returns 1"), problems.get(0));
        } finally {
            ToyNodeFactory.s_wrongViewCount = false;
        }
    }
}
