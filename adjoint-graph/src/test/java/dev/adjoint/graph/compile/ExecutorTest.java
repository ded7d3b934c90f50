package dev.adjoint.graph.compile;

import dev.adjoint.examples.Rosenbrock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Workloads;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExecutorTest {

    private static Tensor chain(Tensor x) {
        Tensor y = x;
        for (int i = 0; i < 10; i++) {
            y = y.sin().add(x);
        }
        return y;
    }

    @Test
    void deadBuffersAreReused() {
        int n = 1000;
        Graph g = Graph.trace(ExecutorTest::chain, Tensor.zeros(n));
        Executor ex = Executor.of(g);
        Tensor x = Tensor.randn(Rng.seed(1), n);
        Tensor out = ex.run(x).get(0);
        assertThat(out.toArray()).containsExactly(chain(x).toArray());
        // 20 equations of n doubles each: without reuse 20 arrays would be allocated; a chain needs two at a time.
        assertThat(ex.allocatedBytes()).isLessThanOrEqualTo(3L * 8 * n);
        assertThat(ex.peakBytes()).isLessThanOrEqualTo(3L * 8 * n);    // input + two live intermediates
        assertThat(ex.peakBytes()).isGreaterThanOrEqualTo(2L * 8 * n);
    }

    @Test
    void elementwiseLoopsOverwriteOperandsThatDieThere() {
        int n = 1000;
        Graph g = Graph.trace(ExecutorTest::chain, Tensor.zeros(n));      // unfused: 20 loops of one step each
        Executor ex = Executor.compiled(g);
        Tensor x = Tensor.randn(Rng.seed(1), n);
        assertThat(ex.run(x).get(0).toArray()).containsExactly(chain(x).toArray());
        assertThat(ex.allocatedBytes()).isEqualTo(8L * n);                 // one buffer, then every step in place
        assertThat(ex.peakBytes()).isEqualTo(2L * 8 * n);                  // the input and that buffer
    }

    @Test
    void reductionsNeverOverwriteTheirOperand() {
        // A sum over an axis of length one has its operand's size, but it clears its output before reading.
        Function<Tensor, Tensor> f = x -> x.exp().sum(new int[] {1}, true).mul(2);
        Tensor x = Tensor.randn(Rng.seed(2), 6, 1);
        Graph g = Graph.trace(f, x);
        assertThat(Executor.compiled(g).run(x).get(0).toArray()).containsExactly(f.apply(x).toArray());
    }

    @Test
    void reusedBuffersNeverCorruptResultsThatAliasThem() {
        // reshape shares its input's buffer: the buffer must stay alive while the reshaped value is.
        Function<Tensor, Tensor> f = x -> {
            Tensor a = x.exp();
            Tensor r = a.reshape(2, 2);
            Tensor b = a.sin().add(1).reshape(2, 2);
            return r.add(b).add(r);
        };
        Graph g = Graph.trace(f, Tensor.zeros(4));
        Tensor x = Tensor.of(0.1, 0.2, 0.3, 0.4);
        assertThat(Executor.of(g).run(x).get(0).toArray()).containsExactly(f.apply(x).toArray());
        assertThat(Executor.compiled(g.optimize()).run(x).get(0).toArray()).containsExactly(f.apply(x).toArray());
    }

    @Test
    void jitRetracesPerShapeAndCaches() {
        CompiledFunction<Tensor, Tensor> c = Jit.compile(Ad.grad(Rosenbrock::value), Tensor.zeros(10));
        assertThat(c.traces()).isEqualTo(1);
        Tensor x = Tensor.randn(Rng.seed(2), 10);
        assertThat(c.apply(x).toArray()).containsExactly(Ad.grad(Rosenbrock::value).apply(x).toArray());
        c.apply(Tensor.randn(Rng.seed(3), 10));
        assertThat(c.traces()).isEqualTo(1);
        Tensor y = Tensor.randn(Rng.seed(4), 20);
        assertThat(c.apply(y).shape()).isEqualTo(Shape.of(20));
        assertThat(c.traces()).isEqualTo(2);
        assertThat(c.compileNanos()).isPositive();
    }

    @Test
    void generatedLoopSourceIsReadable() {
        Graph g = Graph.trace(x -> x.sin().mul(2).add(x), Tensor.zeros(5)).optimize();
        dev.adjoint.graph.Fused f = (dev.adjoint.graph.Fused) g.equations().get(g.equations().size() - 1).op();
        String src = LoopCompiler.source(f, new java.util.ArrayList<>());
        assertThat(src).contains("for (int j = 0; j < 5; j++)").contains("Math.sin(").contains("out[bo + j] =");
    }
}
