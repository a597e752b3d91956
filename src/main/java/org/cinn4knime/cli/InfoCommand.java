package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code info}: what a saved model is (the summary of {@link ModelSummary}, shared with the KNIME model port). */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Prints what a saved model is: its x and y columns, architecture (coupling kind, blocks, subnets), "
        + "network dimensions (the expected |z|² that score reports), column domains, training-target range, "
        + "training history summary (best epoch, validation NLL), provenance (library versions, OS, time, data "
        + "fingerprint) and model file format version, then the one-paragraph summary the KNIME model port shows."})
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec m_spec;

    @Option(names = "--model", required = true, paramLabel = "<model.cinn>", description = "trained model file")
    private Path m_model;

    @Option(names = "--json", description = "print the same facts as one JSON object")
    private boolean m_json;

    @Override
    public Integer call() throws CliException, CinnException, IOException {
        final CinnModel model = ModelInput.load(m_model);
        final PrintWriter out = m_spec.commandLine().getOut();
        if (m_json) {
            out.println(ModelSummary.toText(ModelSummary.toJson(model)));
        } else {
            out.println("model: " + m_model);
            ModelSummary.lines(model).forEach(out::println);
            out.println("summary: " + ModelSummary.describe(model));
        }
        out.flush();
        return 0;
    }
}
