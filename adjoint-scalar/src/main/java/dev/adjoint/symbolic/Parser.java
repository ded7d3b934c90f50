package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.UnaryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses infix text such as {@code ln(x1) + x1*x2 - sin(x2)} into an {@link Expr}.
 *
 * <p>Grammar, loosest first: {@code + -} (left-associative), {@code * /} (left), unary {@code - +}, then {@code ^}
 * (right-associative and tighter than unary minus, so {@code -x^2 = -(x^2)} and {@code 2^-x} is allowed). Operands
 * are numbers ({@code 3}, {@code .5}, {@code 1e-3}), variables (identifiers such as {@code x1} or {@code alpha}),
 * the constants {@code pi} and {@code e}, parenthesised expressions and calls of the table's functions by their
 * usual names ({@code ln} and {@code log} are both the natural logarithm; {@code atan2(y, x)}, {@code hypot},
 * {@code pow}, and {@code min}/{@code max} of two or more arguments). An exponent without variables
 * ({@code x^2}, {@code x^(1/3)}) is folded to a number and gives the {@link Power} row, so {@code x^2} is defined
 * for negative x. The characters {@code − × ·} and {@code **} are
 * accepted as minus, times and power.
 *
 * <p>Every malformed input, whatever it is, gives a {@link ParseException} pointing at the offending column.
 */
public final class Parser {

    /** Deepest nesting of parentheses, calls, signs and powers accepted, so that no input exhausts the stack. */
    public static final int MAX_DEPTH = 200;

    private static final Map<String, UnaryFunction> UNARY = new TreeMap<>();
    private static final Map<String, BinaryFunction> BINARY = new TreeMap<>();

    static {
        for (Elementary f : Elementary.values()) {
            UNARY.put(f.symbol(), f);
        }
        UNARY.put("log", Elementary.LOG);
        UNARY.put("signum", Elementary.SIGNUM);
        for (Binary f : new Binary[] {Binary.ATAN2, Binary.HYPOT, Binary.MIN, Binary.MAX}) {
            BINARY.put(f.symbol(), f);
        }
        BINARY.put("pow", Binary.POW);
    }

    private final String text;
    private int pos;
    private int depth;

    private Parser(String text) {
        this.text = text;
    }

    /** The expression written in {@code text}; variables are named as written. */
    public static Expr parse(String text) {
        if (text == null) {
            throw new ParseException("", 1, "no expression given");
        }
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw p.error(p.pos, "empty expression: expected a number, variable, function call or '('");
        }
        Expr e = p.sum();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            String what = c == ')' ? "unmatched ')'" : "unexpected " + p.describe(p.pos);
            throw p.error(p.pos, what + ": expected an operator (+ - * / ^) or the end of the expression");
        }
        return e;
    }

    /** The names {@link #parse} accepts as functions, in alphabetical order. */
    public static List<String> functionNames() {
        TreeMap<String, Object> all = new TreeMap<>(UNARY);
        all.putAll(BINARY);
        return List.copyOf(all.keySet());
    }

    // sum := product (('+' | '-') product)*
    private Expr sum() {
        Expr e = product();
        while (true) {
            if (eat('+')) {
                e = e.add(product());
            } else if (eatMinus()) {
                e = e.sub(product());
            } else {
                return e;
            }
        }
    }

    // product := signed (('*' | '/') signed)*
    private Expr product() {
        Expr e = signed();
        while (true) {
            if (eatTimes()) {
                e = e.mul(signed());
            } else if (eat('/')) {
                e = e.div(signed());
            } else {
                return e;
            }
        }
    }

    // signed := ('-' | '+') signed | power
    private Expr signed() {
        int start = pos;
        if (eatMinus()) {
            enter(start);
            Expr operand = signed();
            depth--;
            return operand instanceof Constant c ? Constant.of(-c.number()) : operand.neg();
        }
        if (eat('+')) {
            enter(start);
            Expr operand = signed();
            depth--;
            return operand;
        }
        return power();
    }

    // power := atom ('^' signed)?   (right-associative: the exponent may itself be a power)
    private Expr power() {
        Expr base = atom();
        int start = pos;
        if (eatPower()) {
            enter(start);
            Expr exponent = signed();
            depth--;
            return power(base, exponent);
        }
        return base;
    }

    // An exponent without variables is folded to a number and gives the Power row (defined for negative bases).
    private static Expr power(Expr base, Expr exponent) {
        if (Exprs.variables(exponent).isEmpty()) {
            return base.apply(Power.of(Exprs.evaluate(exponent, Map.of())));
        }
        return base.apply(Binary.POW, exponent);
    }

    // atom := number | name | name '(' arguments ')' | '(' sum ')'
    private Expr atom() {
        if (pos == text.length()) {
            throw error(pos, "unexpected end of expression: expected a number, variable, function call or '('");
        }
        char c = text.charAt(pos);
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            return name();
        }
        if (c == '(') {
            int open = pos;
            enter(open);
            pos++;
            skipSpace();
            Expr e = sum();
            expectClose(open);
            depth--;
            return e;
        }
        throw error(pos, "unexpected " + describe(pos) + ": expected a number, variable, function call or '('");
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos - start == 1 && text.charAt(start) == '.') {
            throw error(start, "a lone '.' is not a number: expected digits before or after it, e.g. .5 or 5.");
        }
        // An exponent only when digits follow, so that "2e" is read as 2 followed by the constant e (an error).
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int q = pos + 1;
            if (q < text.length() && (text.charAt(q) == '+' || text.charAt(q) == '-')) {
                q++;
            }
            if (q < text.length() && isDigit(text.charAt(q))) {
                pos = q;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        double value = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(value)) {
            throw error(start, "number too large for a double: " + Excerpt.shorten(text.substring(start, pos)));
        }
        skipSpace();
        return Constant.of(value);
    }

    private Expr name() {
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        String shown = Excerpt.shorten(name);
        skipSpace();
        boolean call = pos < text.length() && text.charAt(pos) == '(';
        if (!call) {
            if (name.equals("pi")) {
                return Constant.of(Math.PI);
            }
            if (name.equals("e")) {
                return Constant.of(Math.E);
            }
            if (UNARY.containsKey(name) || BINARY.containsKey(name)) {
                throw error(pos, "expected '(' after the function name '" + name + "', e.g. " + name + "(x)");
            }
            return Variable.of(name);
        }
        UnaryFunction unary = UNARY.get(name);
        BinaryFunction binary = BINARY.get(name);
        if (unary == null && binary == null) {
            String hint = name.equals("pi") || name.equals("e") ? "'" + name + "' is a constant, not a function"
                    : "unknown function '" + shown + "'; known functions: " + String.join(", ", functionNames());
            throw error(start, hint);
        }
        int open = pos;
        enter(open);
        pos++;
        skipSpace();
        List<Expr> args = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) == ')') {
            throw error(pos, name + " needs " + (unary != null ? "one argument" : "two arguments") + ", got none");
        }
        args.add(sum());
        while (eat(',')) {
            args.add(sum());
        }
        expectClose(open);
        depth--;
        boolean variadic = binary == Binary.MIN || binary == Binary.MAX;
        int wanted = unary != null ? 1 : 2;
        if (args.size() != wanted && !(variadic && args.size() > 2)) {
            throw error(start, name + " takes " + (wanted == 1 ? "one argument" : variadic ? "two or more arguments"
                    : "two arguments") + ", got " + args.size());
        }
        if (unary != null) {
            return args.get(0).apply(unary);
        }
        if (binary == Binary.POW) {
            return power(args.get(0), args.get(1));
        }
        Expr e = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            e = e.apply(binary, args.get(i));
        }
        return e;
    }

    private void expectClose(int open) {
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            skipSpace();
            return;
        }
        String found = pos == text.length() ? "end of expression" : describe(pos);
        throw error(pos, "expected ')' to close the '(' at column " + (open + 1) + ", found " + found);
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "expression nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            skipSpace();
            return true;
        }
        return false;
    }

    private boolean eatMinus() {
        return eat('-') || eat('\u2212');
    }

    private boolean eatTimes() {
        if (pos + 1 < text.length() && text.charAt(pos) == '*' && text.charAt(pos + 1) == '*') {
            return false; // ** is power
        }
        return eat('*') || eat('\u00d7') || eat('\u00b7');
    }

    private boolean eatPower() {
        if (pos + 1 < text.length() && text.charAt(pos) == '*' && text.charAt(pos + 1) == '*') {
            pos += 2;
            skipSpace();
            return true;
        }
        return eat('^');
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ParseException error(int at, String problem) {
        return new ParseException(text, at + 1, problem + " (column " + (at + 1) + ")");
    }

    private String describe(int at) {
        int c = text.codePointAt(at);
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("character U+%04X", c);
        }
        if (c == '\uFFFD') {
            // What the JVM makes of command-line bytes it cannot decode in a non-UTF-8 locale.
            return "'\uFFFD' (U+FFFD, a character that could not be decoded: run under a UTF-8 locale, e.g."
                    + " LC_ALL=C.UTF-8)";
        }
        return c < 128 ? "'" + Character.toString(c) + "'" : String.format("'%s' (U+%04X)", Character.toString(c), c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
