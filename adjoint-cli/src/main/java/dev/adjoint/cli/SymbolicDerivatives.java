package dev.adjoint.cli;

import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.ExprFormat;
import dev.adjoint.symbolic.Parser;
import dev.adjoint.symbolic.Simplifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code diff --symbolic}: the simplified symbolic partial derivatives of an expression, as text and LaTeX. */
final class SymbolicDerivatives {

    /** Largest tree printed; beyond it only the sizes are shown. */
    static final long PRINT_LIMIT = 5000;

    /** One partial derivative: its variable and simplified expression. */
    record Partial(String variable, Expr derivative) {

        /** Infix text, or a note with the sizes when the tree is too large to print. */
        String infix() {
            return printable() ? ExprFormat.infix(derivative) : tooLarge();
        }

        /** LaTeX, or the same note. */
        String latex() {
            return printable() ? ExprFormat.latex(derivative) : tooLarge();
        }

        private boolean printable() {
            try {
                return derivative.treeSize() <= PRINT_LIMIT;
            } catch (ArithmeticException overflow) {
                return false;
            }
        }

        private String tooLarge() {
            return "(too large to print: " + derivative.dagSize() + " distinct nodes)";
        }
    }

    private SymbolicDerivatives() {
    }

    /** ∂/∂v of the expression {@code text}, simplified, for each variable v. */
    static List<Partial> of(String text, List<String> variables) {
        Expr e = Parser.parse(text);
        List<Partial> partials = new ArrayList<>();
        for (String v : variables) {
            partials.add(new Partial(v, Simplifier.simplify(e.derivative(v))));
        }
        return partials;
    }

    /** The partials as text lines under the gradient. */
    static void print(PrintWriter out, List<Partial> partials) {
        for (int i = 0; i < partials.size(); i++) {
            Partial p = partials.get(i);
            out.println((i == 0 ? "symbolic  " : "          ") + "∂f/∂" + p.variable() + " = " + p.infix());
            out.println("          " + " ".repeat(p.variable().length() + 4) + "LaTeX: " + p.latex());
        }
    }

    /** {@code json} with a "symbolic" object {variable: infix} added before its closing brace. */
    static String addToJson(String json, List<Partial> partials) {
        StringBuilder b = new StringBuilder(json.substring(0, json.lastIndexOf('}')));
        b.append(", \"symbolic\": {");
        for (int i = 0; i < partials.size(); i++) {
            b.append(i > 0 ? ", " : "").append(quote(partials.get(i).variable())).append(": ")
                    .append(quote(partials.get(i).infix()));
        }
        return b.append("}}").toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
