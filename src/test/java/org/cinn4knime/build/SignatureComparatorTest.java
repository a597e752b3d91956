package org.cinn4knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Tests the comparator itself (no ../shared needed): a sample class against a hand-written listing, then the same
 * listing with one deliberately wrong line at a time; each must yield exactly one difference naming the member.
 */
class SignatureComparatorTest {

    /** Sample API type covering generics, varargs, throws, constants, synchronized, static, nested enum. */
    public abstract static class Sample<T extends Number> implements Comparable<String> {
        public static final int LIMIT = 0x10;

        public static final String NAME = "sample";

        protected static final double RATE = 2.5;

        public static final List<String> ITEMS = List.of();

        public Sample(final String s, final int... values) throws IOException {
        }

        protected abstract <V extends List<? super T>> V convert(Class<? extends T> c, String... names)
            throws IllegalStateException, IOException;

        public final synchronized void touch() {
        }

        public static long count(final long[] a) {
            return a.length;
        }

        @Override
        public int compareTo(final String o) {
            return 0;
        }

        /** Nested enum. */
        public enum Mode {
            A, B
        }
    }

    /** Not listed, but referenced by the listing. */
    public interface Referenced {
    }

    private static final String X = "org.cinn4knime.build.SignatureComparatorTest.Sample";

    private static final String LISTING = String.join("\n",
        "# comment line",
        X + " | public abstract static class | <T extends java.lang.Number> extends java.lang.Object implements java.lang.Comparable<java.lang.String>",
        X + " | public static final field | int LIMIT = 0x10",
        X + " | public static final field | java.lang.String NAME = \"sample\"",
        X + " | protected static final field | double RATE = 5.0 / 2",
        X + " | public static final field | java.util.List<java.lang.String> ITEMS",
        X + " | public | <init>(java.lang.String, int...) throws java.io.IOException",
        X + " | protected abstract | <V extends java.util.List<? super T>> V convert(java.lang.Class<? extends T>, java.lang.String...) throws java.lang.IllegalStateException, java.io.IOException",
        X + " | public final synchronized | void touch()",
        X + " | public static | long count(long[])",
        X + " | public | int compareTo(java.lang.String)",
        X + " | public | void useReferenced(org.cinn4knime.build.SignatureComparatorTest.Referenced)",
        X + ".Mode | public static enum | ",
        X + ".Mode | enum constant | A",
        X + ".Mode | enum constant | B");

    private static List<String> diffs(final String listing, final Class<?> c) {
        return new SignatureComparator(ApiListing.parse(listing)).compare(c).differences;
    }

    @Test
    void exactListingHasNoDifferences() {
        final SignatureComparator cmp = new SignatureComparator(ApiListing.parse(LISTING));
        final SignatureComparator.Result r = cmp.compare(Sample.class);
        assertEquals(List.of(), r.differences);
        assertEquals(1 + 9, r.verified, "class line + 9 members (the bridge compareTo(Object) is not API)");
        final SignatureComparator.Result mode = cmp.compare(Sample.Mode.class);
        assertEquals(List.of(), mode.differences);
        assertEquals(3, mode.verified);
    }

    @Test
    void deprecationAndImplicitCtorAnnotationsAreIgnored() {
        final String listing = LISTING
            .replace("| public final synchronized | void touch()",
                "| @Deprecated(since = \"5.6\", forRemoval = true) public final synchronized | void touch()")
            .replace("| public | <init>(java.lang.String, int...)", "| public (implicit default ctor) | <init>(java.lang.String, int...)");
        assertEquals(List.of(), diffs(listing, Sample.class));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "wrong modifier; public final synchronized | void touch(); public synchronized | void touch(); void touch()",
        "wrong parameter type; long count(long[]); long count(int[]); long count(long[])",
        "varargs vs array; <init>(java.lang.String, int...); <init>(java.lang.String, int[]); <init>(java.lang.String, int...)",
        "missing throws; java.lang.IllegalStateException, java.io.IOException; java.lang.IllegalStateException; convert(",
        "wrong type bound; <V extends java.util.List<? super T>>; <V extends java.util.List<? extends T>>; convert(",
        "wrong int constant; int LIMIT = 0x10; int LIMIT = 0x11; LIMIT",
        "wrong String constant; NAME = \"sample\"; NAME = \"Sample\"; NAME",
        "wrong double constant; RATE = 5.0 / 2; RATE = 2.5f + 0.1; RATE",
        "constant not constant in real API; int LIMIT = 0x10; int LIMIT; LIMIT",
        "unevaluable initializer; int LIMIT = 0x10; int LIMIT = computeLimit(); LIMIT",
        "wrong interface; implements java.lang.Comparable<java.lang.String>; implements java.lang.Comparable<java.lang.Object>; class line",
        "wrong superclass; extends java.lang.Object; extends java.lang.Number; class line",
        "not static; public abstract static class; public abstract class; class line",
        "member missing from 5.2; public static | long count(long[]); public static | long count(long[])   [not in 5.2.6]; not in 5.2.6",
        "field type; java.util.List<java.lang.String> ITEMS; java.util.Collection<java.lang.String> ITEMS; ITEMS",
        "return type; | int compareTo(java.lang.String); | long compareTo(java.lang.String); compareTo"})
    void eachWrongLineIsReported(final String what, final String correct, final String wrong, final String named) {
        assertTrue(LISTING.contains(correct), "test setup: `" + correct + "` not in the listing");
        final List<String> d = diffs(LISTING.replace(correct, wrong), Sample.class);
        assertEquals(1, d.size(), what + ": expected exactly one difference, got " + d);
        assertTrue(d.get(0).contains(named), what + ": difference should name `" + named + "`: " + d.get(0));
    }

    @Test
    void memberAbsentFromListingIsReported() {
        final List<String> d = diffs(LISTING.replace(X + " | public static | long count(long[])\n", ""), Sample.class);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).contains("count(long[])` is absent from the real API"), d.get(0));
    }

    @Test
    void typesOutsideTheListing() {
        final SignatureComparator cmp = new SignatureComparator(ApiListing.parse(LISTING));
        final SignatureComparator.Result referenced = cmp.compare(Referenced.class);
        assertTrue(referenced.referencedOnlyStub);
        assertEquals(List.of(), referenced.differences);
        final SignatureComparator.Result unknown = cmp.compare(KnimeStandInSignatureTest.class);
        assertFalse(unknown.referencedOnlyStub);
        assertEquals(1, unknown.differences.size());
        assertTrue(unknown.differences.get(0).contains("type absent from the real API listing"));
    }

    @Test
    void constantEvaluatorCoversTheListingsLiterals() throws Exception {
        assertEquals(-6579301L, (long)(int)(long)(Long)ConstantEvaluator.evaluate("0xff9b9b9b"));
        assertEquals(32L, ConstantEvaluator.evaluate("1 << 5"));
        assertEquals(98L, ConstantEvaluator.evaluate("(byte) 0x62"));
        assertEquals(-1L, ConstantEvaluator.evaluate("-1"));
        assertEquals('W', ConstantEvaluator.evaluate("'W'"));
        assertEquals("a\"b\n", ConstantEvaluator.evaluate("\"a\\\"b\\n\""));
        assertEquals(2.0, ConstantEvaluator.evaluate("2.0f"));
        assertEquals(Boolean.TRUE, ConstantEvaluator.evaluate("true"));
        assertEquals(10_000_000_000L, ConstantEvaluator.evaluate("10_000_000_000L"));
        assertThrows(ConstantEvaluator.NotEvaluable.class, () -> ConstantEvaluator.evaluate("Byte.MIN_VALUE"));
        assertThrows(ConstantEvaluator.NotEvaluable.class, () -> ConstantEvaluator.evaluate("initMaxCellsInMemory()"));
    }

    @Test
    void versionMarkersAndOlderClassLinesAreParsed() {
        final ApiListing l = ApiListing.parse(X + " | public | void touch()   [not in 5.2.6; not in 5.5.3]");
        assertEquals("not in 5.2.6; not in 5.5.3", l.lines(X).get(0).marker);
        l.addOlderClassLines("## analytics-platform/5.2.6 -> analytics-platform/5.5.3\n< " + X
            + " | public final class | extends java.lang.Object\n## analytics-platform/5.5.3 -> master\n< " + X
            + " | public class | extends java.lang.Object");
        assertEquals(1, l.olderClassLines(X).size());
        assertEquals("public final class", l.olderClassLines(X).get(0).mods);
    }
}
