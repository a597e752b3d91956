package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic file write used by {@link ModelFile#save} and the command line's outputs. */
class AtomicFileTest {

    @TempDir
    Path m_dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(m_dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void targetChangesOnlyOnCommit() throws Exception {
        final Path target = m_dir.resolve("out.bin");
        Files.write(target, new byte[]{1});
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write(new byte[]{2, 3});
            f.stream().flush();
            assertArrayEquals(new byte[]{1}, Files.readAllBytes(target), "target untouched while writing");
            assertEquals(2, files().size(), "a temporary file beside the target: " + files());
            f.commit();
        }
        assertArrayEquals(new byte[]{2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("out.bin"), files());
    }

    @Test
    void failureLeavesTheTargetAndNoTemporaryFile() throws Exception {
        final Path target = m_dir.resolve("out.txt");
        Files.writeString(target, "old");
        final IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), files());
        // closing without commit discards too
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("new");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), files());
    }

    @Test
    void writeCreatesANewFileWithTheDefaultPermissions() throws Exception {
        Assumptions.assumeTrue(m_dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
            "POSIX file permissions are not supported here");
        final Set<PosixFilePermission> expected =
            Files.getPosixFilePermissions(Files.write(m_dir.resolve("reference"), new byte[]{1}));
        final Path target = m_dir.resolve("new.txt");
        AtomicFile.write(target, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
        // not the rw------- of Files.createTempFile (with the usual umask 022 both are rw-r--r--)
        assertEquals(expected, Files.getPosixFilePermissions(target));
    }

    @Test
    void missingFolderIsAnIoErrorAndCreatesNothing() {
        final Path target = m_dir.resolve("no-such-folder").resolve("x.txt");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));
        assertEquals(false, Files.exists(target.getParent()));
    }
}
