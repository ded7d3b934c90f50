package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Long programs: the tape is flat arrays and the sweeps are loops, so nothing recurses with program length. */
class DeepProgramTest {

    @Test
    void gradientThroughHalfAMillionPrimitives() {
        int n = 500_000;
        double c = 1 + 1e-7;
        Tensor g = Ad.grad((Tensor x) -> {
            Tensor y = x;
            for (int i = 0; i < n; i++) {
                y = y.mul(c);
            }
            return y.sum();
        }).apply(Tensor.scalar(1));
        assertThat(g.item()).isCloseTo(Math.pow(c, n), within(1e-9));
    }

    @Test
    void hvpThroughALongChain() {
        int n = 50_000;
        double c = 1 + 1e-6;
        Tensor h = Ad.hvp((Tensor x) -> {
            Tensor y = x;
            for (int i = 0; i < n; i++) {
                y = y.mul(c);
            }
            return y.square().sum().mul(0.5);
        }, Tensor.scalar(0.3), Tensor.scalar(2));
        assertThat(h.item()).isCloseTo(2 * Math.pow(c, 2 * n), within(1e-9));
    }
}
