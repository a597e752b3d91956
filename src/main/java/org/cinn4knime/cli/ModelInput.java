package org.cinn4knime.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.ModelFormatException;
import org.cinn4knime.engine.Nd4jRuntime;

/** Loads a model file for {@code sample} and {@code score}, naming the file in every error. */
final class ModelInput {

    private ModelInput() {
    }

    static CinnModel load(final Path file) throws CliException, CinnException, IOException {
        CsvInput.requireFile(file, "--model");
        Nd4jRuntime.ensureInitialised();
        try {
            return ModelFile.load(file);
        } catch (ModelFormatException e) {
            // the engine's message says what is wrong; make sure it also names the file
            final String message = e.getMessage() == null ? "not a usable cINN model file" : e.getMessage();
            throw new CliException(message.contains(file.toString()) ? message : file + ": " + message, e);
        }
    }
}
