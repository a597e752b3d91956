package org.cinn4knime.cli;

import static org.cinn4knime.cli.CliRun.ikCsv;
import static org.cinn4knime.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.ModelSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code info} on a freshly trained model (format 2) and on the format-1 golden file; the help texts' wording. */
class InfoCommandTest {

    @TempDir
    static Path s_shared;

    static Path s_model;

    static Path s_golden;

    @TempDir
    Path m_dir;

    @BeforeAll
    static void models() throws IOException {
        final Path data = ikCsv(s_shared.resolve("train.csv"), 300, 5, false);
        s_model = s_shared.resolve("model.cinn");
        final CliRun.Result r = run(TrainCommandTest.trainArgs(data, s_model));
        assertEquals(0, r.code(), r::toString);
        s_golden = s_shared.resolve("golden.cinn");
        try (InputStream in = InfoCommandTest.class.getResourceAsStream("/golden/ik-format-v1.cinn")) {
            Files.copy(in, s_golden);
        }
    }

    @Test
    void textNamesColumnsArchitectureTrainingAndProvenance() throws Exception {
        final CinnModel model = ModelFile.load(s_model);
        final CliRun.Result r = run("info", "--model", s_model.toString());
        assertEquals(0, r.code(), r::toString);
        final List<String> out = r.out().lines().toList();
        assertTrue(out.contains("model file format: " + ModelFile.FORMAT_VERSION), r::toString);
        assertTrue(out.contains("x (design) columns: x0, x1, x2, x3"), r::toString);
        assertTrue(out.contains("y (target) columns: y0, y1"), r::toString);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("architecture: " + model.architecture().blocks() + " "
            + model.architecture().coupling() + " blocks")), r::toString);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("network dimensions: " + model.netDim() + " ")),
            r::toString);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("training-target range: y0 ")), r::toString);
        assertTrue(out.stream().anyMatch(l -> l.contains("best epoch " + model.info().bestEpoch() + ",")),
            r::toString);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("trained: ") && l.contains("java "
            + System.getProperty("java.version"))), r::toString);
        // the paragraph is the one the KNIME model port shows
        assertTrue(out.contains("summary: " + ModelSummary.describe(model)), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        final CinnModel model = ModelFile.load(s_model);
        final CliRun.Result r = run("info", "--model", s_model.toString(), "--json");
        assertEquals(0, r.code(), r::toString);
        final JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(ModelFile.FORMAT_VERSION, j.get("formatVersion").getAsInt());
        assertEquals("x3", j.getAsJsonArray("xNames").get(3).getAsString());
        assertEquals(model.architecture().coupling().name(),
            j.getAsJsonObject("architecture").get("coupling").getAsString());
        assertEquals(model.netDim(), j.get("networkDimensions").getAsInt());
        final JsonObject training = j.getAsJsonObject("training");
        assertEquals(model.info().bestEpoch(), training.get("bestEpoch").getAsInt());
        assertEquals(model.info().history().size(), training.get("epochs").getAsInt());
        assertEquals(ModelSummary.Training.of(model).bestValidationNll(),
            training.get("bestValidationNll").getAsDouble(), 1e-12);
        assertFalse(j.getAsJsonObject("targets").get("derived").getAsBoolean());
        assertEquals(model.targetRange().max()[1], j.getAsJsonObject("targets").getAsJsonArray("max").get(1)
            .getAsDouble(), 0);
        assertEquals(model.info().dataFingerprint(),
            j.getAsJsonObject("provenance").get("dataFingerprint").getAsString());
    }

    @Test
    void formatOneModelSaysItsRangeIsDerived() throws Exception {
        final CliRun.Result r = run("info", "--model", s_golden.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("model file format: 1\n"), r::toString);
        assertTrue(r.out().contains("training-target range (derived: mean ± 4 sd, format 1 stored none): y0 "),
            r::toString);
        final JsonObject j = JsonParser.parseString(run("info", "--model", s_golden.toString(), "--json").out())
            .getAsJsonObject();
        assertEquals(1, j.get("formatVersion").getAsInt());
        assertTrue(j.getAsJsonObject("targets").get("derived").getAsBoolean());
    }

    @Test
    void missingFileAndMissingOption() throws Exception {
        final Path missing = m_dir.resolve("none.cinn");
        assertTrue(CliRun.failsCleanly(m_dir, "info", "--model", missing.toString()).err()
            .contains("file not found: " + missing), missing::toString);
        CliRun.failsAsUsage(m_dir, "info");
    }

    @Test
    void helpTextsExplainLogPDemoDataAndInfo() {
        final CliRun.Result top = run("--help");
        assertTrue(top.out().contains("info") && top.out().contains("--data biomass"), top::toString);
        for (final String command : List.of("sample", "score")) {
            final String help = run(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("point mass") && help.contains("whole-number column"), help);
        }
        final String score = run("score", "--help").out().replaceAll("\\s+", " ");
        assertTrue(score.contains("about the number of network dimensions") && !score.contains("number of x columns"),
            score);
    }
}
