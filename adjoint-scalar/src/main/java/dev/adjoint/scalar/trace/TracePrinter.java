package dev.adjoint.scalar.trace;

import static dev.adjoint.scalar.trace.Notation.BAR;
import static dev.adjoint.scalar.trace.Notation.DOT;
import static dev.adjoint.scalar.trace.Notation.MINUS;

import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Real;
import dev.adjoint.symbolic.Constant;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Unary;
import dev.adjoint.symbolic.Variable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints a {@link Trace} as the lecture's tables: the forward primal trace, the forward tangent trace and the
 * reverse adjoint trace, as plain text, Markdown tables or a Graphviz DOT graph.
 *
 * <p>Every partial derivative shown is the table row's own {@code derivative} applied to symbolic operands, so
 * the printer knows no function by name: ln gives {@code v̄₁ / v₋₁} because its row's derivative is the
 * reciprocal, sin gives {@code v̄₃ × cos(v₀)} because its row's derivative is cos.
 */
public final class TracePrinter {

    /** Output formats. */
    public enum Format {
        /** Aligned plain text in Unicode. */
        TEXT,
        /** Markdown tables. */
        MARKDOWN,
        /** A Graphviz digraph of the computational graph. */
        DOT
    }

    /** A titled table; an empty row is a horizontal rule. */
    private record Table(String title, List<String> header, List<List<String>> rows) {

        /** Drops rules that separate nothing (no steps, a constant output). */
        Table {
            List<List<String>> kept = new ArrayList<>();
            for (List<String> row : rows) {
                boolean rule = row.isEmpty();
                if (!rule || (!kept.isEmpty() && !kept.get(kept.size() - 1).isEmpty())) {
                    kept.add(row);
                }
            }
            if (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
                kept.remove(kept.size() - 1);
            }
            rows = List.copyOf(kept);
        }
    }

    private final Format format;
    private final Notation notation;

    private TracePrinter(Format format, int digits) {
        this.format = format;
        this.notation = new Notation(digits);
    }

    /** A printer for {@code format} showing values to {@code digits} decimals (0 to 17). */
    public static TracePrinter of(Format format, int digits) {
        return new TracePrinter(format, digits);
    }

    /** The forward primal trace alone. */
    public String primal(Trace t) {
        return format == Format.DOT ? graph(t, null, null) : render(List.of(primalTable(t)));
    }

    /** The forward primal trace and the tangent trace for {@code d} (a graph with tangents for DOT). */
    public String forward(Trace t, Tangents d) {
        return format == Format.DOT ? graph(t, d, null) : render(List.of(primalTable(t), tangentTable(t, d)));
    }

    /** The forward evaluation trace and the reverse adjoint trace for {@code a} (a graph with adjoints for DOT). */
    public String reverse(Trace t, Adjoints a) {
        return format == Format.DOT ? graph(t, null, a) : render(List.of(primalTable(t), adjointTable(t, a)));
    }

    /** One line describing the step, e.g. {@code v₁ = ln(v₋₁) = ln(−2) = NaN}. */
    public String describe(Trace t, Step s) {
        return nfc(Notation.v(s.id(), "") + " = " + definition(s, false) + " = " + definition(s, true) + " = "
                + notation.number(s.value()));
    }

    /** One line for an operation on constants alone (which folds instead of being a step), e.g. {@code 1e308 × 10 = ∞}. */
    public String describeConstant(Step s) {
        return nfc(definition(s, true) + " = " + notation.number(s.value()));
    }

    // ---- tables ----

    private Table primalTable(Trace t) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.inputCount(); i++) {
            rows.add(List.of(Notation.v(t.inputId(i), ""), Notation.input(t.inputNames().get(i), ""), "",
                    notation.number(t.valueOf(t.inputId(i)))));
        }
        rows.add(List.of());
        for (Step s : t.steps()) {
            rows.add(List.of(Notation.v(s.id(), ""), definition(s, false), definition(s, true),
                    notation.number(s.value())));
        }
        rows.add(List.of());
        rows.add(List.of("y", t.output().literal() ? "" : Notation.v(t.output().id(), ""), "",
                notation.number(t.value())));
        return new Table(t.inputCount() == 0 ? "Evaluation trace" : "Forward primal trace",
                List.of("node", "definition", "with values", "value"), rows);
    }

    private Table tangentTable(Trace t, Tangents d) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.inputCount(); i++) {
            int id = t.inputId(i);
            rows.add(List.of(Notation.v(id, DOT), Notation.input(t.inputNames().get(i), DOT), "",
                    notation.number(d.of(id))));
        }
        rows.add(List.of());
        for (Step s : t.steps()) {
            rows.add(List.of(Notation.v(s.id(), DOT), tangentSum(s, id -> Notation.v(id, DOT), false),
                    tangentSum(s, id -> notation.operand(d.of(id)), true), notation.number(d.of(s.id()))));
        }
        rows.add(List.of());
        rows.add(List.of("y" + DOT, t.output().literal() ? "" : Notation.v(t.output().id(), DOT), "",
                notation.number(d.output())));
        return new Table("Forward tangent (derivative) trace, " + seedText(t, d),
                List.of("tangent", "rule", "with values", "value"), rows);
    }

    private Table adjointTable(Trace t, Adjoints a) {
        List<List<String>> rows = new ArrayList<>();
        if (!t.output().literal()) {
            rows.add(List.of(Notation.v(t.output().id(), BAR), "y" + BAR, "", "1"));
            rows.add(List.of());
        }
        for (Adjoints.Update u : a.updates()) {
            Step s = t.steps().get(u.step() - 1);
            String target = Notation.v(u.target(), BAR);
            String prefix = u.accumulate() ? target + " + " : "";
            String partial = "∂" + Notation.v(s.id(), "") + "/∂" + Notation.v(u.target(), "");
            rows.add(List.of(target, prefix + Notation.v(s.id(), BAR) + " " + partial,
                    prefix + product(Notation.v(s.id(), BAR), s.derivative(u.operand(), symbols(s, false)), false),
                    notation.number(u.value())));
        }
        rows.add(List.of());
        for (int i = 0; i < t.inputCount(); i++) {
            int id = t.inputId(i);
            rows.add(List.of(Notation.input(t.inputNames().get(i), BAR), Notation.v(id, BAR), "",
                    notation.number(a.of(id))));
        }
        return new Table("Reverse adjoint trace, y" + BAR + " = 1", List.of("adjoint", "rule", "with partials",
                "value"), rows);
    }

    private String seedText(Trace t, Tangents d) {
        double[] seed = d.seed();
        int ones = 0;
        int at = -1;
        for (int i = 0; i < seed.length; i++) {
            if (seed[i] == 1) {
                ones++;
                at = i;
            } else if (seed[i] != 0) {
                ones = -seed.length;
            }
        }
        if (ones == 1) {
            return Notation.input(t.inputNames().get(at), DOT) + " = 1";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < seed.length; i++) {
            parts.add(Notation.input(t.inputNames().get(i), DOT) + " = " + notation.number(seed[i]));
        }
        return String.join(", ", parts);
    }

    // ---- one step ----

    /** The step's operands as expressions: symbolic nodes v_id (or their values) and literal constants. */
    private static List<Expr> symbols(Step s, boolean values) {
        List<Expr> args = new ArrayList<>();
        for (Operand o : s.operands()) {
            args.add(o.literal() || values ? Constant.of(o.value()) : Variable.of(Notation.v(o.id(), ""), o.value()));
        }
        return args;
    }

    private String definition(Step s, boolean values) {
        return notation.display((Expr) s.apply(symbols(s, values)));
    }

    /** Σ v̇ⱼ ∂vₖ/∂vⱼ over the step's node operands, each term written by {@link #product}. */
    private String tangentSum(Step s, IntFunction<String> factor, boolean values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.operands().size(); i++) {
            Operand o = s.operands().get(i);
            if (o.literal()) {
                continue;
            }
            String term = product(factor.apply(o.id()), s.derivative(i, symbols(s, values)), true);
            if (b.length() == 0) {
                b.append(term);
            } else if (term.startsWith(MINUS)) {
                b.append(" ").append(MINUS).append(" ").append(term.substring(MINUS.length()));
            } else {
                b.append(" + ").append(term);
            }
        }
        return b.toString();
    }

    /**
     * {@code factor} times a partial derivative: "f / x" for a reciprocal, "f × p" otherwise; in a sum of tangents a
     * partial of ±1 is left out as the lecture does (v̇₁ + v̇₂, v̇₄ − v̇₃).
     */
    private String product(String factor, Real partial, boolean inSum) {
        Expr p = (Expr) partial;
        if (p instanceof Unary u && u.function() == Elementary.RECIPROCAL) {
            Expr x = Notation.tidy(u.arg());
            String d = notation.display(x);
            return factor + " / " + (Notation.needsParentheses(x) && !(x instanceof Constant) ? "(" + d + ")" : d);
        }
        Expr tidy = Notation.tidy(p);
        if (inSum && tidy instanceof Constant c && Math.abs(c.number()) == 1) {
            return c.number() > 0 ? factor : MINUS + factor;
        }
        String d = notation.display(tidy);
        return factor + " × " + (Notation.needsParentheses(tidy) && !(tidy instanceof Constant) ? "(" + d + ")" : d);
    }

    // ---- rendering ----

    private String render(List<Table> tables) {
        StringBuilder out = new StringBuilder();
        for (Table table : tables) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (format == Format.MARKDOWN) {
                markdown(table, out);
            } else {
                text(table, out);
            }
        }
        return nfc(out.toString());
    }

    /** Composed characters where Unicode has them (ẏ, ȳ, x̄ stays two code points), so output compares simply. */
    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static void text(Table table, StringBuilder out) {
        out.append(table.title()).append('\n');
        int[] width = new int[4];
        for (List<String> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], width(row.get(c)));
            }
        }
        int total = 2 + width[0];
        for (int c = 1; c < 4; c++) {
            total += width[c] > 0 ? width[c] + 3 : 0;
        }
        for (List<String> row : table.rows()) {
            StringBuilder line = new StringBuilder("  ");
            if (row.isEmpty()) {
                line.append("─".repeat(Math.max(total - 2, 3)));
            } else {
                line.append(pad(row.get(0), width[0]));
                for (int c = 1; c < 4; c++) {
                    if (width[c] == 0) {
                        continue;
                    }
                    line.append(row.get(c).isEmpty() ? "   " : " = ").append(pad(row.get(c), width[c]));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static void markdown(Table table, StringBuilder out) {
        out.append("**").append(table.title()).append("**\n\n");
        out.append("| ").append(String.join(" | ", table.header())).append(" |\n");
        out.append("|---|---|---|---:|\n");
        for (List<String> row : table.rows()) {
            if (!row.isEmpty()) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
    }

    /** Display width: combining marks (the dot and bar over v) take no column. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                w++;
            }
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - width(s));
    }

    // ---- graph ----

    private String graph(Trace t, Tangents d, Adjoints a) {
        StringBuilder out = new StringBuilder("digraph trace {\n  rankdir=LR;\n"
                + "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (int i = 0; i < t.inputCount(); i++) {
            int id = t.inputId(i);
            String label = Notation.v(id, "") + " = " + Notation.input(t.inputNames().get(i), "") + "\n"
                    + notation.number(t.valueOf(id)) + annotations(id, d, a);
            out.append("  ").append(nodeId(id)).append(" [shape=ellipse, label=").append(quote(label)).append("];\n");
        }
        for (Step s : t.steps()) {
            String label = Notation.v(s.id(), "") + " = " + definition(s, false) + "\n" + notation.number(s.value())
                    + annotations(s.id(), d, a);
            out.append("  ").append(nodeId(s.id())).append(" [label=").append(quote(label)).append("];\n");
            for (int i = 0; i < s.operands().size(); i++) {
                Operand o = s.operands().get(i);
                if (!o.literal()) {
                    String partial = "∂" + Notation.v(s.id(), "") + "/∂" + Notation.v(o.id(), "") + " = "
                            + notation.number(s.partials().get(i));
                    out.append("  ").append(nodeId(o.id())).append(" -> ").append(nodeId(s.id()))
                            .append(" [label=").append(quote(partial)).append("];\n");
                }
            }
        }
        out.append("  y [shape=doublecircle, label=").append(quote("y\n" + notation.number(t.value()))).append("];\n");
        if (!t.output().literal()) {
            out.append("  ").append(nodeId(t.output().id())).append(" -> y;\n");
        }
        return nfc(out.append("}\n").toString());
    }

    private String annotations(int id, Tangents d, Adjoints a) {
        String s = "";
        if (d != null) {
            s += "\n" + Notation.v(id, DOT) + " = " + notation.number(d.of(id));
        }
        if (a != null) {
            s += "\n" + Notation.v(id, BAR) + " = " + notation.number(a.of(id));
        }
        return s;
    }

    private static String nodeId(int id) {
        return id < 0 ? "v_m" + (-id) : "v" + id;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
