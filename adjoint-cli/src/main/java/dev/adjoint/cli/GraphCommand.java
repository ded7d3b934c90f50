package dev.adjoint.cli;

import dev.adjoint.graph.Expressions;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.compile.ScalarCompiler;
import dev.adjoint.graph.pass.Passes;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.Parser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint graph}: the static graph of an expression, or of its gradient, as text or Graphviz DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Prints the graph of EXPR (one equation per line, inputs are its variables in order of"
            + " appearance) or, with --grad, its gradient graph: reverse mode staged into a graph, then simplified.",
            "Example: adjoint graph \"ln(x1) + x1*x2 - sin(x2)\" --grad --format dot | dot -Tpng > grad.png",
            "With --format java, prints instead the Java class its Wengert list compiles to: the forward sweep and the"
                + " reverse sweep (value and gradient), as ScalarCompiler generates and runs it."})
final class GraphCommand implements Callable<Integer> {

    /** Output formats. */
    enum GraphFormat { TEXT, DOT, JAVA }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "Expression, e.g. \"ln(x1) + x1*x2 - sin(x2)\".")
    String expression;

    @Option(names = "--format", paramLabel = "text|dot|java", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}); dot is a Graphviz graph, java the compiled"
                    + " value-and-gradient code.")
    GraphFormat format;

    @Option(names = "--grad", description = "Print the gradient graph (value first, then ∂/∂ each variable).")
    boolean grad;

    @Option(names = "--no-simplify", description = "Print the forward graph as traced, before the simplification passes.")
    boolean raw;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Expr e = Parser.parse(expression);
        List<String> names = Exprs.variables(e);
        // Operations on constants alone give the same value at every point: one that is not finite is warned about.
        Optional<String> constant = Trace.record(e, names, new double[names.size()]).nonFiniteConstant();
        if (format == GraphFormat.JAVA) {
            Trace t = Trace.recordAsRun(Exprs.toFunction(e, names), names, new double[names.size()]);
            out.print(ScalarCompiler.source(t, "Compiled", new ArrayList<>()));
            out.flush();
            return NonFinite.exitCode(spec, constant);
        }
        Graph g = Expressions.graph(e);
        if (g.inputs().isEmpty() && grad) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--grad: the expression has no variables to differentiate with respect to");
        }
        if (grad) {
            g = g.valueAndGrad();
        } else if (!raw) {
            g = Passes.simplify().apply(g);
        }
        out.print(format == GraphFormat.DOT ? g.dot() : g.toString());
        out.flush();
        return NonFinite.exitCode(spec, constant);
    }
}
