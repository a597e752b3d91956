package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The engine must not depend on KNIME: no source file under org/cinn4knime/engine mentions org.knime. */
class NoKnimeImportTest {
    @Test
    void engineSourcesDoNotUseKnime() throws IOException {
        Path root = Path.of("src/main/java/org/cinn4knime/engine");
        assertTrue(Files.isDirectory(root), "engine sources not found at " + root.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertTrue(files.size() > 10, "expected the engine sources, found " + files.size());
        List<String> offenders = files.stream().filter(p -> {
            try {
                return Files.readString(p).matches("(?s).*\\borg\\.knime\\b.*");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).map(Path::toString).collect(Collectors.toList());
        assertTrue(offenders.isEmpty(), "engine sources refer to org.knime: " + offenders);
    }
}
