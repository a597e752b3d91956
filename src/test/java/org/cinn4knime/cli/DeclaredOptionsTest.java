package org.cinn4knime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cinn4knime.engine.settings.ArchitectureDeclarations;
import org.cinn4knime.engine.settings.DomainDeclarations;
import org.cinn4knime.engine.settings.SamplingDeclarations;
import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.engine.settings.TrainingDeclarations;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line's setting options are the declared ones: names, help text and defaults from one place. */
class DeclaredOptionsTest {

    private static CommandSpec command(final String name) {
        return new CommandLine(new CinnCli()).getSubcommands().get(name).getCommandSpec();
    }

    private static Set<String> declaredKeys(final CommandSpec spec) {
        return spec.options().stream().filter(DeclaredOptionsTest::namesASetting).map(OptionSpec::descriptionKey)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertOptionsFollowTheDeclarations(final CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (!namesASetting(o)) {
                continue;
            }
            final Setting s = DeclaredSettings.byKey(o.descriptionKey()).orElse(null);
            assertNotNull(s, o.longestName() + " names the undeclared setting '" + o.descriptionKey() + "'");
            assertEquals(s.cliFlag(), o.longestName(), "option of " + s.key());
            assertEquals(List.of(s.cliHelp()), List.of(o.description()), "help of " + o.longestName());
            assertEquals(DeclaredSettings.cliDefault(s), o.defaultValue() != null ? o.defaultValue()
                : spec.defaultValueProvider() == null ? null : defaultOf(spec, o), "default of " + o.longestName());
        }
    }

    /** picocli's --help and --version carry keys of their own ("mixinStandardHelpOptions.help") */
    private static boolean namesASetting(final OptionSpec o) {
        return !o.descriptionKey().isEmpty() && !o.descriptionKey().contains(".");
    }

    private static String defaultOf(final CommandSpec spec, final OptionSpec o) {
        try {
            return spec.defaultValueProvider().defaultValue(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trainOffersEveryArchitectureAndTrainingSettingAsDeclared() {
        final CommandSpec train = command("train");
        assertOptionsFollowTheDeclarations(train);
        final Set<String> expected = new TreeSet<>();
        ArchitectureDeclarations.ALL.forEach(s -> expected.add(s.key()));
        TrainingDeclarations.ALL.forEach(s -> expected.add(s.key()));
        expected.add(DomainDeclarations.COLUMN_DOMAINS.key());
        assertEquals(expected, declaredKeys(train));
    }

    @Test
    void sampleOffersTheSamplingSettingsAsDeclared() {
        final CommandSpec sample = command("sample");
        assertOptionsFollowTheDeclarations(sample);
        final Set<String> expected = new TreeSet<>(List.of(TrainingDeclarations.SEED.key()));
        SamplingDeclarations.ALL.forEach(s -> expected.add(s.key()));
        assertTrue(declaredKeys(sample).containsAll(expected), declaredKeys(sample).toString());
    }

    @Test
    void demoTakesItsThreadsFromTheDeclaration() {
        final CommandSpec demo = command("demo");
        assertOptionsFollowTheDeclarations(demo);
        assertEquals(Set.of(TrainingDeclarations.THREADS.key()), declaredKeys(demo));
    }

    @Test
    void helpShowsTheDeclaredRangeAndDefault() {
        final StringWriter out = new StringWriter();
        final CommandLine cli = new CommandLine(new CinnCli());
        cli.getSubcommands().get("train").usage(new PrintWriter(out));
        final String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("coupling blocks; between 1 and 64 (default 6)"), help);
        assertTrue(help.contains("learning rate of Adam; in (0, 1] (default 0.001)"), help);
        assertTrue(help.contains("--beta2"), help);
    }
}
