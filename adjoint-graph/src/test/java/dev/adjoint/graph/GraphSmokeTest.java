package dev.adjoint.graph;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import org.junit.jupiter.api.Test;

class GraphSmokeTest {
    @Test
    void show() {
        Graph g = Graph.trace(Workloads::rosenbrock, Tensor.zeros(5));
        System.out.println(g);
        Graph dg = g.grad();
        System.out.println(dg);
        System.out.println(dg.optimize());
        System.out.println(Graph.trace(Ad.grad(Workloads::rosenbrock), Tensor.zeros(5)));
        Tensor x = Tensor.of(1, 2, 3, 0.5, -1);
        System.out.println(dg.run(x) + " vs " + Ad.grad(Workloads::rosenbrock).apply(x));
        System.out.println(dg.optimize().run(x));
        System.out.println(dev.adjoint.graph.compile.Executor.compiled(dg.optimize()).run(x));
    }
}
