package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Taylor series of high order against known series, series arithmetic, and misuse. */
class JetTest {

    static DoubleStream points() {
        return new SplittableRandom(11).doubles(6, -2, 2);
    }

    @ParameterizedTest
    @MethodSource("points")
    void sineToOrderTwelve(double x) {
        Jet y = (Jet) Jet.variable(x, 12).sin();
        for (int j = 0; j <= 12; j++) {
            assertThat(y.derivative(j)).as("sin^(%d)", j).isCloseTo(Math.sin(x + j * Math.PI / 2), within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("points")
    void exponentialCoefficientsAreEToTheXOverJFactorial(double x) {
        Jet y = (Jet) Jet.variable(x, 15).exp();
        double factorial = 1;
        for (int j = 0; j <= 15; j++) {
            factorial *= Math.max(j, 1);
            assertThat(y.coefficient(j)).isCloseTo(Math.exp(x) / factorial, within(1e-15 * Math.exp(x)));
        }
    }

    @ParameterizedTest
    @MethodSource("points")
    void inversesCancelToTheIdentitySeries(double x) {
        Jet t = Jet.variable(x, 8);
        double[] identity = t.coefficients();
        assertThat(((Jet) t.exp().log()).coefficients()).containsExactly(identity, within(1e-12));
        assertThat(((Jet) t.sinh().asinh()).coefficients()).containsExactly(identity, within(1e-11));
        assertThat(((Jet) t.mul(t).div(t)).coefficients()).containsExactly(identity, within(1e-12));
        assertThat(((Jet) t.atan().tan()).coefficients()).containsExactly(identity, within(1e-11));
    }

    @Test
    void geometricSeriesBySeriesDivision() {
        // 1 / (1 − t) = 1 + t + t² + …
        Jet t = Jet.variable(0, 10);
        Jet g = t.constant(1).div(t.neg().add(1));
        for (int j = 0; j <= 10; j++) {
            assertThat(g.coefficient(j)).isEqualTo(1);
        }
        assertThat(g.derivative(10)).isEqualTo(3628800);
    }

    @Test
    void cauchyProductMultipliesPolynomials() {
        // (1 + 2t)(3 − t + t²) = 3 + 5t − t² + 2t³ (order 3)
        Jet p = Jet.of(1, 2, 0, 0).mul(Jet.of(3, -1, 1, 0));
        assertThat(p.coefficients()).containsExactly(3, 5, -1, 2);
        assertThat(p.toString()).isEqualTo("3.0 + 5.0 t - 1.0 t^2 + 2.0 t^3");
    }

    /** The k-th derivative of s ↦ (2 + s)^(3 + 2s) at s, by a Jet of order k. */
    private static double powAlongLine(double s, int k) {
        Jet[] xy = Jet.seed(new double[] {2 + s, 3 + 2 * s}, new double[] {1, 2}, k);
        return ((Jet) xy[0].pow(xy[1])).derivative(k);
    }

    @Test
    void binaryRowsFollowBothPartials() {
        for (int j = 1; j <= 4; j++) {
            final int k = j - 1;
            double fd = ContractCases.fivePoint(s -> powAlongLine(s, k), 0);
            assertThat(powAlongLine(0, j)).as("order %d", j).isCloseTo(fd, within(1e-6 * Math.abs(fd)));
        }
        // first order in closed form: d/ds = x^y (y′ ln x + y x′/x) = 8 (2 ln 2 + 3/2)
        assertThat(powAlongLine(0, 1)).isCloseTo(8 * (2 * Math.log(2) + 1.5), within(1e-13));
    }

    @Test
    void orderZeroIsJustTheValue() {
        Jet x = Jet.variable(0.3, 0);
        assertThat(x.sin().value()).isEqualTo(Math.sin(0.3));
        assertThat(x.order()).isZero();
    }

    @Test
    void misuseIsExplained() {
        assertThatThrownBy(() -> Jet.variable(1, -1)).hasMessageContaining("order must be >= 0");
        assertThatThrownBy(() -> Jet.of()).hasMessageContaining("at least the coefficient c0");
        Jet[] a = Jet.seed(new double[] {1, 2}, new double[] {1, 0}, 2);
        assertThatThrownBy(() -> a[0].add(Jet.constantOf(1, 3))).hasMessageContainingAll("order 2 and 3");
        assertThatThrownBy(() -> a[0].add(Dual.of(1, 1))).hasMessageContainingAll("Jet", "Dual");
        assertThatThrownBy(() -> Jet.seed(new double[] {1}, new double[] {1, 2}, 2))
                .hasMessageContainingAll("1 values", "2 direction");
    }
}
