package dev.adjoint.symbolic;

import dev.adjoint.numeric.Stopwatch;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Expression swell on the lecture's logistic map lₙ₊₁ = 4lₙ(1 − lₙ): for each n, the size of lₙ and of its symbolic
 * derivative as a tree (exponential in n) and as a DAG (linear), before and after simplification, against the
 * number of operations AD records (linear), and the time to evaluate each.
 *
 * <p>Tree sizes are counted with memoisation, never by expanding trees; a tree is evaluated node by node (with no
 * sharing) only while it has at most {@link #TREE_EVALUATION_LIMIT} nodes.
 */
public final class SwellStudy {

    /** Largest tree that is evaluated without sharing to time it. */
    public static final long TREE_EVALUATION_LIMIT = 300_000;

    /** Largest raw derivative DAG that is simplified. */
    public static final long SIMPLIFY_LIMIT = 200_000;

    private SwellStudy() {
    }

    /**
     * One n. Sizes are node counts; −1 means "not computed" (too large, or over 2⁶³). Times are seconds per
     * evaluation of the derivative at x, NaN when not measured.
     *
     * @param n                 the index of lₙ
     * @param expressionTree    lₙ as a tree
     * @param expressionDag     lₙ as a DAG
     * @param derivativeTree    dlₙ/dx as built by the chain rule, as a tree
     * @param derivativeDag     the same derivative as a DAG
     * @param simplifiedTree    the simplified derivative as a tree
     * @param simplifiedDag     the simplified derivative as a DAG
     * @param tapeOperations    operations reverse-mode AD records for lₙ (the variable included)
     * @param symbolicValue     the symbolic derivative evaluated at x
     * @param adValue           the reverse-mode AD derivative at x
     * @param treeSeconds       evaluating the derivative as a tree (no sharing)
     * @param dagSeconds        evaluating the derivative as a DAG (each node once)
     * @param forwardSeconds    forward-mode AD (one pass with a dual number)
     * @param reverseSeconds    reverse-mode AD (record and sweep)
     */
    public record Row(int n, long expressionTree, long expressionDag, long derivativeTree, long derivativeDag,
                      long simplifiedTree, long simplifiedDag, int tapeOperations, double symbolicValue,
                      double adValue, double treeSeconds, double dagSeconds, double forwardSeconds,
                      double reverseSeconds) {

        /** The row as a line of {@link #header()}'s table. */
        public String format() {
            return String.format("%3d %10s %7s %10s %7s %10s %7s %7d %11s %11s %11s %11s", n, size(expressionTree),
                    size(expressionDag), size(derivativeTree), size(derivativeDag), size(simplifiedTree),
                    size(simplifiedDag), tapeOperations, Stopwatch.format(treeSeconds),
                    Stopwatch.format(dagSeconds), Stopwatch.format(forwardSeconds),
                    Stopwatch.format(reverseSeconds));
        }
    }

    /** The table header matching {@link Row#format()}. */
    public static String header() {
        return String.format("%3s %10s %7s %10s %7s %10s %7s %7s %11s %11s %11s %11s%n%3s %10s %7s %10s %7s %10s %7s"
                        + " %7s %11s %11s %11s %11s", "", "l_n", "", "dl_n/dx", "", "simplified", "", "AD",
                "eval d/dx:", "", "", "", "n", "tree", "DAG", "tree", "DAG", "tree", "DAG", "tape", "sym tree",
                "sym DAG", "forward AD", "reverse AD");
    }

    /** A size as printed in the table: exact up to 10⁹, then in scientific notation; "—" when unknown. */
    public static String size(long s) {
        if (s < 0) {
            return "—";
        }
        return s < 1_000_000_000L ? Long.toString(s) : String.format("%.2e", (double) s);
    }

    /** Runs n = 1 … maxN at x, timing batches of at least {@code minBatchSeconds}, reporting each row when done. */
    public static List<Row> run(int maxN, double x, double minBatchSeconds, Consumer<Row> progress) {
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= maxN; n++) {
            Row r = row(n, x, minBatchSeconds);
            rows.add(r);
            progress.accept(r);
        }
        return rows;
    }

    /** The measurements for one n. */
    public static Row row(int n, double x, double minBatchSeconds) {
        RealFunction f = LogisticMap.iterate(n);
        Expr l = (Expr) f.apply(new Real[] {Variable.of("x", x)});
        Expr d = l.derivative("x");
        long derivativeDag = d.dagSize();
        Expr s = derivativeDag <= SIMPLIFY_LIMIT ? Simplifier.simplify(d) : null;
        long derivativeTree = treeSizeOrMinusOne(d);
        Tape tape = Tape.create();
        double ad = reverse(f, tape, x);
        int operations = tape.size();
        Map<String, Double> at = Map.of("x", x);
        double treeSeconds = derivativeTree >= 0 && derivativeTree <= TREE_EVALUATION_LIMIT
                ? Stopwatch.secondsPerCall(() -> d.evaluate(at, new NoMemo()), minBatchSeconds) : Double.NaN;
        double dagSeconds = Stopwatch.secondsPerCall(() -> d.evaluate(at), minBatchSeconds);
        double forwardSeconds = Stopwatch.secondsPerCall(() -> ((Dual) f.apply(new Real[] {Dual.variable(x)}))
                .tangent(), minBatchSeconds);
        double reverseSeconds = Stopwatch.secondsPerCall(() -> reverse(f, tape, x), minBatchSeconds);
        return new Row(n, treeSizeOrMinusOne(l), l.dagSize(), derivativeTree, derivativeDag,
                s == null ? -1 : treeSizeOrMinusOne(s), s == null ? -1 : s.dagSize(), operations, d.evaluate(at), ad,
                treeSeconds, dagSeconds, forwardSeconds, reverseSeconds);
    }

    private static long treeSizeOrMinusOne(Expr e) {
        try {
            return e.treeSize();
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    private static double reverse(RealFunction f, Tape tape, double x) {
        tape.clear();
        Var v = tape.variable(x);
        Var y = (Var) f.apply(new Real[] {v});
        tape.backward(y);
        return tape.adjoint(v);
    }

    /** A memo that remembers nothing, so evaluation visits every path: the cost of the expression as a tree. */
    private static final class NoMemo extends AbstractMap<Expr, Double> {
        @Override
        public Double get(Object key) {
            return null;
        }

        @Override
        public Double put(Expr key, Double value) {
            return null;
        }

        @Override
        public Set<Entry<Expr, Double>> entrySet() {
            return Set.of();
        }
    }
}
