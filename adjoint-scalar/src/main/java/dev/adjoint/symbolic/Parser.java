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

    /**
     * Deepest nesting of parentheses, calls, signs and powers accepted; deeper input is a {@link ParseException}
     * naming this limit. The parser keeps its own stacks (it never recurses), so the limit bounds the nesting of the
     * result, not the parser's use of the thread's stack; chains such as {@code x+x+…} have no limit.
     */
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
        return p.expression();
    }

    /** The names {@link #parse} accepts as functions, in alphabetical order. */
    public static List<String> functionNames() {
        TreeMap<String, Object> all = new TreeMap<>(UNARY);
        all.putAll(BINARY);
        return List.copyOf(all.keySet());
    }

    // Operator precedence with explicit stacks, so that no input recurses: operands wait on one stack, operators,
    // prefix signs, open parentheses and open calls on the other. The grammar, loosest first:
    //   sum := product (('+' | '-') product)*        product := signed (('*' | '/') signed)*
    //   signed := ('-' | '+') signed | power          power := atom ('^' signed)?
    //   atom := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
    private static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, NEG = 5, PLUS = 6, PAREN = 7, CALL = 8;
    private static final int[] PRECEDENCE = {1, 1, 2, 2, 4, 3, 3, 0, 0};

    /** An operator waiting for its operands, or an open parenthesis or call (with the arguments read so far). */
    private record Pending(int kind, int at, int nameAt, String name, UnaryFunction unary, BinaryFunction binary,
                           List<Expr> args) {
        Pending(int kind, int at) {
            this(kind, at, at, null, null, null, null);
        }

        boolean frame() {
            return kind == PAREN || kind == CALL;
        }
    }

    private final java.util.ArrayDeque<Expr> operands = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();

    private Expr expression() {
        boolean expectOperand = true;
        while (true) {
            if (expectOperand) {
                expectOperand = operand();
                continue;
            }
            int start = pos;
            int kind = pos == text.length() ? -1 : eat('+') ? ADD : eatMinus() ? SUB : eatTimes() ? MUL : eat('/') ? DIV
                    : eatPower() ? POW : -1;
            if (kind >= 0) {
                reduceWhile(kind);
                if (kind == POW) {
                    enter(start);
                }
                pending.push(new Pending(kind, start));
                expectOperand = true;
                continue;
            }
            reduceWhile(-1);
            Pending frame = pending.peek();
            if (pos == text.length()) {
                if (frame != null) {
                    throw unclosed(frame);
                }
                return operands.pop();
            }
            char c = text.charAt(pos);
            if (frame != null && c == ',' && frame.kind() == CALL) {
                frame.args().add(operands.pop());
                pos++;
                skipSpace();
                expectOperand = true;
            } else if (frame != null && c == ')') {
                pos++;
                skipSpace();
                pending.pop();
                depth--;
                if (frame.kind() == CALL) {
                    frame.args().add(operands.pop());
                    operands.push(call(frame));
                }
            } else if (frame != null) {
                throw unclosed(frame);
            } else {
                String what = c == ')' ? "unmatched ')'" : "unexpected " + describe(pos);
                throw error(pos, what + ": expected an operator (+ - * / ^) or the end of the expression");
            }
        }
    }

    /** Reads a prefix sign, an operand or an opening; whether an operand is still expected. */
    private boolean operand() {
        if (pos == text.length()) {
            throw error(pos, "unexpected end of expression: expected a number, variable, function call or '('");
        }
        int start = pos;
        if (eatMinus() || eat('+')) {
            enter(start);
            pending.push(new Pending(text.charAt(start) == '+' ? PLUS : NEG, start));
            return true;
        }
        char c = text.charAt(pos);
        if (isDigit(c) || c == '.') {
            operands.push(number());
            return false;
        }
        if (isNameStart(c)) {
            return name();
        }
        if (c == '(') {
            enter(pos);
            pending.push(new Pending(PAREN, pos));
            pos++;
            skipSpace();
            return true;
        }
        throw error(pos, "unexpected " + describe(pos) + ": expected a number, variable, function call or '('");
    }

    /** Applies the pending operators that bind at least as tightly as {@code kind} (all of them for −1). */
    private void reduceWhile(int kind) {
        while (!pending.isEmpty() && !pending.peek().frame()) {
            int top = PRECEDENCE[pending.peek().kind()];
            int p = kind < 0 ? 0 : PRECEDENCE[kind];
            if (top < p || (top == p && kind == POW)) { // ^ is right-associative
                return;
            }
            int op = pending.pop().kind();
            if (op == NEG || op == PLUS) {
                depth--;
                Expr operand = operands.pop();
                operands.push(op == PLUS ? operand : operand instanceof Constant k ? Constant.of(-k.number())
                        : operand.neg());
                continue;
            }
            Expr right = operands.pop();
            Expr left = operands.pop();
            switch (op) {
                case ADD: operands.push(left.add(right)); break;
                case SUB: operands.push(left.sub(right)); break;
                case MUL: operands.push(left.mul(right)); break;
                case DIV: operands.push(left.div(right)); break;
                default:
                    depth--;
                    operands.push(power(left, right));
            }
        }
    }

    private ParseException unclosed(Pending frame) {
        String found = pos == text.length() ? "end of expression" : describe(pos);
        return error(pos, "expected ')' to close the '(' at column " + (frame.at() + 1) + ", found " + found);
    }

    // An exponent without variables is folded to a number and gives the Power row (defined for negative bases).
    private static Expr power(Expr base, Expr exponent) {
        if (Exprs.variables(exponent).isEmpty()) {
            return base.apply(Power.of(Exprs.evaluate(exponent, Map.of())));
        }
        return base.apply(Binary.POW, exponent);
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

    /** A constant, a variable (pushed; false) or the start of a call (an open frame; true). */
    private boolean name() {
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        String shown = Excerpt.shorten(name);
        skipSpace();
        boolean call = pos < text.length() && text.charAt(pos) == '(';
        if (!call) {
            if (UNARY.containsKey(name) || BINARY.containsKey(name)) {
                throw error(pos, "expected '(' after the function name '" + name + "', e.g. " + name + "(x)");
            }
            operands.push(name.equals("pi") ? Constant.of(Math.PI) : name.equals("e") ? Constant.of(Math.E)
                    : Variable.of(name));
            return false;
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
        if (pos < text.length() && text.charAt(pos) == ')') {
            throw error(pos, name + " needs " + (unary != null ? "one argument" : "two arguments") + ", got none");
        }
        pending.push(new Pending(CALL, open, start, name, unary, binary, new ArrayList<>()));
        return true;
    }

    /** The call whose arguments {@code frame} collected, after checking their number. */
    private Expr call(Pending frame) {
        String name = frame.name();
        UnaryFunction unary = frame.unary();
        BinaryFunction binary = frame.binary();
        List<Expr> args = frame.args();
        int start = frame.nameAt();
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
