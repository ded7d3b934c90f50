package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;

/** Prints expressions as infix text with only the parentheses that precedence requires. */
public final class ExprFormat {

    private ExprFormat() {
    }

    /** Infix text, e.g. {@code ln(x1) + x1*x2 - sin(x2)}. */
    public static String infix(Expr e) {
        StringBuilder out = new StringBuilder();
        infix(e, out);
        return out.toString();
    }

    /** Binding strength: 1 for + −, 2 for * /, 3 for unary minus, 4 for ^, 5 for atoms and calls. */
    static int precedence(Expr e) {
        if (e instanceof BinaryExpr b && b.function() instanceof Binary op) {
            switch (op) {
                case ADD: case SUB: return 1;
                case MUL: case DIV: return 2;
                case POW: return 4;
                default: return 5;
            }
        }
        if (e instanceof Unary u && u.function() == Elementary.NEG) {
            return 3;
        }
        if (e instanceof Unary u && u.function() instanceof Power) {
            return 4;
        }
        if (e instanceof Constant c && c.number() < 0) {
            return 3;
        }
        return 5;
    }

    private static void infix(Expr e, StringBuilder out) {
        if (e instanceof Constant c) {
            out.append(number(c.number()));
        } else if (e instanceof Variable v) {
            out.append(v.name());
        } else if (e instanceof Unary u) {
            if (u.function() == Elementary.NEG) {
                out.append('-');
                child(u.arg(), 3, true, out);
            } else if (u.function() instanceof Power p) {
                child(u.arg(), 4, true, out);
                out.append('^').append(number(p.exponent()));
            } else {
                out.append(u.function().symbol()).append('(');
                infix(u.arg(), out);
                out.append(')');
            }
        } else if (e instanceof BinaryExpr b) {
            int p = precedence(b);
            if (p == 5) {
                out.append(b.function().symbol()).append('(');
                infix(b.left(), out);
                out.append(", ");
                infix(b.right(), out);
                out.append(')');
            } else {
                String sym = b.function().symbol();
                // ^ is right-associative; + and * associative on the left; - and / need parentheses on the right.
                child(b.left(), p, p == 4, out);
                out.append(p == 1 ? " " + sym + " " : sym);
                child(b.right(), p, p != 4, out);
            }
        }
    }

    private static void child(Expr e, int parent, boolean strict, StringBuilder out) {
        int p = precedence(e);
        boolean parens = strict ? p <= parent : p < parent;
        if (parens) {
            out.append('(');
        }
        infix(e, out);
        if (parens) {
            out.append(')');
        }
    }

    /** Integers without a decimal point; others in the shortest round-trip form. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
