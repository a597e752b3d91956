package org.cinn4knime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cinn4knime.engine.AtomicFile;

/**
 * The command line's outputs: every file is written through the engine's {@link AtomicFile} (appears only once
 * complete, no temporary file left on failure or Ctrl-C), after {@link #checkWritable} has refused an unusable path
 * with a message for the user.
 */
final class AtomicOutput {

    private AtomicOutput() {
    }

    /** Checks {@code target} and opens a temporary file beside it; see {@link AtomicFile#create}. */
    static AtomicFile create(final Path target) throws CliException, IOException {
        return AtomicFile.create(checkWritable(target));
    }

    /**
     * Checks, before any long computation, that {@code target} can be written: its folder exists and it is not itself
     * a folder. Returns the absolute path.
     */
    static Path checkWritable(final Path target) throws CliException {
        final Path absolute = target.toAbsolutePath().normalize();
        final Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new CliException("cannot write " + target + ": it is a folder");
        }
        if (!Files.isWritable(dir)) {
            throw new CliException("cannot write " + target + ": folder " + dir + " is not writable");
        }
        return absolute;
    }
}
