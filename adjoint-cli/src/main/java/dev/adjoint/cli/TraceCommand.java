package dev.adjoint.cli;

import dev.adjoint.scalar.trace.Adjoints;
import dev.adjoint.scalar.trace.Tangents;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.scalar.trace.TracePrinter;
import dev.adjoint.scalar.trace.TracePrinter.Format;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint trace}: the lecture's evaluation, tangent and adjoint tables for any expression. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Prints the Wengert list of EXPR at a point: the forward primal trace, then the forward"
            + " tangent trace (--mode forward) or the reverse adjoint trace (--mode reverse), numbered as in the"
            + " lecture (inputs v-n+1..v0, steps v1..vk).",
            "Example: adjoint trace \"ln(x1) + x1*x2 - sin(x2)\" --at x1=2,x2=5 --mode forward --seed x1"})
final class TraceCommand implements Callable<Integer> {

    /** Which replay to print. */
    enum TraceMode { FORWARD, REVERSE }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR",
            description = "Expression, e.g. \"ln(x1) + x1*x2 - sin(x2)\": + - * / ^, unary minus, parentheses,"
                + " functions (ln, log, exp, sin, cos, sqrt, abs, atan2, min, max, hypot, pow, ...), pi and e.")
    String expression;

    @Option(names = "--at", split = ",", paramLabel = "NAME=VALUE",
            description = "The point, e.g. x1=2,x2=5; its order is the order of the inputs.")
    Map<String, String> at = new LinkedHashMap<>();

    @Option(names = "--mode", paramLabel = "forward|reverse", defaultValue = "reverse",
            description = "forward: tangent trace for the seed; reverse: adjoint trace (default: ${DEFAULT-VALUE}).")
    TraceMode mode;

    @Option(names = "--seed", paramLabel = "NAME",
            description = "Forward mode: the input whose tangent is 1 (default: the first in --at).")
    String seed;

    @Option(names = "--format", paramLabel = "text|markdown|dot", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}); dot is a Graphviz graph.")
    Format format;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "3",
            description = "Decimals shown (default: ${DEFAULT-VALUE}).")
    int digits;

    @Override
    public Integer call() {
        if (digits < 0 || digits > 17) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--digits must be between 0 and 17");
        }
        Problem problem = Problem.of(spec, expression, at);
        int seedIndex = 0;
        if (seed != null) {
            seedIndex = problem.variables().indexOf(seed.trim());
            if (seedIndex < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--seed " + seed
                        + ": not one of the inputs given with --at (" + String.join(", ", problem.variables()) + ")");
            }
        } else if (mode == TraceMode.FORWARD && problem.variables().isEmpty()) {
            seedIndex = -1;
        }
        Trace trace = problem.trace();
        TracePrinter printer = TracePrinter.of(format, digits);
        PrintWriter out = spec.commandLine().getOut();
        String heading = "y = " + problem.heading() + (problem.variables().isEmpty() ? "" : " at " + problem.pointText());
        if (format == Format.TEXT) {
            out.println(heading);
            out.println();
        } else if (format == Format.MARKDOWN) {
            out.println("`" + heading + "`");
            out.println();
        } else {
            out.println("// " + heading);
        }
        double[] derivatives;
        if (mode == TraceMode.FORWARD) {
            Tangents d = seedIndex < 0 ? null : trace.forwardFor(seedIndex);
            out.print(d == null ? printer.primal(trace) : printer.forward(trace, d));
            derivatives = d == null ? new double[0] : new double[] {d.output()};
        } else {
            Adjoints a = trace.reverse();
            out.print(printer.reverse(trace, a));
            derivatives = a.gradient();
        }
        out.flush();
        return NonFinite.exitCode(spec, NonFinite.cause(trace, derivatives));
    }
}
