package dev.adjoint.scalar.trace;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.symbolic.BinaryExpr;
import dev.adjoint.symbolic.Constant;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.ExprFormat;
import dev.adjoint.symbolic.Unary;
import dev.adjoint.symbolic.Variable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The lecture's notation in Unicode: v₋₁, v̇₀, v̄₅, x̄₁, ×, − and numbers to a fixed number of decimals; plus the
 * generic clean-up that turns a row's symbolic derivative into something readable.
 */
final class Notation {

    static final String DOT = "\u0307";
    static final String BAR = "\u0304";
    static final String MINUS = "\u2212";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private final int digits;

    Notation(int digits) {
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException("digits must be between 0 and 17, got " + digits);
        }
        this.digits = digits;
    }

    /** v with subscript id, e.g. v₋₁; {@code mark} (DOT, BAR or "") goes over the v. */
    static String v(int id, String mark) {
        return "v" + mark + subscript(id);
    }

    static String subscript(int n) {
        StringBuilder b = new StringBuilder(n < 0 ? "₋" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            b.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    /** An input's name with trailing digits as a subscript (x1 → x₁) and the mark over its last letter. */
    static String input(String name, String mark) {
        int end = name.length();
        while (end > 1 && Character.isDigit(name.charAt(end - 1))) {
            end--;
        }
        String base = name.substring(0, end);
        String digitsPart = name.substring(end);
        StringBuilder b = new StringBuilder(base).append(mark);
        for (char c : digitsPart.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? SUBSCRIPTS.charAt(c - '0') : c);
        }
        return b.toString();
    }

    /** x rounded to the configured decimals, trailing zeros dropped, − for negatives; tiny or huge in e-notation. */
    String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : MINUS + "∞";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        String s;
        if (a < 0.5 * Math.pow(10, -digits) || a >= 1e15) {
            String[] parts = String.format(Locale.ROOT, "%." + Math.max(digits, 1) + "e", a).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            s = mantissa + "e" + Integer.parseInt(parts[1]);
        } else {
            s = new BigDecimal(a).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return (x < 0 ? MINUS : "") + s.replace("-", MINUS);
    }

    /** {@link #number}, in parentheses when negative so that it can follow an operator. */
    String operand(double x) {
        String s = number(x);
        return s.startsWith(MINUS) ? "(" + s + ")" : s;
    }

    /** Infix text of {@code e} with constants printed by {@link #number}, × for products and − for minus. */
    String display(Expr e) {
        return ExprFormat.infix(numbersAsNames(e, true)).replace("*", " × ").replace("-", MINUS);
    }

    /** Whether {@code e} must be parenthesised after × (a sum, product, quotient, negation or negative number). */
    static boolean needsParentheses(Expr e) {
        if (e instanceof BinaryExpr b && b.function() instanceof Binary op) {
            return op == Binary.ADD || op == Binary.SUB || op == Binary.MUL || op == Binary.DIV;
        }
        if (e instanceof Unary u) {
            return u.function() == Elementary.NEG;
        }
        return e instanceof Constant c && c.number() < 0;
    }

    // Constants become variables named by their rounded value; negative ones get parentheses under an operator.
    private Expr numbersAsNames(Expr e, boolean underOperator) {
        if (e instanceof Constant c) {
            return Variable.of(underOperator ? operand(c.number()) : number(c.number()), c.number());
        }
        if (e instanceof Unary u) {
            boolean op = u.function() == Elementary.NEG || u.function() instanceof Power;
            return new Unary(u.function(), numbersAsNames(u.arg(), op));
        }
        if (e instanceof BinaryExpr b) {
            boolean op = b.function() instanceof Binary f && f != Binary.ATAN2 && f != Binary.HYPOT
                    && f != Binary.MIN && f != Binary.MAX;
            return new BinaryExpr(b.function(), numbersAsNames(b.left(), op), numbersAsNames(b.right(), op));
        }
        return e;
    }

    /**
     * Generic algebraic clean-up of a derivative as the table writes it: x^1 = x, −(c) = −c, 1/x as a quotient,
     * constant factors first, 1·x = x and a·(1/b) = a/b.
     */
    static Expr tidy(Expr e) {
        if (e instanceof Unary u) {
            Expr a = tidy(u.arg());
            if (u.function() instanceof Power p && p.exponent() == 1) {
                return a;
            }
            if (u.function() == Elementary.NEG && a instanceof Constant c) {
                return Constant.of(-c.number());
            }
            if (u.function() == Elementary.RECIPROCAL) {
                return new BinaryExpr(Binary.DIV, Constant.of(1), a);
            }
            return new Unary(u.function(), a);
        }
        if (e instanceof BinaryExpr b) {
            Expr l = tidy(b.left());
            Expr r = tidy(b.right());
            if (b.function() == Binary.MUL) {
                if (r instanceof Constant && !(l instanceof Constant)) {
                    Expr t = l;
                    l = r;
                    r = t;
                }
                if (l instanceof Constant c && c.number() == 1) {
                    return r;
                }
                if (r instanceof BinaryExpr q && q.function() == Binary.DIV && q.left() instanceof Constant one
                        && one.number() == 1) {
                    return new BinaryExpr(Binary.DIV, l, q.right());
                }
            }
            return new BinaryExpr(b.function(), l, r);
        }
        return e;
    }
}
