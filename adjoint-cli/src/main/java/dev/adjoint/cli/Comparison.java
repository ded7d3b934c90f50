package dev.adjoint.cli;

import dev.adjoint.numeric.FiniteDifferences;
import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.numeric.Stopwatch;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Simplifier;
import dev.adjoint.symbolic.Variable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The four ways to a derivative, on one function at one point, side by side: manual (a hand-written formula, when
 * there is one), numerical (forward, central and Richardson differences), symbolic (differentiate the expression,
 * simplify, evaluate) and automatic (forward and reverse mode). Each gives its derivative, its error against the
 * most exact reference available, its time per call and what it costs in evaluations or operations.
 */
final class Comparison {

    /**
     * What is compared.
     *
     * @param title      one line naming the function
     * @param f          the program
     * @param variables  input names, in order
     * @param point      where to differentiate
     * @param manual     a hand-written gradient, or null
     * @param exact      the exact gradient when known (else reverse-mode AD is the reference), or null
     * @param exactLabel how the exact gradient was obtained
     */
    record Subject(String title, RealFunction f, List<String> variables, double[] point, UnaryOperator<double[]> manual,
                   BigDecimal[] exact, String exactLabel) {
    }

    /** One way to the derivative and what it cost. */
    record Method(String name, double[] derivative, double error, double seconds, String cost) {
    }

    private Comparison() {
    }

    /** Runs every method on the subject, timing each with batches of {@code minBatchSeconds}. */
    static List<Method> run(Subject s, double minBatchSeconds) {
        RealFunction f = s.f();
        double[] x = s.point();
        int n = x.length;
        List<Method> methods = new ArrayList<>();
        Tape tape = Tape.create();
        Real y = f.apply(tape.variables(x));
        int operations = tape.size();
        double[] reverse = Derivatives.gradient(f, Mode.REVERSE, x).gradient();
        BigDecimal[] reference = s.exact() != null ? s.exact() : exact(reverse);
        if (y.value() != y.value()) {
            throw new ArithmeticException("f is NaN at the point; choose a point inside its domain");
        }

        if (s.manual() != null) {
            UnaryOperator<double[]> manual = s.manual();
            methods.add(method("manual (by hand)", manual.apply(x.clone()), reference,
                    Stopwatch.secondsPerCall(() -> manual.apply(x), minBatchSeconds), "hand-written formula"));
        }
        ToDoubleFunction<double[]> values = FiniteDifferences.values(f);
        for (Scheme scheme : new Scheme[] {Scheme.FORWARD, Scheme.CENTRAL, Scheme.RICHARDSON}) {
            long[] count = {0};
            double[] fd = FiniteDifferences.gradient(p -> {
                count[0]++;
                return values.applyAsDouble(p);
            }, x, scheme);
            double seconds = Stopwatch.secondsPerCall(() -> FiniteDifferences.gradient(values, x, scheme),
                    minBatchSeconds);
            String name = scheme == Scheme.RICHARDSON ? "Richardson differences"
                    : scheme.name().toLowerCase() + " differences";
            methods.add(method(name, fd, reference, seconds, count[0] + " evaluations of f"));
        }

        Real[] symbols = new Real[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = Variable.of(s.variables().get(i), x[i]);
        }
        Expr e = n == 0 ? null : (Expr) f.apply(symbols);
        Expr[] partials = new Expr[n];
        long rawDag = 0;
        long dag = 0;
        for (int i = 0; i < n; i++) {
            Expr raw = e.derivative(s.variables().get(i));
            partials[i] = Simplifier.simplify(raw);
            rawDag += raw.dagSize();
            dag += partials[i].dagSize();
        }
        Map<String, Double> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            at.put(s.variables().get(i), x[i]);
        }
        methods.add(method("symbolic (simplified)", evaluate(partials, at), reference,
                Stopwatch.secondsPerCall(() -> evaluate(partials, at), minBatchSeconds),
                dag + (dag == 1 ? " node" : " nodes") + " (" + rawDag + " before simplifying)"));

        methods.add(method("forward AD (dual numbers)", Derivatives.gradient(f, Mode.FORWARD, x).gradient(),
                reference, Stopwatch.secondsPerCall(() -> Derivatives.gradient(f, Mode.FORWARD, x), minBatchSeconds),
                "1 pass, " + n + (n == 1 ? " tangent" : " tangents") + ", " + operations
                        + (operations == 1 ? " op" : " ops")));
        methods.add(method("reverse AD (tape)", reverse, reference,
                Stopwatch.secondsPerCall(() -> Derivatives.gradient(f, Mode.REVERSE, x), minBatchSeconds),
                operations + (operations == 1 ? " op" : " ops") + " recorded, 1 sweep"));
        return methods;
    }

    private static double[] evaluate(Expr[] partials, Map<String, Double> at) {
        double[] g = new double[partials.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = partials[i].evaluate(at);
        }
        return g;
    }

    private static BigDecimal[] exact(double[] g) {
        BigDecimal[] b = new BigDecimal[g.length];
        for (int i = 0; i < g.length; i++) {
            b[i] = Double.isFinite(g[i]) ? new BigDecimal(g[i]) : null;
        }
        return b;
    }

    /** The largest |gᵢ − referenceᵢ|, computed exactly before rounding to a double. */
    private static Method method(String name, double[] g, BigDecimal[] reference, double seconds, String cost) {
        double error = 0;
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i]) || reference[i] == null) {
                error = Double.NaN;
                break;
            }
            error = Math.max(error, new BigDecimal(g[i]).subtract(reference[i]).abs().doubleValue());
        }
        return new Method(name, g, error, seconds, cost);
    }

    /** Prints the subject and one row per method. */
    static void print(PrintWriter out, Subject s, List<Method> methods) {
        out.println(s.title());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.point().length; i++) {
            parts.add(s.variables().get(i) + " = " + Numbers.plain(s.point()[i]));
        }
        out.println("at " + String.join(", ", parts) + "; errors against "
                + (s.exact() != null ? s.exactLabel() : "reverse-mode AD (exact up to rounding)"));
        out.println();
        String head = s.point().length == 1 ? "df/d" + s.variables().get(0)
                : "gradient (" + String.join(", ", s.variables()) + ")";
        int width = Math.max(24, head.length());
        List<String> values = new ArrayList<>();
        for (Method m : methods) {
            String v = vector(m.derivative());
            values.add(v);
            width = Math.max(width, v.length());
        }
        out.printf("%-26s %-" + width + "s %10s %11s  %s%n", "method", head, "|error|", "time/call", "cost");
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            out.printf("%-26s %-" + width + "s %10s %11s  %s%n", m.name(), values.get(i), error(m.error()),
                    Stopwatch.format(m.seconds()), m.cost());
        }
    }

    private static String error(double e) {
        return Double.isNaN(e) ? "—" : e == 0 ? "0" : String.format("%.1e", e);
    }

    private static String vector(double[] g) {
        if (g.length == 1) {
            return Double.toString(g[0]);
        }
        List<String> parts = new ArrayList<>();
        for (double v : g) {
            parts.add(Double.toString(v));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
