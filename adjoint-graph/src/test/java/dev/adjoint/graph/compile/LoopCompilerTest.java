package dev.adjoint.graph.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated loops that read broadcasts in place and accumulate sums and maxima: for each case, the fused and
 * compiled graph gives the eager value, the compiled value and gradient give the eager ones, and the compiled
 * gradient agrees with central differences of the compiled value. Inputs are seeded random.
 */
class LoopCompilerTest {

    private record Case(String name, int[] shape, Function<Tensor, Tensor> f, boolean fusesReduction) {
    }

    private static final Rng DATA = Rng.seed(17);
    private static final Tensor ROW = Tensor.randn(DATA, 7);
    private static final Tensor COLUMN = Tensor.randn(DATA, 5, 1);
    private static final Tensor CUBE = Tensor.randn(DATA, 3, 4, 5);

    static Stream<Arguments> cases() {
        List<Case> cs = new ArrayList<>();
        // Broadcast reads: a row, a column, a middle axis, new leading axes, a single number.
        cs.add(new Case("row broadcast", new int[] {5, 7}, x -> x.add(ROW).tanh(), false));
        cs.add(new Case("column broadcast", new int[] {5, 7}, x -> x.mul(COLUMN).sin(), false));
        cs.add(new Case("own row broadcast", new int[] {5, 7}, x -> x.mul(x.sum(new int[] {0}, true)).cos(), false));
        cs.add(new Case("softmax", new int[] {5, 7}, x -> x.softmax(1), false));
        cs.add(new Case("middle broadcast", new int[] {3, 4, 5}, x -> x.mul(x.sum(new int[] {1}, true)).sin(), false));
        cs.add(new Case("leading axes", new int[] {4, 5}, x -> x.unsqueeze(0).broadcastTo(3, 4, 5).mul(CUBE).exp(),
                false));
        cs.add(new Case("scalar", new int[] {4, 5}, x -> x.mul(x.sum()).tanh(), false));
        // Slice reads: shifted windows of one input (Rosenbrock's x[1:] − x[:-1]²), steps, columns, with a sum.
        cs.add(new Case("shifted windows", new int[] {40}, x -> x.slice(0, 1, 40).sub(x.slice(0, 0, 39).square()),
                false));
        cs.add(new Case("strided slice", new int[] {5, 12}, x -> x.slice(1, 1, 12, 3).mul(x.slice(1, 0, 8, 2)), false));
        cs.add(new Case("column blocks", new int[] {6, 9}, x -> x.slice(1, 2, 7).exp().mul(x.slice(1, 4, 9)), false));
        cs.add(new Case("2-d windows", new int[] {7, 9}, x -> x.slice(0, 0, 6).slice(1, 2, 7).sin()
                .mul(x.slice(0, 1, 7).slice(1, 4, 9)), false));
        cs.add(new Case("slice summed", new int[] {4, 30}, x -> x.slice(1, 3, 27).cos().sum(new int[] {1}, false),
                true));
        // Sums of elementwise trees over every kind of axis set, and maxima.
        cs.add(new Case("sum inner", new int[] {3, 4, 5}, x -> x.square().sum(new int[] {2}, false), true));
        cs.add(new Case("sum middle", new int[] {3, 4, 5}, x -> x.sin().mul(x).sum(new int[] {1}, false), true));
        cs.add(new Case("sum outer", new int[] {3, 4, 5}, x -> x.exp().sum(new int[] {0}, true), true));
        cs.add(new Case("sum outer and inner", new int[] {3, 4, 5}, x -> x.cos().sum(new int[] {0, 2}, false),
                true));
        cs.add(new Case("sum all", new int[] {3, 4, 5}, x -> x.mul(CUBE).tanh().sum(), true));
        cs.add(new Case("sum of broadcast", new int[] {3, 1, 5}, x -> x.broadcastTo(3, 4, 5).mul(CUBE)
                .sum(new int[] {1}, false), true));
        cs.add(new Case("long row sum", new int[] {2, 3000}, x -> x.sin().square().sum(new int[] {1}, false), true));
        cs.add(new Case("long sum", new int[] {5000}, x -> x.sub(1).square().sum(), true));
        cs.add(new Case("max inner", new int[] {3, 4, 5}, x -> x.sin().max(new int[] {2}, false), true));
        cs.add(new Case("max outer", new int[] {3, 4, 5}, x -> x.mul(CUBE).max(new int[] {0}, true), true));
        cs.add(new Case("max middle and inner", new int[] {3, 4, 5}, x -> x.cos().max(new int[] {1, 2}, false),
                true));
        cs.add(new Case("logsumexp", new int[] {6, 5}, x -> x.logsumexp(new int[] {0}, false), false));
        cs.add(new Case("reduction into a reused buffer", new int[] {4, 6}, x -> {
            Tensor dies = x.sum(new int[] {0}, false);              // its buffer is free before the next sum
            Tensor s = dies.exp().sum();
            return x.square().sum(new int[] {0}, false).mul(s);
        }, false));
        return cs.stream().map(c -> Arguments.of(c.name(), c));
    }

    private static void close(Tensor actual, Tensor expected, double tol, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as(what + " element " + i).isCloseTo(e[i], Offset.offset(tol * (1 + Math.abs(e[i]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledLoopsEqualEager(String name, Case c) {
        Tensor x = Tensor.uniform(Rng.seed(name.hashCode()), -1.5, 1.5, c.shape());
        Tensor value = c.f().apply(x);
        Graph fused = Graph.trace(c.f(), x).optimize();
        close(Executor.compiled(fused).run(x).get(0), value, 1e-13, "compiled value");
        if (c.fusesReduction()) {
            Equation last = fused.equations().get(fused.equations().size() - 1);
            assertThat(last.op()).as("the reduction ends a fused loop").isInstanceOf(Fused.class);
        }

        Function<Tensor, Tensor> loss = t -> c.f().apply(t).sin().sum();
        ValueAndGrad<Tensor> eager = Ad.valueAndGrad(loss).apply(x);
        CompiledFunction<Tensor, ValueAndGrad<Tensor>> vg = Jit.compile(Ad.valueAndGrad(loss), x);
        ValueAndGrad<Tensor> compiled = vg.apply(x);
        close(compiled.value(), eager.value(), 1e-12, "compiled loss");
        close(compiled.grad(), eager.grad(), 1e-11, "compiled gradient");

        // Central differences of the compiled loss along a random direction.
        CompiledFunction<Tensor, Tensor> value0 = Jit.compile(loss, x);
        Tensor u = Tensor.uniform(Rng.seed(name.hashCode() + 1), -1, 1, c.shape());
        double h = 1e-6;
        double fd = (value0.apply(x.add(u.mul(h))).item() - value0.apply(x.sub(u.mul(h))).item()) / (2 * h);
        double directional = compiled.grad().mul(u).sum().item();
        assertThat(directional).isCloseTo(fd, Offset.offset(1e-6 * (1 + Math.abs(fd))));
    }

    @Test
    void slicesAreReadInPlaceNotCopied() {
        Tensor x = Tensor.randn(Rng.seed(6), 1000);
        Function<Tensor, Tensor> f = t -> t.slice(0, 1, 1000).sub(t.slice(0, 0, 999).square()).square().sum();
        Graph fused = Graph.trace(f, x).optimize();
        assertThat(fused.equations()).hasSize(1);                 // one loop reading x at two offsets
        Executor ex = Executor.compiled(fused);
        close(ex.run(x).get(0), f.apply(x), 1e-13, "value");
        assertThat(ex.allocatedBytes()).isEqualTo(8);            // the result only
    }

    @Test
    void fusedMaxPropagatesNaNLikeCore() {
        Tensor x = Tensor.of(new double[][] {{1, Double.NaN, 3}, {4, 5, 6}});
        for (int[] axes : new int[][] {{0}, {1}, {0, 1}}) {
            Function<Tensor, Tensor> f = t -> t.mul(2).max(axes, false);
            Tensor got = Executor.compiled(Graph.trace(f, x).optimize()).run(x).get(0);
            double[] want = f.apply(x).toArray();
            double[] have = got.toArray();
            for (int i = 0; i < want.length; i++) {
                assertThat(Double.isNaN(have[i])).as("axes %s element %d", java.util.Arrays.toString(axes), i)
                        .isEqualTo(Double.isNaN(want[i]));
                if (!Double.isNaN(want[i])) {
                    assertThat(have[i]).isEqualTo(want[i]);
                }
            }
        }
    }

    @Test
    void broadcastsAreReadInPlaceNotMaterialised() {
        Tensor x = Tensor.randn(Rng.seed(5), 25, 10, 40);
        Function<Tensor, Tensor> f = t -> t.sub(t.mean(new int[] {2}, true)).square().sum(new int[] {1}, false);
        Graph traced = Graph.trace(f, x);
        Graph fused = traced.optimize();
        long broadcasts = fused.equations().stream().filter(e -> e.op().name().equals("broadcastTo")).count();
        assertThat(broadcasts).isZero();
        assertThat(fused.size()).isLessThan(traced.size());
        close(Executor.compiled(fused).run(x).get(0), f.apply(x), 1e-13, "value");
    }

    @Test
    void innerSumsArePairwiseAccurate() {
        int n = 1 << 20;
        double naive = 0;
        for (int i = 0; i < n; i++) {
            naive += 0.1;
        }
        assertThat(Math.abs(naive - 0.1 * n)).as("left-to-right summation drifts").isGreaterThan(1e-7);
        Tensor x = Tensor.full(0.1, n);
        Tensor s = Executor.compiled(Graph.trace(t -> t.square().sum(), x).optimize()).run(x).get(0);
        assertThat(s.item()).isCloseTo(0.1 * 0.1 * n, Offset.offset(1e-10));
        assertThat(s.item()).isCloseTo(x.square().sum().item(), Offset.offset(1e-10));
    }

    @Test
    void structurallyEqualLoopsShareOneGeneratedClass() {
        Graph g = Graph.trace(t -> t.sin().add(1).mul(t.cos().add(1)), Tensor.zeros(8)).optimize();
        Fused f = (Fused) g.equations().get(g.equations().size() - 1).op();
        assertThat(LoopCompiler.compile(f).getClass()).isEqualTo(LoopCompiler.compile(f).getClass());
    }

    @Test
    void loopsOfOneGraphAreCompiledAsOneUnit() {
        // Unoptimised, so every step is a loop of its own; a shape and constants no other test uses.
        Graph g = Graph.trace(t -> t.mul(1.2345).exp().sin().sum(new int[] {1}, false).add(0.5432), Tensor.zeros(7, 13));
        Kernel[] kernels = LoopCompiler.compileAll(g.equations());
        assertThat(kernels).hasSize(g.size()).doesNotContainNull();
        assertThat(java.util.Arrays.stream(kernels).map(k -> k.getClass().getEnclosingClass()).distinct())
                .hasSize(1);
        Tensor x = Tensor.randn(Rng.seed(8), 7, 13);
        close(Executor.compiled(g).run(x).get(0), x.mul(1.2345).exp().sin().sum(new int[] {1}, false).add(0.5432),
                1e-14, "value");
    }

    @Test
    void singleStepsCompileToLoopsAndOthersDoNot() {
        Graph g = Graph.trace(t -> t.matmul(t.transpose()).neg().sum(new int[] {0}, false), Tensor.zeros(3, 4));
        List<Kernel> kernels = g.equations().stream().map(LoopCompiler::compile).toList();
        assertThat(g.equations().get(0).op().name()).isEqualTo("transpose");
        assertThat(kernels.get(0)).isNull();
        assertThat(kernels.get(1)).isNull();                 // matmul: core's BLAS kernel
        assertThat(kernels.get(2)).isNotNull();              // neg
        assertThat(kernels.get(3)).isNotNull();              // sum over axis 0
    }
}
