package dev.adjoint.cli;

import dev.adjoint.graph.Expressions;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.pass.Passes;
import dev.adjoint.symbolic.Parser;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint graph}: the static graph of an expression, or of its gradient, as text or Graphviz DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Prints the graph of EXPR (one equation per line, inputs are its variables in order of"
            + " appearance) or, with --grad, its gradient graph: reverse mode staged into a graph, then simplified.",
            "Example: adjoint graph \"ln(x1) + x1*x2 - sin(x2)\" --grad --format dot | dot -Tpng > grad.png"})
final class GraphCommand implements Callable<Integer> {

    /** Output formats. */
    enum GraphFormat { TEXT, DOT }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "Expression, e.g. \"ln(x1) + x1*x2 - sin(x2)\".")
    String expression;

    @Option(names = "--format", paramLabel = "text|dot", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}); dot is a Graphviz graph.")
    GraphFormat format;

    @Option(names = "--grad", description = "Print the gradient graph (value first, then ∂/∂ each variable).")
    boolean grad;

    @Option(names = "--no-simplify", description = "Print the forward graph as traced, before the simplification passes.")
    boolean raw;

    @Override
    public Integer call() {
        Graph g = Expressions.graph(Parser.parse(expression));
        if (g.inputs().isEmpty() && grad) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--grad: the expression has no variables to differentiate with respect to");
        }
        if (grad) {
            g = g.valueAndGrad();
        } else if (!raw) {
            g = Passes.simplify().apply(g);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == GraphFormat.DOT ? g.dot() : g.toString());
        out.flush();
        return 0;
    }
}
