package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The public checker accepts correct derivatives and rejects a wrong rule; checkpointing keeps derivatives. */
class GradCheckTest {

    @Test
    void acceptsCorrectDerivatives() {
        GradCheck.Report r = GradCheck.check(x -> x.tanh().matmul(x.reshape(3, 1)).exp(), Tensor.of(0.1, -0.5, 0.3)
                .reshape(1, 3), 1);
        assertThat(r.passed(1e-6)).as(r.toString()).isTrue();
    }

    @Test
    void rejectsAWrongRule() {
        Function<Tensor, Tensor> wrong = Ad.customVjp(Tensor::sin, (x, y, g) -> g.mul(x.sin()));
        GradCheck.Report r = GradCheck.check(wrong, Tensor.of(0.4, 1.3), 2);
        assertThat(r.forward()).isLessThan(1e-8);
        assertThat(r.reverse()).isGreaterThan(1e-2);
        assertThat(r.passed(1e-6)).isFalse();
    }

    @Test
    void checkpointKeepsEveryDerivative() {
        Function<Tensor, Tensor> block = x -> x.sin().mul(x).exp();
        Function<Tensor, Tensor> f = x -> Ad.checkpoint(block).apply(x).sum();
        Tensor x = Tensor.of(0.2, -0.7, 1.1);
        Checks.close("grad", Ad.grad(f).apply(x), Ad.grad((Tensor v) -> block.apply(v).sum()).apply(x), 1e-14);
        Checks.close("hessian", Ad.hessian(f).apply(x), Ad.hessian((Tensor v) -> block.apply(v).sum()).apply(x),
                1e-13);
        assertThat(GradCheck.check(Ad.checkpoint(block), x, 3).passed(1e-6)).isTrue();
    }
}
