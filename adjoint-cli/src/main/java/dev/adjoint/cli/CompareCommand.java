package dev.adjoint.cli;

import dev.adjoint.numeric.CostStudy;
import dev.adjoint.numeric.StepSizeStudy;
import dev.adjoint.numeric.Stopwatch;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.LogisticMap;
import dev.adjoint.symbolic.Parser;
import dev.adjoint.symbolic.SwellStudy;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.adjoint.scalar.trace.Trace;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint compare}: manual, numerical and symbolic differentiation side by side with AD, measured. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares the four ways to a derivative (manual, finite differences, symbolic, AD) on the"
            + " lecture's examples, or on EXPR at --at: values, errors, time and cost in one table. Then shows why"
            + " AD wins: the finite-difference error against the step h, expression swell of symbolic derivatives"
            + " (l(n+1) = 4 l(n)(1 - l(n))), and the cost of a gradient as the number of inputs grows (Rosenbrock).",
            "Writes three PNG plots into --out and prints their paths.",
            "Examples: adjoint compare",
            "          adjoint compare \"x^2*sin(x)\" --at x=1.5 --manual \"2*x*sin(x) + x^2*cos(x)\""})
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPR",
            description = "Expression to compare on (default: the lecture's examples).")
    String expression;

    @Option(names = "--at", split = ",", paramLabel = "NAME=VALUE",
            description = "The point, e.g. x1=2,x2=5 (with no EXPR: x=VALUE moves the logistic example, default"
                + " x=0.3).")
    Map<String, String> at = new LinkedHashMap<>();

    @Option(names = "--manual", paramLabel = "EXPR",
            description = "A hand-written partial derivative, one per variable in --at order, checked like the"
                + " other methods.")
    List<String> manual = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "adjoint-out/compare",
            description = "Directory for the PNG plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "30",
            description = "Largest n of the swell study (default: ${DEFAULT-VALUE}).")
    int maxN;

    @Option(names = "--max-dim", paramLabel = "N", defaultValue = "10000",
            description = "Largest number of inputs in the gradient-cost study, from 10 (default: ${DEFAULT-VALUE}).")
    int maxDim;

    /** Timing batches: long enough to measure, short enough to finish the whole command in seconds. */
    static final double BATCH_SECONDS = 0.01;

    @Override
    public Integer call() {
        if (maxN < 1 || maxN > 60) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-n must be between 1 and 60");
        }
        if (maxDim < 10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-dim must be at least 10");
        }
        long start = System.nanoTime();
        PrintWriter w = spec.commandLine().getOut();
        List<Comparison.Subject> subjects = expression == null ? lectureSubjects() : List.of(userSubject());
        w.println("Four ways to a derivative: manual, numerical (finite differences), symbolic, automatic (AD).");
        for (Comparison.Subject s : subjects) {
            w.println();
            Comparison.print(w, s, Comparison.run(s, BATCH_SECONDS));
            w.flush();
        }

        Comparison.Subject first = subjects.get(0);
        String along = first.variables().get(0);
        double x0 = first.point()[0];
        DoubleUnaryOperator line = line(first);
        double exact = first.exact() != null ? first.exact()[0].doubleValue()
                : dev.adjoint.scalar.Derivatives.gradient(first.f(), first.point()).gradient()[0];
        w.println();
        w.println("Numerical differentiation: error against the step h (" + (first.point().length > 1
                ? "∂f/∂" + along + " of " : "") + firstLine(first.title()) + " at " + along + " = "
                + Numbers.plain(x0) + ")");
        w.println("Truncation error shrinks like h^order until round-off, growing like eps/h, takes over.");
        w.println();
        w.print(StepSizeStudy.of(line, x0, exact, StepSizeStudy.DEFAULT_SCHEMES, StepSizeStudy.steps(1)).table());
        StepSizeStudy fine = StepSizeStudy.of(line, x0, exact, StepSizeStudy.DEFAULT_SCHEMES, StepSizeStudy.steps(4));

        w.println();
        w.println("Symbolic differentiation: expression swell on l(n+1) = 4 l(n) (1 - l(n)), l1 = x, at x = "
                + Numbers.plain(swellPoint()));
        w.println("Sizes in nodes (trees counted with memoisation, never expanded); times per evaluation of dl_n/dx;"
                + " '—' = too large.");
        w.println();
        w.println(SwellStudy.header());
        w.flush();
        List<SwellStudy.Row> swell = SwellStudy.run(maxN, swellPoint(), BATCH_SECONDS / 5, r -> {
            w.println(r.format());
            w.flush();
        });
        SwellStudy.Row last = swell.get(swell.size() - 1);
        w.println("At n = " + last.n() + " the derivative is " + SwellStudy.size(last.derivativeTree())
                + " nodes as a tree but " + last.derivativeDag() + " as a DAG; reverse AD does 3 operations per"
                + " step, and its tape holds " + last.tapeOperations() + " entr" + (last.tapeOperations() == 1 ? "y"
                : "ies") + " (a chain in one variable is folded into a scale as it runs).");

        w.println();
        List<Integer> dims = new ArrayList<>();
        for (int n : CostStudy.DEFAULT_DIMENSIONS) {
            if (n <= maxDim) {
                dims.add(n);
            }
        }
        if (dims.get(dims.size() - 1) != maxDim) {
            dims.add(maxDim);
        }
        w.println("Cost of a full gradient of Rosenbrock as the number of inputs n grows (each row appears when"
                + " measured; the largest n takes a few seconds):");
        w.println();
        w.println(CostStudy.header());
        w.flush();
        List<CostStudy.Row> cost = CostStudy.run(dims, BATCH_SECONDS * 2, r -> {
            w.println(r.format());
            w.flush();
        });
        CostStudy.Row big = cost.get(cost.size() - 1);
        w.printf("At n = %d forward differences need %d evaluations of f and take %s; reverse mode takes %s"
                + " (%.0f× faster).%n", big.n(), big.fdEvaluations(), Stopwatch.format(big.fdSeconds()),
                Stopwatch.format(big.reverseSeconds()), big.fdSeconds() / big.reverseSeconds());

        w.println();
        w.println("Plots:");
        w.println("  " + Plots.stepSize(out, fine, firstLine(first.title())).toAbsolutePath());
        w.println("  " + Plots.swell(out, swell).toAbsolutePath());
        w.println("  " + Plots.cost(out, cost).toAbsolutePath());
        w.printf("%nDone in %.1f s.%n", (System.nanoTime() - start) * 1e-9);
        w.flush();
        return 0;
    }

    /** The lecture's point for the logistic map, or x from --at. */
    private double swellPoint() {
        return expression == null && at.containsKey("x") ? lecturePoint() : 0.3;
    }

    private double lecturePoint() {
        if (!at.containsKey("x")) {
            return 0.3;
        }
        Problem p = Problem.of(spec, "x", Map.of("x", at.get("x")));
        return p.point()[0];
    }

    private List<Comparison.Subject> lectureSubjects() {
        for (String name : at.keySet()) {
            if (!name.equals("x")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "without EXPR, --at only moves the"
                        + " logistic example's x (got " + name + ")");
            }
        }
        if (!manual.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--manual needs an EXPR to compare on");
        }
        double x = lecturePoint();
        Comparison.Subject logistic = new Comparison.Subject(
                "f(x) = l4, with l1 = x, l(n+1) = 4 l(n) (1 - l(n)): the lecture's example\n"
                        + "       = 64x(1-x)(1-2x)^2(1-8x+8x^2)^2; manual = the slide's hand-written f'(x)",
                LogisticMap.iterate(4), List.of("x"), new double[] {x},
                p -> new double[] {LogisticMap.manualDerivative(p[0])},
                new BigDecimal[] {LogisticMap.exactDerivative(4, x)}, "the exact derivative (rational arithmetic)");
        RealFunction worked = v -> v[0].log().add(v[0].mul(v[1])).sub(v[1].sin());
        Comparison.Subject traces = new Comparison.Subject(
                "y = ln(x1) + x1*x2 - sin(x2): the lecture's worked example; manual = (1/x1 + x2, x1 - cos(x2))",
                worked, List.of("x1", "x2"), new double[] {2, 5},
                p -> new double[] {1 / p[0] + p[1], p[0] - Math.cos(p[1])}, null, null);
        return List.of(logistic, traces);
    }

    private Comparison.Subject userSubject() {
        Problem p = Problem.of(spec, expression, at);
        if (p.variables().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "EXPR has no variables, so there is no"
                    + " derivative to compare; write one and give its value with --at, e.g. --at x=1");
        }
        Trace trace = p.trace();
        Optional<String> notFinite = NonFinite.cause(trace, trace.reverse().gradient());
        if (notFinite.isPresent()) {
            throw new NonFinite.NotFinite(notFinite.get() + "; compare needs a point where f and its derivative are finite");
        }
        UnaryOperator<double[]> hand = null;
        if (!manual.isEmpty()) {
            if (manual.size() != p.variables().size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--manual: give one partial derivative"
                        + " per variable in --at order (" + String.join(", ", p.variables()) + "), got "
                        + manual.size());
            }
            List<Expr> partials = new ArrayList<>();
            for (String m : manual) {
                Expr e = Parser.parse(m);
                List<String> unknown = new ArrayList<>(Exprs.variables(e));
                unknown.removeAll(p.variables());
                if (!unknown.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--manual "
                            + dev.adjoint.symbolic.Excerpt.shorten(m) + ": no value for "
                            + dev.adjoint.symbolic.Excerpt.shorten(String.join(", ", unknown)));
                }
                partials.add(e);
            }
            List<String> names = p.variables();
            hand = x -> {
                Map<String, Double> bindings = new HashMap<>();
                for (int i = 0; i < x.length; i++) {
                    bindings.put(names.get(i), x[i]);
                }
                double[] g = new double[partials.size()];
                for (int i = 0; i < g.length; i++) {
                    g[i] = partials.get(i).evaluate(bindings);
                }
                return g;
            };
        }
        return new Comparison.Subject("f(" + String.join(", ", p.variables()) + ") = " + p.heading()
                + (hand != null ? "; manual = " + dev.adjoint.symbolic.Excerpt.shorten(String.join(", ", manual)) : ""),
                p.function(), p.variables(),
                p.point(), hand, null, null);
    }

    /** f along its first variable, the others held at the point. */
    private static DoubleUnaryOperator line(Comparison.Subject s) {
        ToDoubleFunction<double[]> values = dev.adjoint.numeric.FiniteDifferences.values(s.f());
        double[] x = s.point();
        return t -> {
            double[] p = x.clone();
            p[0] = t;
            return values.applyAsDouble(p);
        };
    }

    private static String firstLine(String title) {
        int colon = title.indexOf(':');
        int newline = title.indexOf('\n');
        int end = colon >= 0 ? colon : newline >= 0 ? newline : title.length();
        return title.substring(0, end).replace(';', ' ').trim();
    }
}
