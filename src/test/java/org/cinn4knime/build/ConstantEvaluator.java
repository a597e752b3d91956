package org.cinn4knime.build;

/**
 * Evaluates the constant initializers of the listing (the source text of the real API) to the value javac would
 * inline: literals (decimal, hex, octal, binary, with suffixes and underscores), char and String literals with escapes,
 * booleans, unary minus/plus/~, casts to primitive types, parentheses and the binary operators + - * / % &lt;&lt; &gt;&gt; | &amp; ^.
 * Anything else (a method call, a reference to another constant) is reported as not evaluable.
 */
final class ConstantEvaluator {

    /** Thrown when an initializer cannot be evaluated here. */
    static final class NotEvaluable extends Exception {
        private static final long serialVersionUID = 1L;

        NotEvaluable(final String msg) {
            super(msg);
        }
    }

    private final String m_src;

    private int m_pos;

    private ConstantEvaluator(final String src) {
        m_src = src;
    }

    /** @return Long (all integral types), Double (float/double), Boolean, Character or String */
    static Object evaluate(final String expression) throws NotEvaluable {
        final ConstantEvaluator e = new ConstantEvaluator(expression.trim());
        final Object v = e.expr();
        e.skipWs();
        if (e.m_pos != e.m_src.length()) {
            throw new NotEvaluable("cannot evaluate initializer `" + expression + "` (at `" + e.m_src.substring(e.m_pos)
                + "`)");
        }
        return v;
    }

    private void skipWs() {
        while (m_pos < m_src.length() && Character.isWhitespace(m_src.charAt(m_pos))) {
            m_pos++;
        }
    }

    private boolean eat(final String token) {
        skipWs();
        if (m_src.startsWith(token, m_pos)) {
            m_pos += token.length();
            return true;
        }
        return false;
    }

    private Object expr() throws NotEvaluable {
        Object left = unary();
        while (true) {
            skipWs();
            final String op;
            if (eat("<<")) {
                op = "<<";
            } else if (eat(">>")) {
                op = ">>";
            } else if (m_pos < m_src.length() && "+-*/%|&^".indexOf(m_src.charAt(m_pos)) >= 0) {
                op = String.valueOf(m_src.charAt(m_pos++));
            } else {
                return left;
            }
            left = apply(left, op, unary());
        }
    }

    private static Object apply(final Object a, final String op, final Object b) throws NotEvaluable {
        if ("+".equals(op) && (a instanceof String || b instanceof String)) {
            return String.valueOf(a) + b;
        }
        if (a instanceof Long && b instanceof Long) {
            final long x = (Long)a;
            final long y = (Long)b;
            switch (op) {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/": return x / y;
                case "%": return x % y;
                case "<<": return x << y;
                case ">>": return x >> y;
                case "|": return x | y;
                case "&": return x & y;
                case "^": return x ^ y;
                default: break;
            }
        }
        if (a instanceof Number && b instanceof Number) {
            final double x = ((Number)a).doubleValue();
            final double y = ((Number)b).doubleValue();
            switch (op) {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/": return x / y;
                default: break;
            }
        }
        throw new NotEvaluable("cannot apply `" + op + "` to " + a + " and " + b);
    }

    private Object unary() throws NotEvaluable {
        skipWs();
        if (eat("-")) {
            final Object v = unary();
            if (v instanceof Long) {
                return -(Long)v;
            }
            if (v instanceof Double) {
                return -(Double)v;
            }
            throw new NotEvaluable("cannot negate " + v);
        }
        if (eat("+")) {
            return unary();
        }
        if (eat("~")) {
            final Object v = unary();
            if (v instanceof Long) {
                return ~(Long)v;
            }
            throw new NotEvaluable("cannot complement " + v);
        }
        if (eat("(")) {
            for (String t : new String[]{"byte", "short", "char", "int", "long", "float", "double"}) {
                final int save = m_pos;
                if (eat(t) && eat(")")) {
                    return cast(t, unary());
                }
                m_pos = save;
            }
            final Object v = expr();
            if (!eat(")")) {
                throw new NotEvaluable("missing `)` in `" + m_src + "`");
            }
            return v;
        }
        return literal();
    }

    private static Object cast(final String type, final Object v) throws NotEvaluable {
        final Number n;
        if (v instanceof Character) {
            n = (long)(Character)v;
        } else if (v instanceof Number) {
            n = (Number)v;
        } else {
            throw new NotEvaluable("cannot cast " + v + " to " + type);
        }
        switch (type) {
            case "byte": return (long)n.byteValue();
            case "short": return (long)n.shortValue();
            case "char": return (char)n.intValue();
            case "int": return (long)n.intValue();
            case "long": return n.longValue();
            case "float": return (double)n.floatValue();
            default: return n.doubleValue();
        }
    }

    private Object literal() throws NotEvaluable {
        skipWs();
        if (m_pos >= m_src.length()) {
            throw new NotEvaluable("empty initializer");
        }
        final char c = m_src.charAt(m_pos);
        if (c == '"') {
            return stringLiteral();
        }
        if (c == '\'') {
            final String s = quoted('\'');
            if (s.length() != 1) {
                throw new NotEvaluable("bad char literal in `" + m_src + "`");
            }
            return s.charAt(0);
        }
        if (eat("true")) {
            return Boolean.TRUE;
        }
        if (eat("false")) {
            return Boolean.FALSE;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        throw new NotEvaluable("cannot evaluate initializer `" + m_src + "`");
    }

    private String stringLiteral() throws NotEvaluable {
        return quoted('"');
    }

    private String quoted(final char quote) throws NotEvaluable {
        final StringBuilder b = new StringBuilder();
        m_pos++; // opening quote
        while (m_pos < m_src.length()) {
            final char c = m_src.charAt(m_pos++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\') {
                final char e = m_src.charAt(m_pos++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 's': b.append(' '); break;
                    case '0': b.append('\0'); break;
                    case 'u':
                        b.append((char)Integer.parseInt(m_src.substring(m_pos, m_pos + 4), 16));
                        m_pos += 4;
                        break;
                    default: b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw new NotEvaluable("unterminated literal in `" + m_src + "`");
    }

    private Object number() throws NotEvaluable {
        final int start = m_pos;
        while (m_pos < m_src.length()
            && (Character.isLetterOrDigit(m_src.charAt(m_pos)) || "._".indexOf(m_src.charAt(m_pos)) >= 0
                || ((m_src.charAt(m_pos) == '+' || m_src.charAt(m_pos) == '-')
                    && "eE".indexOf(m_src.charAt(m_pos - 1)) >= 0 && !m_src.startsWith("0x", start)))) {
            m_pos++;
        }
        String t = m_src.substring(start, m_pos).replace("_", "");
        final String lower = t.toLowerCase();
        try {
            if (lower.startsWith("0x") || lower.startsWith("0b")) {
                final boolean isLong = lower.endsWith("l");
                final String digits = t.substring(2, t.length() - (isLong ? 1 : 0));
                final int radix = lower.startsWith("0x") ? 16 : 2;
                return isLong ? Long.parseUnsignedLong(digits, radix)
                    : (long)Integer.parseUnsignedInt(digits, radix);
            }
            if (lower.endsWith("f") || lower.endsWith("d") || lower.contains(".")
                || (lower.contains("e") && !lower.startsWith("0x"))) {
                if (lower.endsWith("f")) {
                    return (double)Float.parseFloat(t);
                }
                return Double.parseDouble(t);
            }
            if (lower.endsWith("l")) {
                t = t.substring(0, t.length() - 1);
                return t.length() > 1 && t.startsWith("0") ? Long.parseLong(t, 8) : Long.parseLong(t);
            }
            return t.length() > 1 && t.startsWith("0") ? (long)Integer.parseInt(t, 8) : (long)Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new NotEvaluable("bad number `" + t + "`");
        }
    }
}
