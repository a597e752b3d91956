package org.cinn4knime.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** The Learner's defaults and bounds are the engine's (and so the command line's, which reads the engine's). */
class LearnerDefaultsTest {

    @Test
    void defaultSettingsAreTheEngineDefaults() throws Exception {
        final CinnLearnerSettings s = new CinnLearnerSettings();
        assertEquals(CinnArchitecture.defaults(), s.architecture());
        assertEquals(TrainingSettings.defaults(), s.training(), "seed, epochs, batch, lr, decay, clip, ...");
        assertEquals(42, s.m_seed.getIntValue());
    }

    @Test
    void subnetLayersAndClampFollowTheEngineBounds() throws Exception {
        final CinnLearnerSettings s = new CinnLearnerSettings();
        final NodeSettings ns = new NodeSettings("test");
        s.save(ns);
        ns.addInt(ArchitectureDeclarations.SUBNET_LAYERS.key(), 8);
        ns.addDouble(ArchitectureDeclarations.CLAMP.key(), 20.0);
        CinnLearnerSettings.validate(ns); // the engine's largest values are accepted
        ns.addInt(ArchitectureDeclarations.SUBNET_LAYERS.key(), 9);
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> CinnLearnerSettings.validate(ns));
        assertTrue(e.getMessage().contains("9"), e.getMessage());
        // the engine refuses what the settings refuse
        assertThrows(IllegalArgumentException.class,
            () -> CinnArchitecture.defaults().withSubnetLayers(9).validate());
    }
}
