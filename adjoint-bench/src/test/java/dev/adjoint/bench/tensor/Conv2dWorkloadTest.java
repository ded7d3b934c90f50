package dev.adjoint.bench.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Workloads;
import org.junit.jupiter.api.Test;

/** The conv2d workloads' three implementations compute the same numbers. */
class Conv2dWorkloadTest {

    @Test
    void rawIm2colComposedAndPrimitiveAgree() {
        Rng r = Rng.seed(1);
        Tensor x = Tensor.randn(r, Conv2d.N, Conv2d.H, Conv2d.H, Conv2d.C);
        Tensor w = Tensor.randn(r, Conv2d.K, Conv2d.K, Conv2d.C, Conv2d.O);
        double[] raw = Conv2d.rawForward(x.toArray(), w.toArray());
        double[] primitive = x.conv2d(w, 1, 1).toArray();
        double[] composed = Conv2d.composed(x, w).toArray();
        for (int i = 0; i < raw.length; i += 97) {
            assertThat(primitive[i]).isCloseTo(raw[i], within(1e-10));
            assertThat(composed[i]).isCloseTo(raw[i], within(1e-10));
        }
        for (String id : new String[] {"conv2d_forward", "conv2d_backward"}) {
            var wl = Workloads.byId(id);
            double a = wl.task(Impl.OBJECTIVE).run();
            assertThat(wl.task(Impl.ADJOINT_TENSOR).run()).as(id).isCloseTo(a, within(1e-9 * (1 + Math.abs(a))));
            assertThat(wl.task(Impl.COMPOSED).run()).as(id).isCloseTo(a, within(1e-9 * (1 + Math.abs(a))));
        }
    }
}
