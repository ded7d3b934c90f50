package dev.adjoint.graph.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.compile.Jit;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LoopsTest {

    private static final Tensor X = Tensor.uniform(Rng.seed(1), 0.2, 0.8, 3);
    private static final Tensor W = Tensor.uniform(Rng.seed(2), 0.5, 1.0, 3);

    /** One step of a damped map with a parameter: c ← sin(c·w) + 0.1·i. */
    private static Tensor step(int i, Tensor c, Tensor w) {
        return c.mul(w).sin().add(0.1 * i);
    }

    private static Tensor unrolled(Tensor x, Tensor w, int n) {
        Tensor c = x;
        for (int i = 0; i < n; i++) {
            c = step(i, c, w);
        }
        return c;
    }

    private static void close(Tensor a, Tensor e) {
        assertThat(a.shape()).isEqualTo(e.shape());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.toArray()[i]).isCloseTo(e.toArray()[i], Offset.offset(1e-12 * (1 + Math.abs(e.toArray()[i]))));
        }
    }

    private static long count(Graph g, String op) {
        return g.equations().stream().filter(e -> e.op().name().equals(op)).count();
    }

    @Test
    void foriIsOneEquationAndItsGradientGraphOneMore() {
        Function<List<Tensor>, Tensor> f = xs -> Loops.fori(20, (i, c, p) -> step(i, c, p.get(0)), xs.get(0),
                xs.get(1)).sum();
        Function<List<Tensor>, Tensor> g = xs -> unrolled(xs.get(0), xs.get(1), 20).sum();
        Graph graph = Graph.traceList(f, List.of(X, W));
        assertThat(count(graph, "fori")).isEqualTo(1);
        assertThat(graph.size()).isEqualTo(2);
        Graph grad = graph.valueAndGrad();
        assertThat(count(grad, "fori_vjp")).isEqualTo(1);
        assertThat(grad.size()).isLessThan(12);
        List<Tensor> out = grad.run(X, W);
        var eager = Ad.valueAndGrad(g).apply(List.of(X, W));
        close(out.get(0), eager.value());
        close(out.get(1), eager.grad().get(0));
        close(out.get(2), eager.grad().get(1));
        var direct = Ad.valueAndGrad(f).apply(List.of(X, W));
        close(direct.grad().get(1), eager.grad().get(1));
    }

    @Test
    void foriForwardModeAndSecondOrder() {
        Function<Tensor, Tensor> f = x -> Loops.fori(8, (i, c, p) -> step(i, c, p.get(0)), x, W).sum();
        Function<Tensor, Tensor> g = x -> unrolled(x, W, 8).sum();
        Tensor v = Tensor.of(0.3, -0.2, 0.5);
        close(Ad.jvp(f, X, v).tangent(), Ad.jvp(g, X, v).tangent());
        close(Ad.hvp(f, X, v), Ad.hvp(g, X, v));
        close(Ad.grad(x -> Ad.grad(f).apply(x).sum()).apply(X), Ad.grad(x -> Ad.grad(g).apply(x).sum()).apply(X));
    }

    @Test
    void compiledLoopsEqualEager() {
        Function<Tensor, Tensor> f = x -> Loops.fori(15, (i, c, p) -> step(i, c, p.get(0)), x, W).sum();
        var c = Jit.compile(Ad.valueAndGrad(f), X);
        var e = Ad.valueAndGrad((Tensor x) -> unrolled(x, W, 15).sum()).apply(X);
        close(c.apply(X).value(), e.value());
        close(c.apply(X).grad(), e.grad());
    }

    @Test
    void scanFoldsOverRows() {
        Tensor xs = Tensor.uniform(Rng.seed(3), -1, 1, 6, 3);
        Function<Tensor, Tensor> f = init -> Loops.scan((c, x, p) -> c.mul(x.add(p.get(0))).tanh(), init, xs, W)
                .sum();
        Function<Tensor, Tensor> g = init -> {
            Tensor c = init;
            for (int i = 0; i < 6; i++) {
                c = c.mul(xs.index(i).add(W)).tanh();
            }
            return c.sum();
        };
        Graph graph = Graph.trace(f, X);
        assertThat(count(graph, "scan")).isEqualTo(1);
        close(graph.grad().run(X).get(0), Ad.grad(g).apply(X));
        close(Ad.jvp(f, X, W).tangent(), Ad.jvp(g, X, W).tangent());
    }

    @Test
    void whileLoopRunsUntilTheConditionFailsAndDifferentiatesWhenBounded() {
        // Doubles c until its sum exceeds 10: the trip count depends on the data.
        Function<Tensor, Tensor> f = x -> Loops.whileLoop(c -> c.sum().lt(10), (i, c, p) -> c.mul(2).add(c.sin()),
                x, 50).sum();
        Function<Tensor, Tensor> g = x -> {
            Tensor c = x;
            while (c.sum().item() < 10) {
                c = c.mul(2).add(c.sin());
            }
            return c.sum();
        };
        Graph graph = Graph.trace(f, X);
        assertThat(count(graph, "while")).isEqualTo(1);
        close(graph.run(X).get(0), g.apply(X));
        close(graph.grad().run(X).get(0), Ad.grad(g).apply(X));
        Tensor v = Tensor.of(1, 0, -1);
        close(Ad.jvp(f, X, v).tangent(), Ad.jvp(g, X, v).tangent());
        Function<Tensor, Tensor> tooShort = x -> Loops.whileLoop(c -> c.sum().lt(10), (i, c, p) -> c.mul(2), x, 2);
        assertThatThrownBy(() -> tooShort.apply(X)).hasMessageContaining("more than 2 trips");
    }

    @Test
    void condTakesOneBranchAtRunTimeAndDifferentiatesIt() {
        Function<List<Tensor>, Tensor> f = a -> Loops.cond(a.get(0).sum().gt(0), (x, p) -> x.sin().mul(p.get(0)),
                (x, p) -> x.exp(), a.get(0), a.get(1)).sum();
        Graph graph = Graph.traceList(f, List.of(X, W));
        assertThat(count(graph, "cond")).isEqualTo(1);
        Graph grad = graph.grad();
        for (Tensor x : List.of(X, X.neg())) {
            boolean positive = x.sum().item() > 0;
            Function<List<Tensor>, Tensor> taken = a -> positive ? a.get(0).sin().mul(a.get(1)).sum()
                    : a.get(0).exp().sum();
            List<Tensor> got = grad.run(x, W);
            var expected = Ad.valueAndGrad(taken).apply(List.of(x, W));
            close(graph.run(x, W).get(0), expected.value());
            close(got.get(0), expected.grad().get(0));
            close(got.get(1), expected.grad().get(1));
        }
        assertThatThrownBy(() -> Loops.cond(X, (x, p) -> x, (x, p) -> x, X)).hasMessageContaining("one element");
    }
}
