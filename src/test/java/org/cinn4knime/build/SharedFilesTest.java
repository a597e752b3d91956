package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing ../shared: a skip on a user's clone, a failure naming the file in CI. */
class SharedFilesTest {

    private static final Path MISSING = Path.of("..", "shared", "no-such-file.txt");

    @Test
    void missingFileSkipsOutsideCiAndFailsInCi() {
        final TestAbortedException skip = assertThrows(TestAbortedException.class,
            () -> SharedFiles.require(Map.of(), "the test file", MISSING));
        assertTrue(skip.getMessage().contains("no-such-file.txt"), skip.getMessage());
        final AssertionFailedError fail = assertThrows(AssertionFailedError.class,
            () -> SharedFiles.require(Map.of("CI", "true"), "the test file", MISSING));
        assertTrue(fail.getMessage().contains("no-such-file.txt") && fail.getMessage().contains("CI"),
            fail.getMessage());
        assertThrows(TestAbortedException.class, () -> SharedFiles.require(Map.of("CI", "false"), "x", MISSING));
    }

    /** .ci/run checks ../shared up front in CI and fails naming what is missing (before any build). */
    @Test
    void ciRunFailsNamingTheMissingSharedFolderAndFile(@org.junit.jupiter.api.io.TempDir final Path tmp)
        throws Exception {
        final Path repo = java.nio.file.Files.createDirectories(tmp.resolve("repo").resolve(".ci"));
        java.nio.file.Files.copy(Path.of(".ci", "run"), repo.resolve("run"));
        final String noFolder = runCi(repo.resolve("run"));
        assertTrue(noFolder.startsWith("exit 1:") && noFolder.contains("../shared")
            && noFolder.contains(tmp.resolve("shared").toString()), noFolder);
        java.nio.file.Files.createDirectories(tmp.resolve("shared").resolve("knime-api"));
        final String noFile = runCi(repo.resolve("run"));
        assertTrue(noFile.startsWith("exit 1:") && noFile.contains("../shared/knime-api/signatures-wide.txt"), noFile);
    }

    private static String runCi(final Path script) throws Exception {
        final ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("CI", "true");
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return "exit " + p.waitFor() + ": " + out;
    }

    @Test
    void presentFilesPass() {
        assertDoesNotThrow(() -> SharedFiles.require(Map.of("CI", "true"), "the pom", Path.of("pom.xml")));
        assertTrue(SharedFiles.inCi(Map.of("CI", "TRUE")));
        assertFalse(SharedFiles.inCi(Map.of()));
    }
}
