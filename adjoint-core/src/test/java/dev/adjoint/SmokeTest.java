package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void lecture() {
        // f(x1, x2) = ln x1 + x1 x2 − sin x2 at (2, 5)
        Tensor x = Tensor.of(2, 5);
        var g = Ad.valueAndGrad((Tensor v) -> v.index(0).log().add(v.index(0).mul(v.index(1))).sub(v.index(1).sin()))
                .apply(x);
        assertThat(g.value().item()).isCloseTo(11.652, within(1e-3));
        assertThat(g.grad().toArray()).containsExactly(new double[] {5.5, 2 - Math.cos(5)}, within(1e-12));
    }

    @Test
    void nested() {
        java.util.function.Function<Tensor, Tensor> f = x -> x.sin().sum();
        Tensor x = Tensor.of(0.3, 0.7);
        Tensor g3 = Ad.grad((Tensor y) -> Ad.grad((Tensor z) -> Ad.grad(f).apply(z).sum()).apply(y).sum()).apply(x);
        assertThat(g3.toArray()).containsExactly(new double[] {-Math.cos(0.3), -Math.cos(0.7)}, within(1e-12));
        Tensor h = Ad.hessian(f).apply(x);
        assertThat(h.toArray()).containsExactly(new double[] {-Math.sin(0.3), 0, 0, -Math.sin(0.7)}, within(1e-12));
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor jm = Ad.jacobian(v -> m.matmul(v).tanh(), x);
        Tensor jf = Ad.jacfwd(v -> m.matmul(v).tanh()).apply(x);
        assertThat(jm.toArray()).containsExactly(jf.toArray(), within(1e-12));
        System.out.println(jm + " " + dev.adjoint.array.Blas.name());
    }
}
