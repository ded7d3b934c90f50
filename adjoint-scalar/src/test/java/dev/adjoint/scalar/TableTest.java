package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each row's two first derivatives agree: {@code slope} on doubles and {@code derivative} run on a {@link Dual}
 * and on a {@link Jet}; the rule's own derivative (the second derivative of the row) and the Jet's higher
 * coefficients match finite differences.
 */
class TableTest {

    static Stream<Arguments> rowsAtPoints() {
        SplittableRandom random = new SplittableRandom(7);
        List<Arguments> args = new ArrayList<>();
        for (UnaryFunction row : ContractCases.unaryRows()) {
            for (int k = 0; k < 4; k++) {
                args.add(Arguments.of(ContractCases.name(row), row, ContractCases.pointIn(row, random)));
            }
        }
        return args.stream();
    }

    private static double relative(double scale) {
        return 1e-12 * (1 + Math.abs(scale));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("rowsAtPoints")
    void slopeEqualsTheDerivativeRuleOnDualAndJet(String name, UnaryFunction row, double x) {
        double slope = row.slope(x);
        Dual d = (Dual) row.derivative(Dual.variable(x));
        Jet j = (Jet) row.derivative(Jet.variable(x, 3));
        assertThat(d.value()).as("derivative(Dual)").isCloseTo(slope, within(relative(slope)));
        assertThat(j.value()).as("derivative(Jet)").isCloseTo(slope, within(relative(slope)));
        assertThat(j.derivative(1)).as("Jet of the rule vs Dual of the rule").isCloseTo(d.tangent(),
                within(1e-10 * (1 + Math.abs(d.tangent()))));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("rowsAtPoints")
    void slopeMatchesFiniteDifferencesOfTheValue(String name, UnaryFunction row, double x) {
        double fd = ContractCases.fivePoint(row::value, x);
        assertThat(row.slope(x)).isCloseTo(fd, within(1e-7 * (1 + Math.abs(fd) + Math.abs(row.value(x)))));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("rowsAtPoints")
    void secondDerivativeByDualMatchesFiniteDifferencesOfTheSlope(String name, UnaryFunction row, double x) {
        double second = ((Dual) row.derivative(Dual.variable(x))).tangent();
        double fd = ContractCases.fivePoint(row::slope, x);
        assertThat(second).isCloseTo(fd, within(1e-7 * (1 + Math.abs(fd) + Math.abs(row.slope(x)))));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("rowsAtPoints")
    void jetDerivativesUpToOrderFourMatchFiniteDifferences(String name, UnaryFunction row, double x) {
        int order = 4;
        Jet y = Jet.variable(x, order).apply(row);
        assertThat(y.value()).isEqualTo(row.value(x));
        assertThat(y.derivative(1)).isCloseTo(row.slope(x), within(relative(row.slope(x))));
        for (int j = 1; j < order; j++) {
            final int k = j;
            double fd = ContractCases.fivePoint(t -> Jet.variable(t, k).apply(row).derivative(k), x);
            assertThat(y.derivative(j + 1)).as("f^(%d)", j + 1)
                    .isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd) + Math.abs(y.derivative(j)))));
        }
    }

    static Stream<Arguments> binaryRowsAtPoints() {
        List<Arguments> args = new ArrayList<>();
        for (ContractCases.Case c : ContractCases.binary()) {
            args.add(Arguments.of(c.name(), Binary.valueOf(c.name().toUpperCase(java.util.Locale.ROOT)), c.x()));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("binaryRowsAtPoints")
    void binarySlopesEqualTheDerivativeRules(String name, Binary row, double[] p) {
        double sx = row.slopeX(p[0], p[1]);
        double sy = row.slopeY(p[0], p[1]);
        Dual[] d = Dual.seed(p, new double[] {1, 0});
        Jet[] j = Jet.seed(p, new double[] {0, 1}, 2);
        assertThat(row.derivativeX(d[0], d[1]).value()).isCloseTo(sx, within(relative(sx)));
        assertThat(row.derivativeY(d[0], d[1]).value()).isCloseTo(sy, within(relative(sy)));
        assertThat(row.derivativeX(j[0], j[1]).value()).isCloseTo(sx, within(relative(sx)));
        assertThat(row.derivativeY(j[0], j[1]).value()).isCloseTo(sy, within(relative(sy)));
        double fx = ContractCases.fivePoint(t -> row.value(t, p[1]), p[0]);
        double fy = ContractCases.fivePoint(t -> row.value(p[0], t), p[1]);
        assertThat(sx).isCloseTo(fx, within(1e-7 * (1 + Math.abs(sx))));
        assertThat(sy).isCloseTo(fy, within(1e-7 * (1 + Math.abs(sy))));
        // the rules' own derivatives: ∂²f/∂x² by Dual along x, ∂²f/∂y∂x by Jet along y
        double fxx = ContractCases.fivePoint(t -> row.slopeX(t, p[1]), p[0]);
        double fxy = ContractCases.fivePoint(t -> row.slopeX(p[0], t), p[1]);
        assertThat(((Dual) row.derivativeX(d[0], d[1])).tangent()).isCloseTo(fxx, within(1e-7 * (1 + Math.abs(fxx))));
        assertThat(((Jet) row.derivativeX(j[0], j[1])).derivative(1)).isCloseTo(fxy,
                within(1e-7 * (1 + Math.abs(fxy))));
    }

    @ParameterizedTest
    @EnumSource(Elementary.class)
    void everyElementaryRowIsFoundBySymbolAndRunInTheContract(Elementary row) {
        assertThat(Elementary.bySymbol(row.symbol())).isSameAs(row);
        assertThat(ContractCases.unary()).anyMatch(c -> c.name().equals(row.symbol()));
        assertThat(row.lower()).isLessThan(row.upper());
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void everyBinaryRowIsFoundBySymbolAndRunInTheContract(Binary row) {
        assertThat(Binary.bySymbol(row.symbol())).isSameAs(row);
        String name = row.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(ContractCases.binary()).anyMatch(c -> c.name().equals(name));
    }

    @Test
    void polygammaContinuesDigammaAndRejectsNegativeOrders() {
        assertThat(Polygamma.of(0).value(3.5)).isEqualTo(Elementary.DIGAMMA.value(3.5));
        assertThat(Polygamma.of(1).value(3.5)).isEqualTo(Elementary.DIGAMMA.slope(3.5));
        // ψ⁽ⁿ⁾(1) = (−1)^(n+1) n! ζ(n+1): ψ''(1) = −2ζ(3), ψ'''(1) = 6ζ(4) = π⁴/15
        double zeta3 = 1.2020569031595942;
        assertThat(Polygamma.of(2).value(1)).isCloseTo(-2 * zeta3, within(1e-13));
        assertThat(Polygamma.of(3).value(1)).isCloseTo(Math.pow(Math.PI, 4) / 15, within(1e-12));
        assertThat(Polygamma.of(3).value(-1)).isNaN();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Polygamma.of(-1))
                .hasMessageContaining("order must be >= 0");
    }
}
