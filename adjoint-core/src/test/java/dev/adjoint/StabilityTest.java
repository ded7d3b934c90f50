package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The composites that must not overflow: logsumexp, softmax, logSoftmax, softplus, sigmoid, and their gradients. */
class StabilityTest {

    @Test
    void logsumexpAndSoftmaxWithHugeInputs() {
        Tensor x = Tensor.of(1000, 1000, -1000);
        assertThat(x.logsumexp().item()).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(x.softmax(0).toArray()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-15));
        assertThat(x.logSoftmax(0).toArray()[0]).isCloseTo(-Math.log(2), within(1e-12));
        Tensor g = Ad.grad(Tensor::logsumexp).apply(x);
        assertThat(g.toArray()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-15));
        Tensor inf = Tensor.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(inf.logsumexp().item()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void softplusAndSigmoidInTheTails() {
        Tensor x = Tensor.of(-800, 800);
        assertThat(x.softplus().toArray()).containsExactly(0, 800);
        assertThat(x.sigmoid().toArray()).containsExactly(0, 1);
        assertThat(Ad.grad((Tensor v) -> v.softplus().sum()).apply(x).toArray()).containsExactly(0, 1);
    }

    @Test
    void varianceIsAccurateForLargeOffsets() {
        Tensor x = Tensor.of(1e9 + 1, 1e9 + 2, 1e9 + 3);
        assertThat(x.var().item()).isCloseTo(2.0 / 3, within(1e-6));
    }
}
