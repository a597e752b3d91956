package org.cinn4knime.nodes.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.Precision;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortStreams;

/** The spec round trip (with and without training summary) and clear errors for damaged port content. */
class CinnPortObjectLoadTest {

    private static CinnPortObjectSpec spec(final CinnPortObjectSpec.TrainingSummary summary) {
        return new CinnPortObjectSpec(
            List.of(new DataColumnSpecCreator("a", DoubleCell.TYPE).createSpec(),
                new DataColumnSpecCreator("b", IntCell.TYPE).createSpec()),
            List.of(new DataColumnSpecCreator("t", LongCell.TYPE).createSpec()),
            CinnArchitecture.defaults().withBlocks(3).withPrecision(Precision.DOUBLE), summary);
    }

    @Test
    void specSurvivesSaveAndLoad() throws Exception {
        final CinnPortObjectSpec.TrainingSummary sum =
            new CinnPortObjectSpec.TrainingSummary(123, 7, 5, -1.25, 0.75, "completed");
        final CinnPortObjectSpec loaded = (CinnPortObjectSpec)NodeModelHarness.saveLoadSpec(spec(sum));
        assertEquals(List.of("a", "b"), loaded.getXNames());
        assertEquals(List.of(DoubleCell.TYPE, IntCell.TYPE), loaded.getXTypes());
        assertEquals(List.of(LongCell.TYPE), loaded.getYTypes());
        assertEquals(spec(sum).getArchitecture(), loaded.getArchitecture());
        assertEquals(sum, loaded.getTrainingSummary());
        assertEquals(spec(sum).describe(), loaded.describe());

        final CinnPortObjectSpec untrained = (CinnPortObjectSpec)NodeModelHarness.saveLoadSpec(spec(null));
        assertNull(untrained.getTrainingSummary());
        assertEquals(spec(null).describe(), untrained.describe());
    }

    @Test
    void summaryGivesTheValidationNllAndExplainsANegativeLossOnlyWhenThereIsOne() {
        final String negative =
            spec(new CinnPortObjectSpec.TrainingSummary(123, 7, 5, -1.25, 0.75, "completed")).describe();
        assertTrue(negative.contains("best epoch 5, best validation NLL 0.7500 nats per row"), negative);
        assertTrue(negative.endsWith(CinnPortObjectSpec.NEGATIVE_LOSS_NOTE), negative);
        final String positive =
            spec(new CinnPortObjectSpec.TrainingSummary(123, 7, 5, 1.25, 2.5, "completed")).describe();
        assertTrue(!positive.contains("negative"), positive);
        final String noValidation =
            spec(new CinnPortObjectSpec.TrainingSummary(123, 7, 7, -0.5, Double.NaN, "completed")).describe();
        assertTrue(!noValidation.contains("NLL") && noValidation.contains(CinnPortObjectSpec.NEGATIVE_LOSS_NOTE),
            noValidation);
    }

    @Test
    void aPreReleaseSpecWithTrainingSummaryIsRefusedClearly() {
        final org.knime.core.node.ModelContent content = new org.knime.core.node.ModelContent("spec");
        spec(new CinnPortObjectSpec.TrainingSummary(123, 7, 5, -1.25, 0.75, "completed")).save(content);
        content.addInt("spec_version", 1);
        final Exception e = assertThrows(org.knime.core.node.InvalidSettingsException.class,
            () -> new CinnPortObjectSpec().load(content));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("re-execute the cINN Learner"),
            e.getMessage());
    }

    private static PortObjectZipInputStream zipWith(final String entry, final byte[] content) throws IOException {
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (var out = PortStreams.objectOut(bos)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return PortStreams.objectIn(new ByteArrayInputStream(bos.toByteArray()));
    }

    @Test
    void foreignEntryIsNamedInTheError() throws Exception {
        try (PortObjectZipInputStream in = zipWith("something-else.bin", new byte[]{1, 2, 3})) {
            final IOException e = assertThrows(IOException.class,
                () -> new CinnPortObject().load(in, spec(null), new ExecutionMonitor()));
            assertTrue(e.getMessage().contains("'something-else.bin'") && e.getMessage().contains("cinn-model.zip"),
                e.getMessage());
        }
    }

    @Test
    void truncatedModelGivesAClearError() throws Exception {
        try (PortObjectZipInputStream in = zipWith(CinnPortObject.MODEL_ENTRY, new byte[]{'P', 'K', 3, 4, 0, 0})) {
            final IOException e = assertThrows(IOException.class,
                () -> new CinnPortObject().load(in, spec(null), new ExecutionMonitor()));
            assertTrue(e.getMessage().startsWith("Could not read the cINN model of this port"), e.getMessage());
        }
    }
}
