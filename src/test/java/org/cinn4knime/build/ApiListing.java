package org.cinn4knime.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real KNIME API as listed in {@code ../shared/knime-api/signatures-*.txt}: one member a line,
 * {@code declaring.Type | modifiers | signature}, optionally ending with a version marker such as
 * {@code [not in 5.2.6]}. Lines are normalized: {@code @Deprecated(...)} and {@code (implicit default ctor)} are
 * dropped from the modifiers (neither changes what a compiler sees).
 */
final class ApiListing {

    /** One listed line. */
    static final class Line {
        final String type;

        final String mods;

        final String sig;

        /** e.g. "not in 5.2.6" or null when the member exists in 5.2.6, 5.5.3 and master */
        final String marker;

        Line(final String type, final String mods, final String sig, final String marker) {
            this.type = type;
            this.mods = mods;
            this.sig = sig;
            this.marker = marker;
        }

        String text() {
            return mods + " | " + sig;
        }

        boolean isClassLine() {
            return mods.endsWith("class") || mods.endsWith("interface") || mods.endsWith("enum")
                || mods.endsWith("record");
        }

        @Override
        public String toString() {
            return type + " | " + text() + (marker == null ? "" : "   [" + marker + "]");
        }
    }

    private static final Pattern MARKER = Pattern.compile("\\s+\\[(not in [^\\]]*)\\]\\s*$");

    private static final Pattern DEPRECATED = Pattern.compile("^@Deprecated(\\([^)]*\\))?\\s*");

    private static final Pattern FQN = Pattern.compile("\\b((?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:\\.[A-Z][A-Za-z0-9_]*)*)");

    private final Map<String, List<Line>> m_byType = new LinkedHashMap<>();

    private final Set<String> m_referenced = new LinkedHashSet<>();

    /** Class lines as they were in 5.2.6 where they differ from master (from version-differences.txt). */
    private final Map<String, List<Line>> m_olderClassLines = new LinkedHashMap<>();

    static ApiListing parse(final String... texts) {
        final ApiListing l = new ApiListing();
        for (String t : texts) {
            l.add(t);
        }
        return l;
    }

    static ApiListing load(final Path... files) throws IOException {
        final ApiListing l = new ApiListing();
        for (Path f : files) {
            l.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        return l;
    }

    static Line parseLine(final String raw) {
        String s = raw;
        String marker = null;
        final Matcher m = MARKER.matcher(s);
        if (m.find()) {
            marker = m.group(1);
            s = s.substring(0, m.start());
        }
        final String[] parts = s.split(" \\| ", 3);
        if (parts.length < 2) {
            return null;
        }
        String mods = DEPRECATED.matcher(parts[1].trim()).replaceFirst("");
        mods = mods.replace("(implicit default ctor)", "").trim();
        final String sig = parts.length > 2 ? parts[2].trim() : "";
        return new Line(parts[0].trim(), mods, sig, marker);
    }

    private void add(final String text) {
        for (String raw : text.split("\n")) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            final Line line = parseLine(raw);
            if (line == null) {
                continue;
            }
            final List<Line> lines = m_byType.computeIfAbsent(line.type, k -> new ArrayList<>());
            // the same member may appear in several files; keep the one with a marker if any
            boolean merged = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).text().equals(line.text())) {
                    if (lines.get(i).marker == null && line.marker != null) {
                        lines.set(i, line);
                    }
                    merged = true;
                }
            }
            if (!merged) {
                lines.add(line);
            }
            final Matcher fqn = FQN.matcher(raw.substring(raw.indexOf('|') + 1));
            while (fqn.find()) {
                m_referenced.add(fqn.group(1));
            }
        }
    }

    /** Reads the class lines of 5.2.6 from version-differences.txt ("&lt; ... | ... class | ..."). */
    void addOlderClassLines(final String versionDifferences) {
        boolean in526 = false;
        for (String raw : versionDifferences.split("\n")) {
            if (raw.startsWith("## ")) {
                in526 = raw.contains("5.2.6 ->");
                continue;
            }
            if (in526 && raw.startsWith("< ")) {
                final Line line = parseLine(raw.substring(2));
                if (line != null && line.isClassLine()) {
                    m_olderClassLines.computeIfAbsent(line.type, k -> new ArrayList<>()).add(line);
                }
            }
        }
    }

    boolean hasType(final String type) {
        return m_byType.containsKey(type);
    }

    List<Line> lines(final String type) {
        return m_byType.getOrDefault(type, List.of());
    }

    List<Line> olderClassLines(final String type) {
        return m_olderClassLines.getOrDefault(type, List.of());
    }

    /** @return whether the name (or a type nested in it) occurs in some listed signature */
    boolean isReferenced(final String type) {
        for (String r : m_referenced) {
            if (r.equals(type) || r.startsWith(type + ".")) {
                return true;
            }
        }
        return false;
    }

    int typeCount() {
        return m_byType.size();
    }
}
