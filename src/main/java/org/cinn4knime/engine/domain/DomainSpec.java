package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cinn4knime.engine.CinnDataException;

/**
 * The user's column-domain declarations that override what training infers from the data (see
 * {@link Domains#fit}). One text syntax serves the command line and the KNIME Learner setting: entries separated by
 * {@code ;} or line breaks, each one of
 * <ul>
 * <li>{@code lower COLUMN=VALUE}, {@code upper COLUMN=VALUE}: a declared bound (replaces the inferred one);</li>
 * <li>{@code integer COLUMN}: whole numbers; {@code continuous COLUMN}: never whole-number;</li>
 * <li>{@code unbounded COLUMN}: no bounds and not whole-number, whatever the data look like;</li>
 * <li>{@code composition A,B,C<=TOTAL} (parts plus an implicit remainder such as ash) or {@code composition A,B,C=TOTAL}
 * (the parts sum exactly to TOTAL);</li>
 * <li>{@code none}: infer nothing (only the declared entries apply).</li>
 * </ul>
 * Example: {@code composition carbon,hydrogen,oxygen,nitrogen,sulfur<=100; integer layers; upper frac=1}.
 * Immutable; build with {@link #parse} or {@link Builder}.
 */
public final class DomainSpec {
    /** Infer every domain from the data, no declarations. */
    public static final DomainSpec INFER = new Builder().build();
    /** No inference and no declarations: the network sees the raw columns (the behaviour before domains existed). */
    public static final DomainSpec NONE = new Builder().noInference().build();

    /** A declared composition: parts summing to {@code total} exactly or at most. */
    public record CompositionSpec(List<String> parts, double total, boolean exact) {
        public CompositionSpec {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return String.join(",", parts) + (exact ? "=" : "<=") + Domains.num(total);
        }
    }

    private final boolean infer;
    private final Map<String, Double> lower;
    private final Map<String, Double> upper;
    private final Set<String> integer;
    private final Set<String> continuous;
    private final Set<String> unbounded;
    private final List<CompositionSpec> compositions;

    private DomainSpec(Builder b) {
        infer = b.infer;
        lower = Map.copyOf(b.lower);
        upper = Map.copyOf(b.upper);
        integer = Set.copyOf(b.integer);
        continuous = Set.copyOf(b.continuous);
        unbounded = Set.copyOf(b.unbounded);
        compositions = List.copyOf(b.compositions);
    }

    public boolean infer() {
        return infer;
    }

    Double lower(String c) {
        return lower.get(c);
    }

    Double upper(String c) {
        return upper.get(c);
    }

    boolean integer(String c) {
        return integer.contains(c);
    }

    boolean continuous(String c) {
        return continuous.contains(c);
    }

    boolean unbounded(String c) {
        return unbounded.contains(c);
    }

    /** Whether the spec declares column c whole-number ({@code integer c}). */
    public boolean declaresInteger(String c) {
        return integer.contains(c);
    }

    /** Whether the spec declares column c {@code continuous} or {@code unbounded}. */
    public boolean declaresNonInteger(String c) {
        return continuous.contains(c) || unbounded.contains(c);
    }

    public List<CompositionSpec> compositions() {
        return compositions;
    }

    /**
     * The checks that need no data, in one place for training ({@link Domains#fit}) and for front ends that want to
     * refuse a bad declaration before reading any data (the command line exits 2 for them): every named column is a
     * design column; a declared lower bound lies below a declared upper bound; a composition has a positive total,
     * enough parts (2 for an exact sum, 1 for at most), no part twice or in two compositions, and no part with other
     * declarations. Checks that need the rows (a value outside a bound) stay with {@link Domains#fit}.
     *
     * @param designColumns the names of the design (x) columns
     * @throws CinnDataException naming the column or composition at fault
     */
    public void check(List<String> designColumns) throws CinnDataException {
        for (String n : namedColumns()) {
            if (!designColumns.contains(n)) {
                throw new CinnDataException("The column domain declarations name '" + n + "', which is not a design "
                        + "(x) column; the design columns are " + String.join(", ", designColumns) + ".");
            }
        }
        for (Map.Entry<String, Double> lo : lower.entrySet()) {
            Double up = upper.get(lo.getKey());
            if (up != null && !(lo.getValue() < up)) {
                throw new CinnDataException("Column '" + lo.getKey() + "' is declared with the lower bound "
                        + Domains.num(lo.getValue()) + " and the upper bound " + Domains.num(up)
                        + "; the lower bound must be below the upper.");
            }
        }
        Set<String> inComp = new HashSet<>();
        for (CompositionSpec cs : compositions) {
            for (String pn : cs.parts()) {
                if (!inComp.add(pn)) {
                    throw new CinnDataException("Column '" + pn + "' is part of two compositions, or twice of one.");
                }
                if (lower(pn) != null || upper(pn) != null || integer(pn) || unbounded(pn)) {
                    throw new CinnDataException("Column '" + pn + "' is part of the composition " + cs + " and so "
                            + "lies in [0, " + Domains.num(cs.total()) + "]; remove its other declarations.");
                }
            }
            if (!(cs.total() > 0)) {
                throw new CinnDataException("The composition " + cs + " needs a positive total.");
            }
            if (cs.parts().size() < (cs.exact() ? 2 : 1)) {
                throw new CinnDataException("The composition " + cs + " needs at least " + (cs.exact() ? 2 : 1)
                        + " parts.");
            }
        }
    }

    /** Every column this spec names (to check they are design columns). */
    Set<String> namedColumns() {
        Set<String> s = new LinkedHashSet<>();
        s.addAll(lower.keySet());
        s.addAll(upper.keySet());
        s.addAll(integer);
        s.addAll(continuous);
        s.addAll(unbounded);
        for (CompositionSpec c : compositions) {
            s.addAll(c.parts());
        }
        return s;
    }

    /**
     * Parses the text syntax of the class comment; blank text is {@link #INFER}.
     *
     * @throws IllegalArgumentException naming the entry at fault
     */
    public static DomainSpec parse(String text) {
        Builder b = new Builder();
        parseInto(b, text);
        return b.build();
    }

    /** Adds the entries of {@code text} to b, checking them against the entries b was given before. */
    private static void parseInto(Builder b, String text) {
        if (text == null) {
            return;
        }
        Map<String, Map<String, String>> seen = b.seen;
        for (String raw : text.split("[;\\n\\r]+")) {
            String e = raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] kwArg = e.split("\\s+", 2); // any white space (a tab from a spreadsheet) after the keyword
            String kw = kwArg[0].toLowerCase(Locale.ROOT);
            String arg = kwArg.length < 2 ? "" : kwArg[1].strip();
            switch (kw) {
                case "none" -> {
                    if (!arg.isEmpty()) {
                        throw bad(e, "'none' takes no column");
                    }
                    b.noInference();
                }
                case "lower", "upper" -> {
                    int eq = arg.lastIndexOf('=');
                    if (eq <= 0) {
                        throw bad(e, "write " + kw + " COLUMN=VALUE");
                    }
                    double v = number(arg.substring(eq + 1).strip(), e);
                    String c = column(arg.substring(0, eq).strip(), e);
                    declare(seen, kw, c, e, kw, "unbounded");
                    if (kw.equals("lower")) {
                        b.lower(c, v);
                    } else {
                        b.upper(c, v);
                    }
                }
                case "integer" -> b.integer(declare(seen, kw, column(arg, e), e, "continuous", "unbounded"));
                case "continuous" -> b.continuous(declare(seen, kw, column(arg, e), e, "integer"));
                case "unbounded" -> b.unbounded(declare(seen, kw, column(arg, e), e, "lower", "upper", "integer"));
                case "composition" -> {
                    int le = arg.lastIndexOf("<=");
                    int eq = arg.lastIndexOf('=');
                    if (eq < 0) {
                        throw bad(e, "write composition A,B,C<=TOTAL or composition A,B,C=TOTAL");
                    }
                    boolean exact = le < 0 || le != eq - 1;
                    String parts = arg.substring(0, exact ? eq : le).strip();
                    double total = number(arg.substring(eq + 1).strip(), e);
                    List<String> p = new ArrayList<>();
                    for (String s : parts.split(",")) {
                        p.add(column(s.strip(), e));
                    }
                    b.composition(p, total, exact);
                }
                default -> throw bad(e, "it must start with lower, upper, integer, continuous, unbounded, "
                        + "composition or none");
            }
        }
    }

    /**
     * Records that {@code entry} (of kind {@code kind}) declares column c; an error naming the column and both entries
     * when an earlier entry declared c with a contradicting kind (or, for lower/upper, a second bound of its kind).
     */
    private static String declare(Map<String, Map<String, String>> seen, String kind, String c, String entry,
            String... conflicting) {
        for (String k : conflicting) {
            String other = seen.getOrDefault(k, Map.of()).get(c);
            if (other != null && !other.equals(entry)) {
                throw contradiction(c, other, entry);
            }
        }
        Map<String, String> mine = seen.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        String before = mine.putIfAbsent(c, entry);
        if (before != null && !before.equals(entry) && (kind.equals("lower") || kind.equals("upper"))) {
            throw contradiction(c, before, entry);
        }
        return c;
    }

    private static IllegalArgumentException contradiction(String c, String first, String second) {
        return new IllegalArgumentException("Column '" + c + "' has contradictory domain declarations '" + first
                + "' and '" + second + "'; keep one of them.");
    }

    private static String column(String c, String entry) {
        if (c.isEmpty()) {
            throw bad(entry, "a column name is missing");
        }
        return c;
    }

    private static double number(String s, String entry) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(entry, "'" + s + "' is not a finite number");
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("Column domain entry '" + entry + "' is invalid: " + why + ".");
    }

    /** The spec in the text syntax of {@link #parse} (round-trips). */
    @Override
    public String toString() {
        List<String> e = new ArrayList<>();
        if (!infer) {
            e.add("none");
        }
        lower.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(x -> e.add("lower " + x.getKey() + "=" + Domains.num(x.getValue())));
        upper.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(x -> e.add("upper " + x.getKey() + "=" + Domains.num(x.getValue())));
        integer.stream().sorted().forEach(c -> e.add("integer " + c));
        continuous.stream().sorted().forEach(c -> e.add("continuous " + c));
        unbounded.stream().sorted().forEach(c -> e.add("unbounded " + c));
        compositions.forEach(c -> e.add("composition " + c));
        return String.join("; ", e);
    }

    /** Collects declarations; later declarations of the same bound replace earlier ones. */
    public static final class Builder {
        private boolean infer = true;
        private final Map<String, Double> lower = new LinkedHashMap<>();
        private final Map<String, Double> upper = new LinkedHashMap<>();
        private final Set<String> integer = new LinkedHashSet<>();
        private final Set<String> continuous = new LinkedHashSet<>();
        private final Set<String> unbounded = new LinkedHashSet<>();
        private final List<CompositionSpec> compositions = new ArrayList<>();
        /** Per kind of text entry, column → the first entry that declared it (to report contradictions). */
        private final Map<String, Map<String, String>> seen = new LinkedHashMap<>();

        public Builder noInference() {
            infer = false;
            return this;
        }

        public Builder lower(String column, double v) {
            lower.put(column, v);
            return this;
        }

        public Builder upper(String column, double v) {
            upper.put(column, v);
            return this;
        }

        public Builder integer(String column) {
            integer.add(column);
            return this;
        }

        public Builder continuous(String column) {
            continuous.add(column);
            return this;
        }

        public Builder unbounded(String column) {
            unbounded.add(column);
            return this;
        }

        public Builder composition(List<String> parts, double total, boolean exact) {
            compositions.add(new CompositionSpec(parts, total, exact));
            return this;
        }

        /**
         * Adds every entry of {@code text} (the syntax of {@link DomainSpec#parse}); an entry that contradicts one
         * added before (by any call of this method) is an error naming the column and both entries.
         */
        public Builder add(String text) {
            parseInto(this, text);
            return this;
        }

        public DomainSpec build() {
            return new DomainSpec(this);
        }
    }
}
