package org.cinn4knime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Optional;

import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.cinn4knime.engine.settings.DomainDeclarations;
import org.cinn4knime.engine.settings.SamplingDeclarations;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's view of the engine's setting declarations: an option whose {@code descriptionKey} is a
 * setting's key takes its help text (description, allowed range, default) and its default value from the
 * declaration, so the commands cannot drift from the nodes or the engine. Options are declared with
 * {@code @Option(names = "--flag", descriptionKey = "key")}; a test checks that the flag is the declaration's.
 */
public final class DeclaredSettings extends ListResourceBundle {

    /** The resource bundle name for {@code @Command(resourceBundle = ...)}. */
    static final String BUNDLE = "org.cinn4knime.cli.DeclaredSettings";

    /** @return every declaration that the command line offers */
    static List<Setting> all() {
        final List<Setting> all = new ArrayList<>(ArchitectureDeclarations.ALL);
        all.addAll(TrainingDeclarations.ALL);
        all.addAll(SamplingDeclarations.ALL);
        all.add(DomainDeclarations.COLUMN_DOMAINS);
        return all.stream().filter(s -> s.cliFlag() != null).toList();
    }

    /**
     * @param key a setting key
     * @return its declaration, if the command line offers it
     */
    static Optional<Setting> byKey(final String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    protected Object[][] getContents() {
        return all().stream().map(s -> new Object[]{s.key(), s.cliHelp()}).toArray(Object[][]::new);
    }

    /**
     * @param s a setting
     * @return its default as the command line parses it (lists without blanks)
     */
    static String cliDefault(final Setting s) {
        return s.type() == Setting.Type.TEXT ? s.defaultText().replace(" ", "") : s.defaultText();
    }

    /**
     * @param s a numeric declaration with a command-line flag
     * @param value the value given on the command line
     * @throws UsageException naming the option and its allowed range if the value is outside
     */
    static void check(final Setting s, final double value) throws CliException {
        if (!s.allows(value)) {
            throw new UsageException(s.cliFlag() + " must be " + s.range() + ", got " + value);
        }
    }

    /**
     * @param s an integer declaration with a command-line flag
     * @param value the value given on the command line
     * @throws UsageException naming the option and its allowed range if the value is outside
     */
    static void check(final Setting s, final long value) throws CliException {
        if (!s.allows(value)) {
            throw new UsageException(s.cliFlag() + " must be " + s.range() + ", got " + value);
        }
    }

    /** Applies the declared defaults to the options that name a declaration by their description key. */
    public static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(final ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option && !option.descriptionKey().isEmpty()) {
                return byKey(option.descriptionKey()).map(DeclaredSettings::cliDefault).orElse(null);
            }
            return null;
        }
    }
}
