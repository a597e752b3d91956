package org.cinn4knime.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The declarations: bounds with open and infinite ends, messages naming the setting, engine checks use them. */
class SettingTest {

    private static List<Setting> all() {
        final List<Setting> all = new ArrayList<>(ArchitectureDeclarations.ALL);
        all.addAll(TrainingDeclarations.ALL);
        all.addAll(SamplingDeclarations.ALL);
        return all;
    }

    @Test
    void openAndClosedBounds() {
        final Setting lr = TrainingDeclarations.LEARNING_RATE;
        assertFalse(lr.allows(0));
        assertTrue(lr.allows(Double.MIN_VALUE));
        assertTrue(lr.allows(1));
        assertFalse(lr.allows(Math.nextUp(1.0)));
        assertFalse(lr.allows(Double.NaN));
        assertEquals("in (0, 1]", lr.range());
        assertEquals(Double.MIN_VALUE, lr.nodeMin());
        assertEquals(1.0, lr.nodeMax());

        final Setting beta = TrainingDeclarations.ADAM_BETA2;
        assertTrue(beta.allows(0));
        assertFalse(beta.allows(1));
        assertEquals(Math.nextDown(1.0), beta.nodeMax());

        final Setting clip = TrainingDeclarations.GRADIENT_CLIP;
        assertEquals("at least 0", clip.range());
        assertFalse(clip.allows(Double.POSITIVE_INFINITY), "doubles are finite");
        assertEquals(Double.MAX_VALUE, clip.nodeMax());

        assertEquals("between 1 and 64", ArchitectureDeclarations.BLOCKS.range());
        assertEquals("a finite number", TrainingDeclarations.INSTABILITY_THRESHOLD.range());
    }

    @Test
    void nodeUnitsScaleDefaultAndBounds() {
        final Setting v = TrainingDeclarations.VALIDATION_FRACTION;
        assertEquals(0.0, v.nodeMin());
        assertEquals(50.0, v.nodeMax());
        assertEquals(0.1, v.doubleDefault());
    }

    @Test
    void messagesNameTheSettingAndItsRange() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TrainingSettings.defaults().withLearningRate(2).validate());
        assertEquals("Learning rate must be in (0, 1], but is 2.0.", e.getMessage());
        final IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
            () -> ArchitectureDeclarations.COUPLING.checkChoice("MAGIC"));
        assertTrue(c.getMessage().contains("'MAGIC'") && c.getMessage().contains("coupling"), c.getMessage());
        assertEquals("GLOW", ArchitectureDeclarations.COUPLING.checkChoice("glow"));
    }

    @Test
    void theEngineDefaultsAreTheDeclaredDefaultsAndValid() {
        final TrainingSettings t = TrainingSettings.defaults();
        assertEquals(TrainingDeclarations.EPOCHS.intDefault(), t.epochs());
        assertEquals(TrainingDeclarations.ADAM_BETA2.doubleDefault(), t.beta2());
        assertEquals(TrainingDeclarations.SEED.intDefault(), t.seed());
        t.validate();
        final CinnArchitecture a = CinnArchitecture.defaults();
        assertEquals(ArchitectureDeclarations.SUBNET_WIDTH.intDefault(), a.subnetWidth());
        assertEquals(ArchitectureDeclarations.COUPLING.stringDefault(), a.coupling().name());
        a.validate();
    }

    @Test
    void theEngineRefusesWhatItsDeclarationsRefuse() {
        // each bound change reconciled in 0.2.0: the engine used to take these, the dialog did not
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.defaults().withWeightDecay(1.5).validate());
        assertThrows(IllegalArgumentException.class,
            () -> TrainingSettings.defaults().withGradientClipNorm(-1).validate());
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.defaults().withPatience(100_001).validate());
        assertThrows(IllegalArgumentException.class,
            () -> TrainingSettings.defaults().withSeed(1L + Integer.MAX_VALUE).validate());
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.defaults().withBeta1(1.0).validate());
        // and takes what the dialog used to refuse but the mathematics allows
        CinnArchitecture.defaults().withClamp(0.05).validate();
        TrainingSettings.defaults().withLearningRate(1e-9).withLrDecayFactor(1e-7).withGradientClipNorm(5e6)
            .withInstabilityThresholdPerDim(-2e6).validate();
    }

    @Test
    void keysAndFlagsAreUniqueAndEverySettingIsDocumented() {
        final Set<String> keys = new HashSet<>();
        final Set<String> flags = new HashSet<>();
        for (Setting s : all()) {
            assertTrue(keys.add(s.key()), "key declared twice: " + s.key());
            assertTrue(s.cliFlag() == null || flags.add(s.cliFlag()), "flag declared twice: " + s.cliFlag());
            assertTrue(s.key().matches("[a-z][a-z0-9_]*"), "key spelling: " + s.key());
            assertFalse(s.label().equals(s.key()), "no label: " + s.key());
            assertFalse(s.description().isEmpty(), "no description: " + s.key());
        }
    }
}
