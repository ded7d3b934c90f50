package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested derivatives: perturbation confusion is refused, and forward-over-reverse second derivatives are right.
 */
class NestingTest {

    /** D f (a): the derivative of f at a by a fresh forward-mode perturbation. */
    static Real derivativeDual(Function<Real, Real> f, Real a) {
        Dual x = Dual.variable(a.value()); // a fresh perturbation, but a constant in any outer computation
        return a.constant(((Dual) f.apply(x)).tangent());
    }

    @Test
    void theClassicConfusionNeverSilentlyGivesTwo() {
        // D(x ↦ x · D(y ↦ x + y)(1))(1) = 1; an untagged implementation mixes the two ε's and answers 2.
        Function<Real, Real> outer = x -> x.mul(derivativeDual(y -> x.add(y), x.constant(1)));
        assertThatThrownBy(() -> ((Dual) outer.apply(Dual.variable(1))).tangent())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("perturbation confusion", "two different derivative computations",
                        "Derivatives.hessian");
    }

    @Test
    void theClassicConfusionThroughDerivativesIsRefusedToo() {
        RealFunction outer = x -> x[0].mul(Derivatives.derivative(y -> x[0].add(y[0]), 1));
        assertThatThrownBy(() -> Derivatives.derivative(outer, 1)).hasMessageContaining("perturbation confusion");
    }

    @Test
    void dualVectorsAndJetsOfTwoComputationsAreKeptApart() {
        DualVector[] outer = DualVector.variables(1, 2);
        DualVector[] inner = DualVector.variables(3, 4);
        assertThatThrownBy(() -> outer[0].add(inner[0])).hasMessageContaining("perturbation confusion");
        Jet a = Jet.variable(1, 3);
        Jet b = Jet.variable(1, 3);
        assertThatThrownBy(() -> a.mul(b)).hasMessageContaining("perturbation confusion");
        // untagged constants combine with anything
        assertThat(a.mul(Jet.constantOf(2, 3)).derivative(1)).isEqualTo(2);
        assertThat(Dual.variable(1).mul(Dual.constantOf(3)).tangent()).isEqualTo(3);
    }

    @Test
    void withoutTagsTheSameProgramGivesTheWrongAnswerTwo() {
        // the same program on untagged duals, to show what the tags prevent
        Function<Real, Real> inner = x -> Dual.of(x.value(), ((Dual) x).tangent()).add(Dual.of(1, 1));
        Dual x = Dual.of(1, 1);
        Dual confused = x.mul(x.constant(((Dual) inner.apply(x)).tangent()));
        assertThat(confused.tangent()).isEqualTo(2);
    }

    /** Rosenbrock in n dimensions: Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)². */
    static final RealFunction ROSENBROCK = x -> {
        Real sum = x[0].constant(0);
        for (int i = 0; i + 1 < x.length; i++) {
            sum = sum.add(x[i + 1].sub(x[i].square()).square().mul(100)).add(x[i].neg().add(1).square());
        }
        return sum;
    };

    static double[][] rosenbrockHessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i + 1 < n; i++) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i + 1][i + 1] += 200;
            h[i][i + 1] -= 400 * x[i];
            h[i + 1][i] -= 400 * x[i];
        }
        return h;
    }

    static IntStream seeds() {
        return IntStream.range(0, 8);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rosenbrockHessianByForwardOverReverse(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = random.doubles(6, -1.5, 1.5).toArray();
        double[][] h = Derivatives.hessian(ROSENBROCK, x);
        double[][] exact = rosenbrockHessian(x);
        double[][] fd = ContractCases.finiteDifferenceHessian(ROSENBROCK, x);
        for (int i = 0; i < x.length; i++) {
            assertThat(h[i]).containsExactly(exact[i], within(1e-10));
            assertThat(h[i]).containsExactly(fd[i], within(1e-6));
        }
        double[] v = random.doubles(6, -1, 1).toArray();
        double[] hv = Derivatives.hvp(ROSENBROCK, x, v);
        for (int i = 0; i < x.length; i++) {
            double expected = 0;
            for (int j = 0; j < x.length; j++) {
                expected += exact[i][j] * v[j];
            }
            assertThat(hv[i]).isCloseTo(expected, within(1e-10));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lectureHessianByForwardOverReverse(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = {random.nextDouble(0.5, 3), random.nextDouble(-3, 3)};
        double[][] h = Derivatives.hessian(DerivativesTest.LECTURE, x);
        double[][] fd = ContractCases.finiteDifferenceHessian(DerivativesTest.LECTURE, x);
        double[][] exact = {{-1 / (x[0] * x[0]), 1}, {1, Math.sin(x[1])}};
        for (int i = 0; i < 2; i++) {
            assertThat(h[i]).containsExactly(exact[i], within(1e-14));
            assertThat(h[i]).containsExactly(fd[i], within(1e-7));
        }
    }

    @Test
    void hessianOfAQuadraticFormIsItsSymmetricMatrix() {
        double[][] a = {{2, 1, 0}, {1, 3, -1}, {0, -1, 4}};
        RealFunction q = x -> {
            Real s = x[0].constant(0);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    s = s.add(x[i].mul(x[j]).mul(a[i][j] / 2));
                }
            }
            return s;
        };
        assertThat(Derivatives.hessian(q, 0.3, -2, 5)).isDeepEqualTo(a);
    }

    @Test
    void aSecondOrderVariableKeptBetweenCallsIsRefused() {
        Real[] kept = new Real[1];
        RealFunction leaky = x -> {
            if (kept[0] == null) {
                kept[0] = x[0];
            }
            return x[0].mul(kept[0]);
        };
        assertThatThrownBy(() -> Derivatives.hessian(leaky, 1, 2)).hasMessageContaining("another Hessian computation");
    }
}
