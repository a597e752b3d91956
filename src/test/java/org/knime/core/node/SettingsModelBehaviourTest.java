package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Load/validate behaviour of the settings models, as KNIME's. */
class SettingsModelBehaviourTest {

    @Test
    void internalsAreOptionalButCompleteWhenPresent() throws Exception {
        final NodeSettings plain = new NodeSettings("model");
        plain.addInt("n", 5); // e.g. hand-written settings without n_Internals
        final SettingsModelInteger n = new SettingsModelInteger("n", 1);
        n.loadSettingsFrom(plain);
        assertEquals(5, n.getIntValue());

        final NodeSettings saved = new NodeSettings("model");
        n.setEnabled(false);
        n.saveSettingsTo(saved);
        final SettingsModelInteger copy = new SettingsModelInteger("n", 1);
        copy.loadSettingsFrom(saved);
        assertFalse(copy.isEnabled(), "EnabledStatus is restored");

        final NodeSettings broken = new NodeSettings("model");
        broken.addNodeSettings("n_Internals").addString("SettingsModelID", "SMID_integer");
        broken.addInt("n", 3);
        assertThrows(InvalidSettingsException.class, () -> copy.loadSettingsFrom(broken),
            "internals without EnabledStatus are invalid");
    }

    @Test
    void readingWithAnotherModelTypeIsACodingError() {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("k", "v").saveSettingsTo(s);
        final SettingsModelBoolean wrong = new SettingsModelBoolean("k", false);
        // surefire runs with assertions enabled, like KNIME in development
        assertThrows(AssertionError.class, () -> wrong.loadSettingsFrom(s));
    }

    @Test
    void boundsAreEnforcedOnLoadValidateAndSet() throws Exception {
        final SettingsModelDoubleBounded d = new SettingsModelDoubleBounded("rate", 0.1, 0.0, 1.0);
        final NodeSettings s = new NodeSettings("model");
        s.addDouble("rate", 1.5);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> d.validateSettings(s));
        assertEquals("The value 1.5 of setting \"rate\" is not within the range [0.0, 1.0]", e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> d.loadSettingsFrom(s));
        assertEquals(0.1, d.getDoubleValue(), "a rejected value must not be applied");
        s.addDouble("rate", Double.NaN);
        assertThrows(InvalidSettingsException.class, () -> d.validateSettings(s), "NaN is outside every range");
        assertThrows(IllegalArgumentException.class, () -> d.setDoubleValue(-0.5));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelLongBounded("seed", 5, 10, 20));

        final SettingsModelDoubleBounded clone = d.createCloneWithValidatedValue(withRate(0.25));
        assertEquals(0.25, clone.getDoubleValue());
        assertEquals(0.1, d.getDoubleValue(), "the original is untouched");
        assertTrue(clone.getUpperBound() == 1.0);
    }

    private static NodeSettings withRate(final double v) {
        final NodeSettings s = new NodeSettings("model");
        s.addDouble("rate", v);
        return s;
    }
}
