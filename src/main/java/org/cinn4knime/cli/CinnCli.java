package org.cinn4knime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.EnumValues;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.cinn4knime.engine.settings.Setting;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The cinn4knime command line: {@code java -jar cinn4knime-cli.jar <command>} with the commands train, sample,
 * score, info and demo. Exit codes: 0 success, 1 bad input or failed run (one line "error: ..." on stderr), 2 bad command line
 * (one line and a pointer to --help): an unknown or missing option, an unparsable option value (picocli's
 * ParameterException, an empty column name, or column-domain declarations that do not parse, contradict each other or
 * name a column that is not in --x), or a value outside the setting's declared range (naming the option and the
 * range).
 */
@Command(name = "cinn4knime", mixinStandardHelpOptions = true, versionProvider = CinnCli.Version.class,
    description = "Inverse design with conditional invertible neural networks (cINNs): train a model of design "
        + "parameters x given targets y, sample designs for wanted targets, score held-out data.",
    subcommands = {TrainCommand.class, SampleCommand.class, ScoreCommand.class, InfoCommand.class, DemoCommand.class},
    footer = {"", "Exit codes: 0 success, 1 bad input or failed run, 2 bad command line (unknown or missing option, "
            + "unparsable value, value outside the allowed range).",
        "Run 'cinn4knime demo' for a one-minute example on generated inverse-kinematics data."})
public final class CinnCli implements Callable<Integer> {

    /** Exit code for bad input data, files or settings, and failed runs. */
    public static final int EXIT_FAILURE = 1;
    /**
     * Exit code for a bad command line: unknown or missing options, unparsable option values, values outside a
     * setting's declared range.
     */
    public static final int EXIT_USAGE = 2;
    @Spec
    private CommandSpec m_spec;

    @Override
    public Integer call() {
        // no command given: show what there is
        m_spec.commandLine().usage(m_spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    public static void main(final String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JavaCPP (ND4J's native loader) writes notices such as "Version of org.bytedeco:openblas could not be found"
        // (the fat jar merges the libraries' Maven metadata) straight to stderr; route them to SLF4J, which the CLI
        // silences, so stderr carries only the CLI's own lines
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given console streams and returns the exit code (for tests and embedding). */
    public static int run(final PrintWriter out, final PrintWriter err, final String... args) {
        final CommandLine cli = new CommandLine(new CinnCli());
        anyCase(cli, CouplingType.class, ArchitectureDeclarations.COUPLING);
        anyCase(cli, Activation.class, ArchitectureDeclarations.ACTIVATION);
        anyCase(cli, Precision.class, ArchitectureDeclarations.PRECISION);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see '" + qualifiedName(ex.getCommandLine())
                + " --help')");
            err.flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                // a value outside its declared range or an unparsable option value: bad command line, as picocli's
                err.println("error: " + oneLine(ex.getMessage()) + " (see '" + qualifiedName(commandLine)
                    + " --help')");
                err.flush();
                return EXIT_USAGE;
            }
            err.println("error: " + oneLine(message(ex)));
            err.flush();
            return EXIT_FAILURE;
        });
        final int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Options of an enum type follow the one rule of {@link EnumValues} (any case) through their declaration, as the
     * nodes do, not picocli's own case-sensitive one.
     */
    private static <E extends Enum<E>> void anyCase(final CommandLine cli, final Class<E> type,
        final Setting declaration) {
        cli.registerConverter(type, value -> {
            try {
                return declaration.parseChoice(type, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
    }

    private static String qualifiedName(final CommandLine commandLine) {
        final CommandLine parent = commandLine.getParent();
        return parent == null ? commandLine.getCommandName()
            : qualifiedName(parent) + " " + commandLine.getCommandName();
    }

    /**
     * A count with its noun in the right number: {@code count(1, "target")} is "1 target", {@code count(4, "target")}
     * "4 targets" (the nouns of the command line's messages take a plain -s).
     */
    static String count(final long n, final String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** Joins the lines of a (possibly multi-line) message, so that every error is one line on stderr. */
    static String oneLine(final String message) {
        return message == null ? "" : String.join("; ", message.strip().split("\\s*\\R\\s*"));
    }

    /** The user-facing text of a failure. */
    static String message(final Throwable ex) {
        if (ex instanceof CliException || ex instanceof CinnException) {
            return ex.getMessage();
        }
        if (ex instanceof IllegalArgumentException) {
            // the engine's settings validation: names the setting at fault
            return "invalid setting: " + ex.getMessage();
        }
        if (ex instanceof NoSuchFileException e) {
            return "file not found: " + e.getFile();
        }
        if (ex instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (ex instanceof FileSystemException e) {
            return "cannot access " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
        }
        if (ex instanceof IOException) {
            return "input/output error: " + ex.getMessage();
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: use less data or a smaller model, or give Java more memory (java -Xmx8g -jar ...)";
        }
        return "unexpected " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
            + " (please report this as a bug)";
    }

    /** Version text: the bundle version (from the jar) and the model file format version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"cinn4knime " + projectVersion(),
                "model file format " + ModelFile.FORMAT_VERSION + ", Java " + System.getProperty("java.version")};
        }
    }

    static String projectVersion() {
        final String manifest = CinnCli.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        try (InputStream in = CinnCli.class
            .getResourceAsStream("/META-INF/maven/org.cinn4knime/org.cinn4knime/pom.properties")) {
            if (in != null) {
                final Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) { // NOSONAR fall through to "development build"
        }
        return "(development build)";
    }
}
