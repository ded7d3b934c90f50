package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Derivatives at kinks are fixed, documented choices, the same in every mode: |x|′(0) = 0 (the subgradient sign(0));
 * at a tie min and max give each argument half, so min(x, x)′ = 1; sign′ = 0 everywhere.
 */
class KinkTest {

    enum Way {
        DUAL, DUAL_VECTOR, JET, TAPE;

        double[] gradient(RealFunction f, double... x) {
            switch (this) {
                case DUAL:
                    return RealContract.dualGradient(f, x).gradient();
                case DUAL_VECTOR:
                    return Derivatives.gradient(f, Mode.FORWARD, x).gradient();
                case JET:
                    return RealContract.jetGradient(f, x).gradient();
                default:
                    return Derivatives.gradient(f, Mode.REVERSE, x).gradient();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void absAtZeroHasDerivativeZero(Way way) {
        // sign(±0) = ±0: either zero is the derivative 0
        assertThat(way.gradient(x -> x[0].abs(), 0.0)[0]).isCloseTo(0, within(0.0));
        assertThat(way.gradient(x -> x[0].abs(), -0.0)[0]).isCloseTo(0, within(0.0));
        assertThat(way.gradient(x -> x[0].abs(), -2.0)).containsExactly(-1);
        assertThat(way.gradient(x -> x[0].signum(), 0.0)[0]).isCloseTo(0, within(0.0));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void minAndMaxSplitTheDerivativeAtATie(Way way) {
        for (RealFunction f : Map.<String, RealFunction>of("min", x -> x[0].min(x[1]), "max", x -> x[0].max(x[1]))
                .values()) {
            assertThat(way.gradient(f, 1.5, 1.5)).containsExactly(0.5, 0.5);
        }
        assertThat(way.gradient(x -> x[0].min(x[0]), 1.5)).containsExactly(1);
        assertThat(way.gradient(x -> x[0].max(1.5), 1.5)).containsExactly(0.5);
        assertThat(way.gradient(x -> x[0].min(x[1]), 1.0, 2.0)).containsExactly(1, 0);
        assertThat(way.gradient(x -> x[0].max(x[1]), 1.0, 2.0)).containsExactly(0, 1);
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void reluWrittenWithMaxIsHalfAtZero(Way way) {
        assertThat(way.gradient(x -> x[0].max(0), 0.0)).containsExactly(0.5);
    }

    @org.junit.jupiter.api.Test
    void secondDerivativesAtKinksAreZero() {
        assertThat(Derivatives.hessian(x -> x[0].abs(), 0.0)[0][0]).isCloseTo(0, within(0.0));
        assertThat(Derivatives.hessian(x -> x[0].min(x[1]), 1.0, 1.0)).isDeepEqualTo(new double[2][2]);
        assertThat(((Jet) Jet.variable(0, 3).abs()).coefficients()).containsExactly(0, 0, 0, 0);
    }
}
