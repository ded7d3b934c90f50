package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorStepTest {

    private static final int D = 3;

    /** State [x (D); W (D×D)]: x ← tanh(W·x + i/N), W carried along. */
    private static Tensor step(int i, Tensor s, int n) {
        Tensor x = s.slice(0, 0, D);
        Tensor w = s.slice(0, D, D + D * D);
        Tensor next = w.reshape(D, D).matmul(x).add((double) i / n).tanh();
        return Tensor.concat(0, next, w);
    }

    @ParameterizedTest(name = "N={0}, s={1}")
    @CsvSource({"1,1", "5,2", "17,3", "40,4"})
    void binomialOverATensorLoopEqualsTheUnrolledGradient(int n, int s) {
        Rng rng = Rng.seed(n + 100L * s);
        Tensor s0 = Tensor.concat(0, Tensor.randn(rng, D), Tensor.randn(rng, D * D).mul(0.6));
        Function<Tensor, Tensor> unrolled = v -> {
            Tensor y = v;
            for (int i = 0; i < n; i++) {
                y = step(i, y, n);
            }
            return y.slice(0, 0, D).square().sum();
        };
        Tensor expected = Ad.grad(unrolled).apply(s0);
        Loop<Tensor> loop = Loop.of(n, TensorStep.of((i, v) -> step(i, v, n)));
        Tensor seedMask = Tensor.concat(0, Tensor.ones(D), Tensor.zeros(D * D));
        for (Schedule schedule : List.of(Schedule.binomial(n, s), Schedule.sqrt(n), Schedule.storeAll(n))) {
            Loop.Result<Tensor> r = loop.gradient(s0, y -> y.mul(2).mul(seedMask), schedule,
                    t -> 8L * t.size());
            assertThat(r.cotangent().toArray()).as(schedule.toString())
                    .containsExactly(expected.toArray(), within(1e-12));
            assertThat(r.cost().peakSnapshots()).isLessThanOrEqualTo(schedule.peakSnapshots());
        }
    }
}
