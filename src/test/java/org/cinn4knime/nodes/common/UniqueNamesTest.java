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
    void missingValuePolicyStoresStableValuesAndNamesTheSettingOtherwise() throws Exception {
        assertEquals(List.of("SKIP", "FAIL"), List.of(MissingValuePolicy.settingValues()));
        assertEquals("SKIP", MissingValuePolicy.createModel().getStringValue());
        for (MissingValuePolicy p : MissingValuePolicy.values()) {
            assertEquals(p, MissingValuePolicy.fromSettingValue(p.name()));
        }
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> MissingValuePolicy.fromSettingValue("ignore"));
        assertTrue(e.getMessage().contains("'ignore'") && e.getMessage().contains(MissingValuePolicy.CFG_KEY)
            && e.getMessage().contains("SKIP, FAIL"), e.getMessage());
        // the one rule of EnumValues: any case; the dialog labels are refused with the value to use instead
        assertEquals(MissingValuePolicy.SKIP, MissingValuePolicy.fromSettingValue("skip"));
        final InvalidSettingsException label = assertThrows(InvalidSettingsException.class,
            () -> MissingValuePolicy.fromSettingValue(MissingValuePolicy.FAIL.label()));
        assertTrue(label.getMessage().contains("dialog label") && label.getMessage().contains("'FAIL'"),
            label.getMessage());
    }
}
