package org.cinn4knime.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that read {@code ../shared} (the KNIME API listing, KNIME's schemas, a workflow saved by KNIME): on a user's
 * clone without it they skip with a message naming the file; in CI (environment variable {@code CI=true}, as GitHub
 * Actions, GitLab CI and .ci/run set it) they fail naming the file, since there it must be present.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** @return whether the environment says this is a CI run ({@code CI=true}, case-insensitive) */
    public static boolean inCi(final Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
    }

    /**
     * Skips the calling test (user's clone) or fails it (CI) unless every file exists.
     *
     * @param what what the files are, for the message
     */
    public static void require(final String what, final Path... files) {
        require(System.getenv(), what, files);
    }

    static void require(final Map<String, String> env, final String what, final Path... files) {
        for (Path f : files) {
            if (!Files.exists(f)) {
                final String message = what + " " + f.toAbsolutePath().normalize()
                    + " is absent (../shared is not checked out next to the repository)";
                if (inCi(env)) {
                    Assertions.fail("CI=true: " + message + "; CI must provide ../shared");
                }
                Assumptions.abort("Skipped: " + message);
            }
        }
    }
}
