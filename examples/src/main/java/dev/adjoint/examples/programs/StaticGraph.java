package dev.adjoint.examples.programs;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import java.util.function.Function;

/**
 * A tensor function traced into a static graph, its gradient graph simplified by the passes, and the gradient
 * compiled to JVM bytecode; the compiled gradient is checked against eager reverse mode.
 */
public final class StaticGraph {

    private StaticGraph() {
    }

    /** Prints the graphs' sizes and the traced graph, and checks the compiled gradient. */
    public static void main(String[] args) {
        int n = 5;
        Function<Tensor, Tensor> f = Rosenbrock::value;
        Tensor x = Rosenbrock.point(n, 3);
        Graph g = Graph.trace(f, x);
        Graph dg = g.grad();
        Graph small = dg.optimize();
        System.out.println(g);
        System.out.printf("f: %d equations; its gradient graph: %d, after the passes: %d%n", g.size(), dg.size(),
                small.size());
        Check.that(small.size() <= dg.size(), "the passes do not grow the gradient graph");
        CompiledFunction<Tensor, Tensor> fast = Jit.compile(Ad.grad(f), x);
        double[] eager = Ad.grad(f).apply(x).toArray();
        Check.that(Check.maxError(fast.apply(x).toArray(), eager) < 1e-12, "the compiled gradient equals reverse mode");
        Tensor y = Rosenbrock.point(n, 4);
        Check.that(Check.maxError(fast.apply(y).toArray(), Ad.grad(f).apply(y).toArray()) < 1e-12,
                "and again at another point of the same shape (one trace: " + fast.traces() + ")");
    }
}
