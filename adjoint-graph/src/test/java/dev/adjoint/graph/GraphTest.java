package dev.adjoint.graph;

import dev.adjoint.examples.Rosenbrock;
import static dev.adjoint.graph.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;
import dev.adjoint.primitive.Add;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GraphTest {

    static Stream<Arguments> workloads() {
        return Stream.of(
                Arguments.of("rosenbrock", (Function<Tensor, Tensor>) Rosenbrock::value, Shape.of(7)),
                Arguments.of("mlp", Workloads.mlpLoss(), Shape.of(4, 8)),
                Arguments.of("gmm", Workloads.gmmLoss(), Shape.of(3, 2)));
    }

    private static Tensor random(Shape s, long seed) {
        return Tensor.randn(Rng.seed(seed), s.dims());
    }

    @Test
    void printsOneEquationPerLineWithShapes() {
        Graph g = Graph.trace(x -> x.sin().mul(x).sum(), Tensor.zeros(3));
        String[] lines = g.toString().split("\n");
        assertThat(lines).containsExactly(
                "{ lambda a:f64[3] .",
                "  b:f64[3] = sin a",
                "  c:f64[3] = mul b a",
                "  d:f64[] = sum[axes=(0), keepDims=false] c",
                "  in (d) }");
        assertThat(g.size()).isEqualTo(3);
    }

    @Test
    void printsConvolutionAndPoolingWithTheirWindows() {
        Tensor w = Tensor.ones(3, 3, 2, 4);
        Graph g = Graph.trace(x -> x.conv2d(w, 1, 1).maxPool2d(2, 2, 0).sum(), Tensor.zeros(1, 4, 4, 2));
        assertThat(g.toString())
                .contains("f64[1,4,4,4] = conv2d[window=3×3 stride 1,1 padding 1,1 dilation 1,1 over 4×4, result=OUTPUT]")
                .contains("f64[1,2,2,4] = maxPool2d[window=2×2 stride 2,2 padding 0,0 dilation 1,1 over 4×4, role=VALUE]");
        assertThat(Graph.trace(x -> x.conv2d(w, 1, 1).maxPool2d(2, 2, 0).sum(), Tensor.zeros(1, 4, 4, 2)).grad()
                .toString()).contains("conv2dTranspose").contains("maxPoolScatter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void tracedGraphRunsLikeEagerCode(String name, Function<Tensor, Tensor> f, Shape s) {
        Graph g = Graph.trace(f, Tensor.zeros(s.dims()));
        for (long seed = 1; seed <= 3; seed++) {
            Tensor x = random(s, seed);
            assertClose(g.run(x).get(0), f.apply(x), 1e-13);
            assertClose(g.apply(List.of(x)).get(0), f.apply(x), 1e-13);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void gradientGraphsEqualEagerGradients(String name, Function<Tensor, Tensor> f, Shape s) {
        Graph dg = Graph.trace(f, Tensor.zeros(s.dims())).grad();
        Graph staged = Graph.trace(Ad.grad(f), Tensor.zeros(s.dims()));
        Graph vg = Graph.trace(f, Tensor.zeros(s.dims())).valueAndGrad();
        for (long seed = 1; seed <= 3; seed++) {
            Tensor x = random(s, seed);
            Tensor expected = Ad.grad(f).apply(x);
            assertClose(dg.run(x).get(0), expected, 1e-12);
            assertClose(staged.run(x).get(0), expected, 1e-12);
            assertClose(vg.run(x).get(0), f.apply(x), 1e-12);
            assertClose(vg.run(x).get(1), expected, 1e-12);
        }
    }

    @Test
    void secondDerivativeByGradOfGradGraph() {
        Function<Tensor, Tensor> f = x -> x.sin().mul(x.square()).sum();
        Graph g = Graph.trace(f, Tensor.zeros(1));
        Graph d2 = Graph.trace(x -> Ad.grad(f).apply(x).sum(), Tensor.zeros(1)).grad();
        double x0 = 0.7;
        double expected = -Math.sin(x0) * x0 * x0 + 4 * x0 * Math.cos(x0) + 2 * Math.sin(x0);
        assertThat(d2.run(Tensor.of(x0)).get(0).item()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.size()).isPositive();
    }

    @Test
    void defineThenRunWithPlaceholders() {
        Tensor x;
        Tensor w;
        Graph loss;
        try (Stage s = Graph.define()) {
            x = s.placeholder(5);
            w = s.placeholder(5);
            loss = s.build(x.mul(w).tanh().square().sum());
        }
        Graph grad = loss.grad();
        assertThat(grad.inputs()).isEqualTo(loss.inputs());
        assertThat(grad.outputs()).hasSize(2);
        for (long seed = 1; seed <= 5; seed++) {
            Tensor xv = random(Shape.of(5), seed);
            Tensor wv = random(Shape.of(5), seed + 100);
            List<Tensor> out = grad.run(Map.of(x, xv, w, wv));
            List<Tensor> eager = Ad.grad((a, b) -> a.mul(b).tanh().square().sum()).apply(xv, wv);
            assertClose(out.get(0), eager.get(0), 1e-13);
            assertClose(out.get(1), eager.get(1), 1e-13);
            assertClose(loss.run(Map.of(x, xv, w, wv)).get(0), xv.mul(wv).tanh().square().sum(), 1e-14);
        }
    }

    @Test
    void feedingErrorsNameTheProblem() {
        Tensor x;
        Graph g;
        try (Stage s = Graph.define()) {
            x = s.placeholder(2);
            g = s.build(x.exp());
        }
        assertThatThrownBy(() -> g.run(Map.of())).hasMessageContaining("input 0 of shape [2] was not fed");
        assertThatThrownBy(() -> g.run(Map.of(Tensor.zeros(2), Tensor.zeros(2))))
                .hasMessageContaining("not a placeholder");
        assertThatThrownBy(() -> g.run(Tensor.zeros(3))).hasMessageContaining("shape [3]")
                .hasMessageContaining("[2]");
    }

    @Test
    void float32IsAClearErrorBecauseGraphsAreFloat64() {
        Tensor f = Tensor.zeros(DType.FLOAT32, 2);
        assertThatThrownBy(() -> Graph.trace(Tensor::exp, f)).hasMessageContaining("example input 0 is float32")
                .hasMessageContaining("astype(DType.FLOAT64)");
        // A float32 constant meeting a staged float64 value is widened eagerly, as promotion says.
        assertThat(Graph.trace(x -> x.mul(f), Tensor.zeros(2)).run(Tensor.ones(2)).get(0).dtype())
                .isEqualTo(DType.FLOAT64);
        assertThatThrownBy(() -> Graph.trace(x -> x.astype(DType.FLOAT32), Tensor.zeros(2)))
                .hasMessageContaining("astype(float32) cannot be staged");
        Graph g = Graph.trace(Tensor::exp, Tensor.zeros(2));
        assertThatThrownBy(() -> g.run(f)).hasMessageContaining("run: input 0 is float32");
    }

    @Test
    void readingAStagedValueSaysWhy() {
        assertThatThrownBy(() -> Graph.trace(x -> x.sum().item() > 0 ? x : x.neg(), Tensor.zeros(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be staged");
    }

    @Test
    void javaControlFlowIsTracedForThePathTaken() {
        // The branch is decided by the shape, known at trace time: each shape gets its own graph.
        Function<Tensor, Tensor> f = x -> x.dim(0) > 2 ? x.sin().sum() : x.cos().sum();
        assertThat(Graph.trace(f, Tensor.zeros(3)).toString()).contains("sin").doesNotContain("cos");
        assertThat(Graph.trace(f, Tensor.zeros(2)).toString()).contains("cos").doesNotContain("sin");
    }

    @Test
    void gradRequiresOneScalarOutput() {
        Graph g = Graph.trace(x -> x.exp(), Tensor.zeros(3));
        assertThatThrownBy(g::grad).hasMessageContaining("one scalar output").hasMessageContaining("[3]");
    }

    @Test
    void graphsRejectUseBeforeDefinition() {
        Var a = Var.fresh(Shape.of(2));
        Var b = Var.fresh(Shape.of(2));
        Equation e = new Equation(new PrimitiveOp(new Add()), List.of(a, b), Var.fresh(Shape.of(2)));
        assertThatThrownBy(() -> new Graph(List.of(a), List.of(e), List.of(e.output())))
                .hasMessageContaining("before it is defined");
    }

    @Test
    void dotHasOneEdgePerOperandAndOutput() {
        Graph g = Graph.trace(x -> x.sin().mul(x).sum(), Tensor.zeros(3));
        String dot = g.dot();
        assertThat(dot).startsWith("digraph G {").endsWith("}\n");
        long edges = dot.lines().filter(l -> l.contains("->")).count();
        long operands = g.equations().stream().mapToLong(e -> e.inputs().size()).sum();
        assertThat(edges).isEqualTo(operands + g.outputs().size());
        assertThat(g.grad().dot()).contains("cos");
    }

    @Test
    void stagingAnotherTransformsValueIsAnError() {
        assertThatThrownBy(() -> Ad.grad((Tensor x) -> Graph.traceList(xs -> xs.get(0).mul(x), List.of(x))
                .run(x).get(0).sum()).apply(Tensor.ones(2)))
                .hasMessageContaining("opened outside the graph");
    }
}
