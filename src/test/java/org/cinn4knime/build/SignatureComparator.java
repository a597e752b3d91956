package org.cinn4knime.build;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.cinn4knime.build.ApiListing.Line;
import org.cinn4knime.build.SignatureRenderer.Member;

/** Compares one stand-in type with the real API listing; every difference becomes one message naming the member. */
final class SignatureComparator {

    /** The outcome for one type. */
    static final class Result {
        final List<String> differences = new ArrayList<>();

        /** Class line + members that matched the listing exactly. */
        int verified;

        /** True when the type is not listed but referenced by listed signatures and declares no members. */
        boolean referencedOnlyStub;
    }

    private final ApiListing m_listing;

    SignatureComparator(final ApiListing listing) {
        m_listing = listing;
    }

    Result compare(final Class<?> c) {
        final Result r = new Result();
        final String name = SignatureRenderer.typeName(c);
        final List<Member> members = SignatureRenderer.members(c);
        if (!m_listing.hasType(name)) {
            if (m_listing.isReferenced(name) && members.isEmpty()) {
                r.referencedOnlyStub = true;
            } else if (m_listing.isReferenced(name)) {
                r.differences.add(name + ": not listed in the real API (only referenced), so it may declare no "
                    + "public/protected members, but declares " + members);
            } else {
                r.differences.add(name + ": type absent from the real API listing");
            }
            return r;
        }
        final List<Line> lines = m_listing.lines(name);
        final Member classLine = SignatureRenderer.classLine(c);
        final List<Line> listedClassLines =
            lines.stream().filter(Line::isClassLine).collect(Collectors.toList());
        final Line classMatch = find(listedClassLines, classLine.text());
        final Line olderMatch = find(m_listing.olderClassLines(name), classLine.text());
        if (classMatch != null && classMatch.marker == null || olderMatch != null) {
            r.verified++;
        } else if (classMatch != null) {
            r.differences.add(name + ": class line `" + classLine.text() + "` is " + classMatch.marker);
        } else {
            r.differences.add(name + ": class line differs: stand-in `" + classLine.text() + "`, real "
                + listedClassLines.stream().map(l -> "`" + l.text() + "`").collect(Collectors.joining(" or ")));
        }
        for (Member m : members) {
            final String problem = m.constant != null ? compareConstant(lines, m) : compareMember(lines, m);
            if (problem == null) {
                r.verified++;
            } else {
                r.differences.add(name + ": " + problem);
            }
        }
        return r;
    }

    private static Line find(final List<Line> lines, final String text) {
        for (Line l : lines) {
            if (l.text().equals(text)) {
                return l;
            }
        }
        return null;
    }

    private static String compareMember(final List<Line> lines, final Member m) {
        final Line match = find(lines, m.text());
        if (match != null) {
            return match.marker == null ? null : "`" + m.text() + "` is " + match.marker + " (KNIME AP 5.2+ needed)";
        }
        return "`" + m.text() + "` is absent from the real API" + similar(lines, m);
    }

    private static String compareConstant(final List<Line> lines, final Member m) {
        Line match = null;
        for (Line l : lines) {
            if (l.mods.equals(m.mods) && (l.sig.equals(m.sig) || l.sig.startsWith(m.sig + " = "))) {
                match = l;
            }
        }
        if (match == null) {
            return "`" + m.text() + "` is absent from the real API" + similar(lines, m);
        }
        if (match.marker != null) {
            return "`" + m.text() + "` is " + match.marker + " (KNIME AP 5.2+ needed)";
        }
        if (!match.sig.startsWith(m.sig + " = ")) {
            return "`" + m.text() + " = " + render(m.constant) + "` is a compile-time constant in the stand-in, but "
                + "the real field has no constant initializer (javac would inline a value KNIME does not have)";
        }
        final String init = match.sig.substring(m.sig.length() + 3);
        final Object real;
        try {
            real = ConstantEvaluator.evaluate(init);
        } catch (ConstantEvaluator.NotEvaluable e) {
            return "`" + m.text() + "`: " + e.getMessage() + "; declare it only if its value can be checked";
        }
        if (!sameValue(m.constant, real)) {
            return "constant `" + m.text() + "` has value " + render(m.constant) + " in the stand-in but `" + init
                + "` (= " + render(real) + ") in the real API";
        }
        return null;
    }

    private static boolean sameValue(final Object stub, final Object real) {
        if (stub instanceof String || stub instanceof Boolean) {
            return stub.equals(real);
        }
        if (stub instanceof Character) {
            return real instanceof Character ? stub.equals(real)
                : real instanceof Long && (char)((Long)real).longValue() == (Character)stub
                    && ((Long)real) >= 0 && ((Long)real) <= Character.MAX_VALUE;
        }
        if (stub instanceof Float || stub instanceof Double) {
            final double s = ((Number)stub).doubleValue();
            final double v = real instanceof Character ? (Character)real : ((Number)real).doubleValue();
            final double expected = stub instanceof Float ? (float)v : v;
            return Double.compare(s, expected) == 0;
        }
        if (stub instanceof Number) { // byte, short, int, long
            if (!(real instanceof Long || real instanceof Character)) {
                return false;
            }
            final long v = real instanceof Character ? (Character)real : (Long)real;
            final long s = ((Number)stub).longValue();
            if (stub instanceof Integer) {
                return s == (int)v;
            }
            if (stub instanceof Short) {
                return s == (short)v;
            }
            if (stub instanceof Byte) {
                return s == (byte)v;
            }
            return s == v;
        }
        return false;
    }

    private static String render(final Object v) {
        return v instanceof String ? "\"" + v + "\"" : v instanceof Character ? "'" + v + "'" : String.valueOf(v);
    }

    /** @return a hint listing the real members of the same name */
    private static String similar(final List<Line> lines, final Member m) {
        final String key = m.fieldName != null ? " " + m.fieldName : nameOf(m.sig);
        final List<String> same = new ArrayList<>();
        for (Line l : lines) {
            if (!l.isClassLine() && (m.fieldName != null ? (l.sig + " ").contains(key + " ") : key.equals(nameOf(l.sig)))) {
                same.add("`" + l.text() + "`" + (l.marker == null ? "" : " [" + l.marker + "]"));
            }
        }
        return same.isEmpty() ? "" : "; real: " + String.join(" or ", same);
    }

    private static String nameOf(final String sig) {
        final int paren = sig.indexOf('(');
        if (paren < 0) {
            return sig;
        }
        final String head = sig.substring(0, paren);
        return head.substring(head.lastIndexOf(' ') + 1);
    }
}
