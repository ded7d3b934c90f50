package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Prints expressions: infix text with only the parentheses that precedence requires (using that + and * associate,
 * so reading the text back gives an expression with the same value, if not always the same tree), and LaTeX. Both
 * write the expression out as a tree, so the text is as long as {@link Expr#treeSize()} says (print only expressions
 * of modest tree size); the walk keeps its own stack, so any depth is safe.
 */
public final class ExprFormat {

    private static final Map<Elementary, String> LATEX_NAMES = Map.ofEntries(
            Map.entry(Elementary.LOG, "\\ln"), Map.entry(Elementary.SIN, "\\sin"), Map.entry(Elementary.COS, "\\cos"),
            Map.entry(Elementary.TAN, "\\tan"), Map.entry(Elementary.ASIN, "\\arcsin"),
            Map.entry(Elementary.ACOS, "\\arccos"), Map.entry(Elementary.ATAN, "\\arctan"),
            Map.entry(Elementary.SINH, "\\sinh"), Map.entry(Elementary.COSH, "\\cosh"),
            Map.entry(Elementary.TANH, "\\tanh"), Map.entry(Elementary.LOG10, "\\log_{10}"),
            Map.entry(Elementary.LOG2, "\\log_{2}"));

    private ExprFormat() {
    }

    /** Infix text, e.g. {@code ln(x1) + x1*x2 - sin(x2)}. */
    public static String infix(Expr e) {
        return write(e, ExprFormat::infix);
    }

    /** LaTeX math-mode text, e.g. {@code \ln\left(x_{1}\right) + x_{1} x_{2} - \sin\left(x_{2}\right)}. */
    public static String latex(Expr e) {
        return write(e, ExprFormat::latex);
    }

    /** Writes one node: its text pieces and its operands, in reading order, into {@code out}. */
    private interface Writer {
        void write(Expr e, Out out);
    }

    /** The pieces of one node: strings, and subexpressions still to write. */
    private static final class Out {
        private final List<Object> pieces = new ArrayList<>();

        Out append(Object piece) {
            pieces.add(piece instanceof Character ? piece.toString() : piece);
            return this;
        }
    }

    /** Expands nodes into pieces with an explicit stack (no recursion), so deep expressions print too. */
    private static String write(Expr root, Writer writer) {
        StringBuilder text = new StringBuilder();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof String s) {
                text.append(s);
                continue;
            }
            Out out = new Out();
            writer.write((Expr) next, out);
            for (int i = out.pieces.size() - 1; i >= 0; i--) {
                todo.push(out.pieces.get(i));
            }
        }
        return text.toString();
    }

    /** Binding strength: 1 for + −, 2 for * / (and 1/x), 3 for unary minus, 4 for ^, 5 for atoms and calls. */
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
        if (e instanceof Unary u && u.function() == Elementary.RECIPROCAL) {
            return 2;
        }
        if (e instanceof Unary u && u.function() instanceof Power) {
            return 4;
        }
        if (e instanceof Constant c && c.number() < 0) {
            return 3;
        }
        return 5;
    }

    private static void infix(Expr e, Out out) {
        if (e instanceof Constant c) {
            out.append(number(c.number()));
        } else if (e instanceof Variable v) {
            out.append(v.name());
        } else if (e instanceof Unary u) {
            if (u.function() == Elementary.NEG) {
                out.append('-');
                child(u.arg(), 3, true, out);
            } else if (u.function() == Elementary.RECIPROCAL) {
                out.append("1/");
                child(u.arg(), 2, true, out);
            } else if (u.function() instanceof Power p) {
                child(u.arg(), 4, true, out);
                out.append('^');
                String k = number(p.exponent());
                out.append(p.exponent() < 0 ? "(" + k + ")" : k);
            } else {
                out.append(u.function().symbol()).append('(');
                out.append(u.arg());
                out.append(')');
            }
        } else if (e instanceof BinaryExpr b) {
            int p = precedence(b);
            if (p == 5) {
                out.append(b.function().symbol()).append('(');
                out.append(b.left());
                out.append(", ");
                out.append(b.right());
                out.append(')');
            } else {
                String sym = b.function().symbol();
                child(b.left(), p, p == 4, out);
                out.append(p == 1 ? " " + sym + " " : sym);
                child(b.right(), precedence(b.right()) == 3 ? 3 : p, strictRight(b), out);
            }
        }
    }

    /**
     * Whether the right operand needs parentheses at equal precedence: yes after − and / (they do not associate),
     * no after + and * (a + (b − c) = a + b − c), no after right-associative ^; a negative right operand is always
     * bracketed, to keep "x - (-y)" readable.
     */
    private static boolean strictRight(BinaryExpr b) {
        return b.function() == Binary.SUB || b.function() == Binary.DIV || precedence(b.right()) == 3;
    }

    private static void child(Expr e, int parent, boolean strict, Out out) {
        int p = precedence(e);
        boolean parens = strict ? p <= parent : p < parent;
        if (parens) {
            out.append('(');
        }
        out.append(e);
        if (parens) {
            out.append(')');
        }
    }

    private static void latex(Expr e, Out out) {
        if (e instanceof Constant c) {
            out.append(number(c.number()));
        } else if (e instanceof Variable v) {
            out.append(latexName(v.name()));
        } else if (e instanceof Unary u) {
            latexUnary(u, out);
        } else {
            BinaryExpr b = (BinaryExpr) e;
            if (b.function() == Binary.DIV) {
                out.append("\\frac{");
                out.append(b.left());
                out.append("}{");
                out.append(b.right());
                out.append('}');
            } else if (b.function() == Binary.POW) {
                latexChild(b.left(), 4, true, out);
                out.append("^{");
                out.append(b.right());
                out.append('}');
            } else if (b.function() == Binary.ADD || b.function() == Binary.SUB) {
                latexChild(b.left(), 1, false, out);
                out.append(b.function() == Binary.ADD ? " + " : " - ");
                latexChild(b.right(), latexPrecedence(b.right()) == 3 ? 3 : 1, b.function() == Binary.SUB
                        || latexPrecedence(b.right()) == 3, out);
            } else if (b.function() == Binary.MUL) {
                latexChild(b.left(), 2, false, out);
                // A number times a letter reads best juxtaposed: 2 x, not 2 \cdot x.
                boolean juxtapose = b.left() instanceof Constant && !(b.right() instanceof Constant)
                        && latexPrecedence(b.right()) >= 4;
                out.append(juxtapose ? " " : " \\cdot ");
                latexChild(b.right(), latexPrecedence(b.right()) == 3 ? 3 : 2, latexPrecedence(b.right()) == 3, out);
            } else {
                String name = b.function() == Binary.MIN ? "\\min" : b.function() == Binary.MAX ? "\\max"
                        : "\\operatorname{" + b.function().symbol() + "}";
                out.append(name).append("\\left(");
                out.append(b.left());
                out.append(", ");
                out.append(b.right());
                out.append("\\right)");
            }
        }
    }

    private static void latexUnary(Unary u, Out out) {
        if (u.function() == Elementary.NEG) {
            out.append('-');
            latexChild(u.arg(), 3, true, out);
        } else if (u.function() == Elementary.RECIPROCAL) {
            out.append("\\frac{1}{");
            out.append(u.arg());
            out.append('}');
        } else if (u.function() instanceof Power p) {
            latexChild(u.arg(), 4, true, out);
            out.append("^{").append(number(p.exponent())).append('}');
        } else if (u.function() == Elementary.SQRT) {
            out.append("\\sqrt{");
            out.append(u.arg());
            out.append('}');
        } else if (u.function() == Elementary.CBRT) {
            out.append("\\sqrt[3]{");
            out.append(u.arg());
            out.append('}');
        } else if (u.function() == Elementary.EXP) {
            out.append("e^{");
            out.append(u.arg());
            out.append('}');
        } else if (u.function() == Elementary.ABS) {
            out.append("\\left|");
            out.append(u.arg());
            out.append("\\right|");
        } else {
            String name = u.function() instanceof Elementary el && LATEX_NAMES.containsKey(el) ? LATEX_NAMES.get(el)
                    : "\\operatorname{" + u.function().symbol() + "}";
            out.append(name).append("\\left(");
            out.append(u.arg());
            out.append("\\right)");
        }
    }

    /** Like {@link #precedence} but fractions and roots are atoms in LaTeX, and e^x binds like a power. */
    private static int latexPrecedence(Expr e) {
        if (e instanceof BinaryExpr b && b.function() == Binary.DIV) {
            return 5;
        }
        if (e instanceof Unary u && (u.function() == Elementary.RECIPROCAL || u.function() == Elementary.SQRT
                || u.function() == Elementary.CBRT || u.function() == Elementary.ABS)) {
            return 5;
        }
        if (e instanceof Unary u && u.function() == Elementary.EXP) {
            return 4;
        }
        return precedence(e);
    }

    private static void latexChild(Expr e, int parent, boolean strict, Out out) {
        int p = latexPrecedence(e);
        boolean parens = strict ? p <= parent : p < parent;
        if (parens) {
            out.append("\\left(");
        }
        out.append(e);
        if (parens) {
            out.append("\\right)");
        }
    }

    /** x1 → x_{1}; one letter stays; longer names upright. */
    private static String latexName(String name) {
        int end = name.length();
        while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
            end--;
        }
        String base = name.substring(0, end);
        String digits = name.substring(end);
        String b = base.length() <= 1 ? base : "\\mathrm{" + base + "}";
        return digits.isEmpty() ? b : b + "_{" + digits + "}";
    }

    /** Integers without a decimal point; others in the shortest round-trip form. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
