package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DualVector's factories and misuse; its derivatives are checked by the contract suite. */
class DualVectorTest {

    @Test
    void variablesSeedTheIdentity() {
        DualVector[] x = DualVector.variables(2, 5);
        assertThat(x[0].tangents()).containsExactly(1, 0);
        assertThat(x[1].tangents()).containsExactly(0, 1);
        DualVector y = (DualVector) DerivativesTest.LECTURE.apply(x);
        assertThat(y.dimension()).isEqualTo(2);
        assertThat(y.tangent(0)).isEqualTo(0.5 + 5);
    }

    @Test
    void seedCarriesAnyDirections() {
        DualVector[] x = DualVector.seed(new double[] {2, 5}, new double[][] {{1, 1, 0}, {0, 1, 2}});
        DualVector y = x[0].mul(x[1]); // ∇ = (5, 2)
        assertThat(y.tangents()).containsExactly(5, 7, 4);
        assertThat(y.toString()).isEqualTo("10.0 + [5.0, 7.0, 4.0]ε");
    }

    @Test
    void tangentsAreNotShared() {
        DualVector x = DualVector.of(1, 2, 3);
        x.tangents()[0] = 99;
        assertThat(x.add(1).tangents()).containsExactly(2, 3);
    }

    @Test
    void misuseIsExplained() {
        assertThatThrownBy(() -> DualVector.of(1, 1, 2).add(DualVector.of(1, 1))).hasMessageContaining(
                "2 and 1 tangents");
        assertThatThrownBy(() -> DualVector.seed(new double[] {1, 2}, new double[][] {{1}}))
                .hasMessageContainingAll("2 values", "1 tangent vectors");
        assertThatThrownBy(() -> DualVector.seed(new double[] {1, 2}, new double[][] {{1}, {1, 2}}))
                .hasMessageContainingAll("tangent vector 0 has 1", "tangent vector 1 has 2");
        assertThatThrownBy(() -> DualVector.of(1).mul(Dual.of(1, 0))).hasMessageContaining("DualVector with a Dual");
    }
}
