package dev.adjoint.cli;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.trace.Trace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint diff}: value, gradient and (with --order 2) Hessian of an expression at a point. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Differentiates EXPR at a point: value and gradient (forward or reverse mode), and with"
            + " --order 2 the Hessian (forward over reverse). Variables are in --at order; one the expression does"
            + " not use has derivative 0.",
            "Example: adjoint diff \"ln(x1) + x1*x2 - sin(x2)\" --at x1=2,x2=5 --order 2 --json"})
final class DiffCommand implements Callable<Integer> {

    /** How the gradient is computed. */
    enum GradientMode { FORWARD, REVERSE }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "Expression, e.g. \"ln(x1) + x1*x2 - sin(x2)\".")
    String expression;

    @Option(names = "--at", split = ",", paramLabel = "NAME=VALUE",
            description = "The point, e.g. x1=2,x2=5; its order is the order of the gradient.")
    Map<String, String> at = new LinkedHashMap<>();

    @Option(names = "--order", paramLabel = "1|2", defaultValue = "1",
            description = "1: value and gradient; 2: also the Hessian (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--mode", paramLabel = "forward|reverse", defaultValue = "reverse",
            description = "Gradient by forward mode (one pass with n tangents) or reverse mode (default:"
                + " ${DEFAULT-VALUE}).")
    GradientMode mode;

    @Option(names = "--json", description = "Print one JSON object {\"variables\", \"value\", \"gradient\","
            + " \"hessian\"} at full double precision.")
    boolean json;

    @Option(names = "--symbolic", description = "Also print the simplified symbolic derivative with respect to each"
            + " variable, as text and LaTeX (with --json: a \"symbolic\" object of texts).")
    boolean symbolic;

    @Option(names = "--digits", paramLabel = "N",
            description = "Decimals shown in text output (default: full precision).")
    Integer digits;

    @Override
    public Integer call() {
        if (order < 1 || order > 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--order must be 1 or 2, got " + order);
        }
        if (digits != null && (digits < 0 || digits > 17)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--digits must be between 0 and 17");
        }
        Problem problem = Problem.of(spec, expression, at);
        Trace trace = problem.trace();
        RealFunction f = problem.function();
        double[] x = problem.point();
        int n = x.length;
        double value;
        double[] gradient;
        if (n == 0) {
            value = trace.value();
            gradient = new double[0];
        } else {
            Gradient g = Derivatives.gradient(f, mode == GradientMode.FORWARD ? Mode.FORWARD : Mode.REVERSE, x);
            value = g.value();
            gradient = g.gradient();
        }
        double[][] hessian = order == 2 ? (n == 0 ? new double[0][0] : Derivatives.hessian(f, x)) : null;
        PrintWriter out = spec.commandLine().getOut();
        List<SymbolicDerivatives.Partial> partials = symbolic
                ? SymbolicDerivatives.of(problem.text(), problem.variables()) : List.of();
        if (json) {
            String j = json(problem.variables(), value, gradient, hessian);
            out.println(symbolic ? SymbolicDerivatives.addToJson(j, partials) : j);
        } else {
            text(out, problem, value, gradient, hessian);
            SymbolicDerivatives.print(out, partials);
        }
        out.flush();
        double[] derivatives = hessian == null ? gradient : java.util.stream.DoubleStream.concat(
                java.util.Arrays.stream(gradient), java.util.Arrays.stream(hessian).flatMapToDouble(java.util.Arrays::stream))
                .toArray();
        return NonFinite.exitCode(spec, NonFinite.cause(trace, derivatives));
    }

    private String number(double v) {
        return Numbers.format(v, digits == null ? -1 : digits);
    }

    private void text(PrintWriter out, Problem problem, double value, double[] gradient, double[][] hessian) {
        List<String> names = problem.variables();
        out.println("f(" + String.join(", ", names) + ") = " + problem.heading());
        if (!names.isEmpty()) {
            out.println("at " + problem.pointText() + "  (gradient by " + mode.name().toLowerCase()
                    + " mode" + (hessian != null ? ", Hessian by forward over reverse" : "") + ")");
        }
        out.println();
        out.println("value     " + number(value));
        for (int i = 0; i < names.size(); i++) {
            out.println((i == 0 ? "gradient  " : "          ") + "∂f/∂" + names.get(i) + " = " + number(gradient[i]));
        }
        if (hessian != null && names.size() > 0) {
            List<List<String>> cells = new ArrayList<>();
            int width = 0;
            for (double[] row : hessian) {
                List<String> r = new ArrayList<>();
                for (double h : row) {
                    String s = number(h);
                    width = Math.max(width, s.length());
                    r.add(s);
                }
                cells.add(r);
            }
            out.println("hessian   (rows and columns: " + String.join(", ", names) + ")");
            for (List<String> r : cells) {
                StringBuilder line = new StringBuilder("          [");
                for (String s : r) {
                    line.append(' ').append(" ".repeat(width - s.length())).append(s);
                }
                out.println(line.append(" ]"));
            }
        }
    }

    /** {"variables": [...], "value": v, "gradient": [...], "hessian": [[...]]} with full double precision. */
    static String json(List<String> names, double value, double[] gradient, double[][] hessian) {
        StringBuilder b = new StringBuilder("{\"variables\": [");
        for (int i = 0; i < names.size(); i++) {
            b.append(i > 0 ? ", " : "").append('"').append(names.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        b.append("], \"value\": ").append(jsonNumber(value)).append(", \"gradient\": ");
        array(b, gradient);
        if (hessian != null) {
            b.append(", \"hessian\": [");
            for (int i = 0; i < hessian.length; i++) {
                b.append(i > 0 ? ", " : "");
                array(b, hessian[i]);
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    private static void array(StringBuilder b, double[] xs) {
        b.append('[');
        for (int i = 0; i < xs.length; i++) {
            b.append(i > 0 ? ", " : "").append(jsonNumber(xs[i]));
        }
        b.append(']');
    }

    private static String jsonNumber(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }
}
