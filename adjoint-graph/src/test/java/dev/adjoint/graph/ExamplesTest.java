package dev.adjoint.graph;

import static dev.adjoint.graph.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.examples.Gmm;
import dev.adjoint.examples.Mlp;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import dev.adjoint.graph.pass.Passes;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Core's benchmark workloads (Rosenbrock, MLP, GMM): gradient graphs shrink under the passes, and the compiled
 * value and gradient equal the eager ones. Prints the size table quoted in the README.
 */
class ExamplesTest {

    private static <A> void check(String name, Function<A, Tensor> f, A x) {
        Graph traced = Graph.traceTree(Ad.valueAndGrad(f), x);
        Graph simple = Passes.simplify().apply(traced);
        Graph fused = Passes.optimize().apply(traced);
        System.out.printf("%-12s traced %4d eqs (%6d literal doubles) | simplified %4d (%d compute, %6d literal"
                + " doubles) | fused %4d%n", name, traced.size(), traced.literalElements(), simple.size(), simple.work(),
                simple.literalElements(), fused.size());
        assertThat(simple.work()).isLessThan(traced.work());
        assertThat(fused.size()).isLessThan(simple.size());

        CompiledFunction<A, ValueAndGrad<A>> c = Jit.compile(Ad.valueAndGrad(f), x);
        ValueAndGrad<A> got = c.apply(x);
        ValueAndGrad<A> expected = Ad.valueAndGrad(f).apply(x);
        assertClose(got.value(), expected.value(), 1e-12);
        List<Tensor> g = Tree.leaves(got.grad());
        List<Tensor> e = Tree.leaves(expected.grad());
        for (int i = 0; i < e.size(); i++) {
            assertClose(g.get(i), e.get(i), 1e-10);
        }
        assertThat(c.executor(x).peakBytes()).isPositive();
    }

    @Test
    void rosenbrock() {
        check("rosenbrock", Rosenbrock::value, Rosenbrock.point(1000, 1));
    }

    @Test
    void mlp() {
        Rng rng = Rng.seed(5);
        Mlp.Data data = Mlp.data(rng, 32, 20, 5);
        check("mlp", (Mlp m) -> m.loss(data), Mlp.init(rng, 20, 16, 5));
    }

    @Test
    void gmm() {
        Rng rng = Rng.seed(6);
        Gmm.Problem p = Gmm.problem(rng, 50, 3);
        check("gmm", (Gmm.Params q) -> Gmm.objective(q, p), Gmm.params(rng, 4, 3));
    }
}
