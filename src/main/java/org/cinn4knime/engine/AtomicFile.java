package org.cinn4knime.engine;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that appears under its name only once it is complete: everything is written to a hidden temporary file
 * {@code .<name>.<random>.tmp} in the target's folder, which {@link #commit()} moves over the target (an atomic rename
 * where the file system offers one, else a plain replace). Closing without committing deletes the temporary file, and
 * so does a shutdown hook for files still open when the JVM is stopped (Ctrl-C), so a failed or interrupted write
 * leaves neither a half-written target nor a stray temporary file.
 * <p>
 * The file gets the default permissions of any new file of the user (umask), not the owner-only permissions of
 * {@link Files#createTempFile}. Used for model files ({@link ModelFile#save}) and every output of the command line.
 * Not thread-safe: one writer per instance.
 */
public final class AtomicFile implements Closeable {

    /** Temporary files not yet committed or discarded, removed by the shutdown hook. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    private static final int MAX_NAME_ATTEMPTS = 100;

    private static volatile boolean s_hookInstalled;

    private final Path m_target;
    private final Path m_temp;
    private final OutputStream m_stream;
    private Writer m_writer;
    private boolean m_committed;

    private AtomicFile(final Path target, final Path temp, final OutputStream stream) {
        m_target = target;
        m_temp = temp;
        m_stream = stream;
    }

    /**
     * Opens a new temporary file beside {@code target}. The folder must exist (callers that want it created create it
     * first).
     *
     * @param target the file to write; replaced on {@link #commit()} if it exists
     * @return the open file; close it (try-with-resources), after {@link #commit()} when the content is complete
     * @throws IOException if the temporary file cannot be created (folder missing or not writable)
     */
    public static AtomicFile create(final Path target) throws IOException {
        final Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IOException("cannot write " + target + ": it names no file");
        }
        installShutdownHook();
        for (int attempt = 1;; attempt++) {
            final Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                final OutputStream stream =
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                PENDING.add(temp);
                return new AtomicFile(absolute, temp, new BufferedOutputStream(stream));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes {@code target} atomically in one call: opens, lets {@code content} write the bytes, commits.
     *
     * @param target the file to write
     * @param content writes the file's bytes; need not close the stream
     * @throws IOException from creating, writing or moving; the target is then unchanged and no temporary file is left
     */
    public static void write(final Path target, final Content content) throws IOException {
        try (AtomicFile file = create(target)) {
            content.writeTo(file.stream());
            file.commit();
        }
    }

    /** What {@link #write(Path, Content)} puts into the file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the temporary file's stream (buffered)
         * @throws IOException from writing
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** @return the target, absolute and normalised */
    public Path target() {
        return m_target;
    }

    /** @return the (buffered) stream of the temporary file, for binary content such as images or models */
    public OutputStream stream() {
        return m_stream;
    }

    /** @return a UTF-8 writer on the temporary file, for text such as CSV; use either this or {@link #stream()} */
    public Writer writer() {
        if (m_writer == null) {
            m_writer = new BufferedWriter(new OutputStreamWriter(m_stream, StandardCharsets.UTF_8));
        }
        return m_writer;
    }

    /**
     * Flushes and closes the temporary file and moves it over the target.
     *
     * @throws IOException from flushing or moving; the temporary file is then deleted by {@link #close()}
     */
    public void commit() throws IOException {
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

    /** Deletes the temporary file unless {@link #commit()} succeeded; the target stays as it was. */
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

    private static void installShutdownHook() {
        if (s_hookInstalled) {
            return;
        }
        synchronized (PENDING) {
            if (!s_hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::deletePending, "cinn4knime-atomic-file"));
                s_hookInstalled = true;
            }
        }
    }

    private static void deletePending() {
        for (final Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) { // NOSONAR best effort while the JVM stops
            }
        }
    }
}
