package org.cinn4knime.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An output file that only appears under its final name once it is complete: everything is written to a hidden
 * temporary file in the same folder, which {@link #commit()} moves onto the target. Closing without committing deletes
 * the temporary file, so a failed or interrupted command leaves no half-written output behind.
 */
final class AtomicOutput implements Closeable {

    private static final AtomicLong COUNTER = new AtomicLong();

    /** Temporary files not yet committed or discarded; removed by a shutdown hook if the JVM is stopped (Ctrl-C). */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (final Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) { // NOSONAR best effort while the JVM stops
                }
            }
        }, "cinn4knime-cli-cleanup"));
    }

    private final Path m_target;
    private final Path m_temp;
    private final OutputStream m_stream;
    private Writer m_writer;
    private boolean m_committed;

    private AtomicOutput(final Path target, final Path temp, final OutputStream stream) {
        m_target = target;
        m_temp = temp;
        m_stream = stream;
    }

    /** Opens a temporary file beside {@code target}; fails with a clear message when the folder is unusable. */
    static AtomicOutput create(final Path target) throws CliException, IOException {
        final Path absolute = checkWritable(target);
        // not Files.createTempFile: that one makes owner-only files, and the output should get the usual permissions
        final Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
            + "-" + COUNTER.incrementAndGet() + ".tmp");
        final OutputStream stream =
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        PENDING.add(temp);
        return new AtomicOutput(absolute, temp, new BufferedOutputStream(stream));
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

    /** The raw stream of the temporary file (for binary outputs such as images). */
    OutputStream stream() {
        return m_stream;
    }

    /** A UTF-8 writer on the temporary file (for CSV outputs). */
    Writer writer() {
        if (m_writer == null) {
            m_writer = new BufferedWriter(new OutputStreamWriter(m_stream, StandardCharsets.UTF_8));
        }
        return m_writer;
    }

    /** Flushes, closes and moves the temporary file onto the target, replacing an older file of that name. */
    void commit() throws IOException {
        closeStreams();
        try {
            Files.move(m_temp, m_target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(m_temp, m_target, StandardCopyOption.REPLACE_EXISTING);
        }
        m_committed = true;
        PENDING.remove(m_temp);
    }

    private void closeStreams() throws IOException {
        if (m_writer != null) {
            m_writer.close();
        } else {
            m_stream.close();
        }
    }

    /** Discards the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        if (!m_committed) {
            try {
                closeStreams();
            } finally {
                Files.deleteIfExists(m_temp);
                PENDING.remove(m_temp);
            }
        }
    }
}
