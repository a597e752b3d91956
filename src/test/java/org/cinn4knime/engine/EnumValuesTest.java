package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One rule for the names of enum constants in settings, options and model files. */
class EnumValuesTest {

    @Test
    void anyCaseAndSurroundingBlanksName() {
        assertEquals(CouplingType.GLOW, EnumValues.parse(CouplingType.class, "GLOW", "coupling"));
        assertEquals(CouplingType.GLOW, EnumValues.parse(CouplingType.class, "glow", "coupling"));
        assertEquals(Activation.LEAKY_RELU, EnumValues.parse(Activation.class, " Leaky_Relu ", "activation"));
        assertEquals(Precision.DOUBLE, EnumValues.parse(Precision.class, "double", "precision"));
    }

    @Test
    void unknownValueNamesTheSettingAndTheAllowedValues() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> EnumValues.parse(Activation.class, "relu6", "activation"));
        assertEquals("Unknown value 'relu6' of setting 'activation'; allowed (any case): RELU, LEAKY_RELU, TANH, ELU",
            e.getMessage());
        final IllegalArgumentException none =
            assertThrows(IllegalArgumentException.class, () -> EnumValues.parse(Precision.class, null, "precision"));
        assertEquals("No value of setting 'precision'; allowed (any case): FLOAT, DOUBLE", none.getMessage());
        // the settings declarations use the same rule and message, with the dialog label
        final IllegalArgumentException declared = assertThrows(IllegalArgumentException.class,
            () -> org.cinn4knime.engine.settings.ArchitectureDeclarations.PRECISION.parseChoice(Precision.class, "half"));
        assertEquals("Unknown value 'half' of setting 'precision' (Precision); allowed (any case): FLOAT, DOUBLE",
            declared.getMessage());
        assertEquals(Precision.DOUBLE,
            org.cinn4knime.engine.settings.ArchitectureDeclarations.PRECISION.parseChoice(Precision.class, " Double"));
        // no prefix matching or fuzzy guesses
        assertThrows(IllegalArgumentException.class, () -> EnumValues.parse(CouplingType.class, "GLO", "coupling"));
        assertThrows(IllegalArgumentException.class, () -> EnumValues.parse(CouplingType.class, "", "coupling"));
    }
}
