package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Checks every type and every public/protected member that the KNIME API stand-in ({@code src/knime-stub/java})
 * declares against the real KNIME API listing in {@code ../shared/knime-api} (kind, modifiers, type parameters,
 * generic parameter and return types, varargs, thrown exceptions, superclass and interfaces, constant values), and
 * that each matched member exists in KNIME AP 5.2.6 and 5.5.3. Skips when {@code ../shared} is absent (fails in
 * CI).
 */
class KnimeStandInSignatureTest {

    static final Path STUB_ROOT = Paths.get("src", "knime-stub", "java");

    static final Path SHARED = Paths.get("..", "shared", "knime-api");

    /** @return the listing; without ../shared skips the test with a message (fails in CI: {@link SharedFiles}) */
    static ApiListing realApi() throws IOException {
        final Path wide = SHARED.resolve("signatures-wide.txt");
        final Path full = SHARED.resolve("signatures-full.txt");
        SharedFiles.require("the real KNIME API listing", wide, full);
        final ApiListing listing = ApiListing.load(wide, full);
        final Path diffs = SHARED.resolve("version-differences.txt");
        if (Files.isRegularFile(diffs)) {
            listing.addOlderClassLines(Files.readString(diffs, StandardCharsets.UTF_8));
        }
        return listing;
    }

    /** @return every public/protected type compiled from the stand-in sources, nested types included */
    static List<Class<?>> standInTypes() throws IOException, ClassNotFoundException {
        assertTrue(Files.isDirectory(STUB_ROOT), "stand-in source folder " + STUB_ROOT.toAbsolutePath() + " missing");
        final List<String> names;
        try (Stream<Path> files = Files.walk(STUB_ROOT)) {
            names = files.filter(p -> p.toString().endsWith(".java"))
                .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                .map(p -> STUB_ROOT.relativize(p).toString().replace('\\', '/').replace(".java", "").replace('/', '.'))
                .sorted().collect(Collectors.toList());
        }
        final List<Class<?>> result = new ArrayList<>();
        for (String n : names) {
            addWithNested(Class.forName(n, false, KnimeStandInSignatureTest.class.getClassLoader()), result);
        }
        return result;
    }

    private static void addWithNested(final Class<?> c, final List<Class<?>> out) {
        final int m = c.getModifiers();
        if (!(Modifier.isPublic(m) || Modifier.isProtected(m)) || c.isSynthetic() || c.isAnonymousClass()) {
            return; // package-private helpers are not API
        }
        out.add(c);
        for (Class<?> nested : c.getDeclaredClasses()) {
            addWithNested(nested, out);
        }
    }

    @Test
    void everyStandInTypeAndMemberMatchesTheRealKnimeApi() throws Exception {
        final ApiListing listing = realApi();
        final SignatureComparator comparator = new SignatureComparator(listing);
        final List<Class<?>> types = standInTypes();
        final List<String> differences = new ArrayList<>();
        final List<String> stubs = new ArrayList<>();
        int verified = 0;
        for (Class<?> c : types) {
            final SignatureComparator.Result r = comparator.compare(c);
            differences.addAll(r.differences);
            verified += r.verified;
            if (r.referencedOnlyStub) {
                stubs.add(SignatureRenderer.typeName(c));
            }
        }
        System.out.println("KNIME stand-in signature check: " + types.size() + " types ("
            + (types.size() - stubs.size()) + " listed, " + stubs.size() + " member-less stubs of referenced types "
            + stubs + "), " + verified + " class lines and members verified against the real API, "
            + differences.size() + " differences");
        assertTrue(types.size() > 50, "expected the stand-in's types, found only " + types.size());
        if (!differences.isEmpty()) {
            fail(differences.size() + " stand-in declarations differ from the real KNIME 5.2+ API:\n  "
                + String.join("\n  ", differences));
        }
    }

    @Test
    void everyStandInPackageSaysItIsATestHarness() throws IOException {
        final List<String> problems = new ArrayList<>();
        final List<Path> dirs;
        try (Stream<Path> files = Files.walk(STUB_ROOT)) {
            dirs = files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct()
                .collect(Collectors.toList());
        }
        for (Path dir : dirs) {
            final Path info = dir.resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                problems.add(dir + ": no package-info.java");
            } else if (!Files.readString(info, StandardCharsets.UTF_8).contains("TEST HARNESS ONLY")) {
                problems.add(info + ": does not say TEST HARNESS ONLY");
            }
        }
        assertTrue(dirs.size() >= 10, "expected the stand-in packages, found " + dirs);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
