package org.cinn4knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;

class UniqueNamesTest {

    @Test
    void freeNamesStayAndTakenNamesGetANumber() {
        final UniqueNames n = new UniqueNames(List.of("x0", "x1", "x1 (#1)"));
        assertEquals("x2", n.make("x2"));
        assertEquals("x0 (#1)", n.make("x0"));
        assertEquals("x1 (#2)", n.make("x1"));
        assertEquals("x2 (#1)", n.make("x2"), "a name handed out is taken from then on");
    }

    @Test
    void missingValuePolicyParsesItsLabelsAndNamesTheSettingOtherwise() throws Exception {
        for (MissingValuePolicy p : MissingValuePolicy.values()) {
            assertEquals(p, MissingValuePolicy.fromLabel(p.label()));
        }
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> MissingValuePolicy.fromLabel("ignore"));
        assertTrue(e.getMessage().contains("'ignore'") && e.getMessage().contains(MissingValuePolicy.CFG_KEY)
            && e.getMessage().contains(MissingValuePolicy.FAIL.label()), e.getMessage());
    }
}
