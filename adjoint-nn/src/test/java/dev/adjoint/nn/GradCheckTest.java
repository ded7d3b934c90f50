package dev.adjoint.nn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The gradient check itself can fail: a wrong reverse rule or a wrong forward rule is caught. */
class GradCheckTest {

    @Test
    void wrongReverseRuleIsCaught() {
        Function<Tensor, Tensor> badSin = Ad.customVjp(Tensor::sin, (x, y, g) -> g.mul(x.cos()).mul(1.01));
        assertThatThrownBy(() -> GradCheck.check((Tensor x) -> badSin.apply(x).sum(), Tensor.of(0.3, 1.2), 1, false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reverse mode");
    }

    @Test
    void wrongForwardRuleIsCaught() {
        Function<Tensor, Tensor> badExp = Ad.customJvp(Tensor::exp, (x, t, y) -> t.mul(y).mul(0.99));
        assertThatThrownBy(() -> GradCheck.check((Tensor x) -> badExp.apply(x).sum(), Tensor.of(0.3, 1.2), 1, false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("forward mode");
    }
}
