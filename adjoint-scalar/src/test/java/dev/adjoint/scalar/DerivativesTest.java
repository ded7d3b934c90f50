package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The public entry points: the lecture's examples, every mode agreeing, and the error messages. */
class DerivativesTest {

    /** The lecture's example y = ln(x₁) + x₁x₂ − sin(x₂). */
    static final RealFunction LECTURE = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());

    /** A map ℝ³ → ℝ² for Jacobians. */
    static final VectorFunction MAP = x -> new Real[] {x[0].mul(x[1]).sin(), x[2].exp().mul(x[0]).add(x[1].square())};

    static double[][] mapJacobian(double a, double b, double c) {
        return new double[][] {
            {b * Math.cos(a * b), a * Math.cos(a * b), 0},
            {Math.exp(c), 2 * b, a * Math.exp(c)}
        };
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lectureExampleInEveryMode(Mode mode) {
        Gradient g = Derivatives.gradient(LECTURE, mode, 2.0, 5.0);
        assertThat(g.value()).isCloseTo(Math.log(2) + 2 * 5 - Math.sin(5), within(1e-15));
        assertThat(g.gradient()).containsExactly(new double[] {1.0 / 2 + 5, 2 - Math.cos(5)}, within(1e-15));
        // the figures the lecture prints
        assertThat(g.value()).isCloseTo(11.652, within(5e-4));
        assertThat(g.gradient(1)).isCloseTo(1.716, within(5e-4));
    }

    @Test
    void defaultGradientIsReverseMode() {
        assertThat(Derivatives.gradient(LECTURE, 2.0, 5.0)).isEqualTo(Derivatives.gradient(LECTURE, Mode.REVERSE,
                2.0, 5.0));
    }

    /** l₁ = x, lₙ₊₁ = 4lₙ(1 − lₙ), f = l₄, against the lecture's hand-written f′. */
    static Real logistic(Real x, int steps) {
        Real l = x;
        for (int i = 1; i < steps; i++) {
            l = l.mul(4).mul(l.neg().add(1));
        }
        return l;
    }

    static double lectureLogisticDerivative(double x) {
        double a = 1 - 2 * x;
        double b = 1 - 8 * x + 8 * x * x;
        return 128 * x * (1 - x) * (-8 + 16 * x) * a * a * b + 64 * (1 - x) * a * a * b * b
                - 64 * x * a * a * b * b - 256 * x * (1 - x) * a * b * b;
    }

    static Stream<Double> unitPoints() {
        SplittableRandom random = new SplittableRandom(4);
        return Stream.generate(random::nextDouble).limit(20);
    }

    @ParameterizedTest
    @MethodSource("unitPoints")
    void logisticMapMatchesTheLecturesClosedForm(double x) {
        RealFunction f = v -> logistic(v[0], 4);
        double expected = lectureLogisticDerivative(x);
        double closedFormValue = 64 * x * (1 - x) * Math.pow(1 - 2 * x, 2) * Math.pow(1 - 8 * x + 8 * x * x, 2);
        assertThat(Derivatives.derivative(f, x)).isCloseTo(expected, within(1e-9));
        for (Mode mode : Mode.values()) {
            Gradient g = Derivatives.gradient(f, mode, x);
            assertThat(g.value()).isCloseTo(closedFormValue, within(1e-12));
            assertThat(g.gradient(0)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        double[] x = {2, 5};
        double[] v = {0.3, -1.7};
        double[] g = Derivatives.gradient(LECTURE, x).gradient();
        assertThat(Derivatives.jvp(LECTURE, x, v)).isCloseTo(g[0] * v[0] + g[1] * v[1], within(1e-14));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void jacobianInEveryMode(Mode mode) {
        double[] x = {0.7, -1.2, 0.4};
        double[][] expected = mapJacobian(x[0], x[1], x[2]);
        double[][] jac = Derivatives.jacobian(MAP, mode, x);
        assertThat(jac).hasDimensions(2, 3);
        for (int i = 0; i < 2; i++) {
            assertThat(jac[i]).containsExactly(expected[i], within(1e-14));
        }
    }

    @Test
    void jacobianAutoPicksForwardForTallMaps() {
        VectorFunction tall = x -> new Real[] {x[0].sin(), x[0].cos(), x[0].square()};
        assertThat(Derivatives.jacobian(tall, 0.5)).isDeepEqualTo(Derivatives.jacobian(tall, Mode.FORWARD, 0.5));
        assertThat(Derivatives.jacobian(tall, 0.5)[2][0]).isEqualTo(1.0);
    }

    @Test
    void jvpAndVjpOfAVectorFunction() {
        double[] x = {0.7, -1.2, 0.4};
        double[][] j = mapJacobian(x[0], x[1], x[2]);
        double[] v = {1.5, -0.5, 2};
        double[] w = {-1, 3};
        double[] jv = Derivatives.jvp(MAP, x, v);
        double[] wj = Derivatives.vjp(MAP, x, w);
        for (int i = 0; i < 2; i++) {
            assertThat(jv[i]).isCloseTo(j[i][0] * v[0] + j[i][1] * v[1] + j[i][2] * v[2], within(1e-14));
        }
        for (int k = 0; k < 3; k++) {
            assertThat(wj[k]).isCloseTo(w[0] * j[0][k] + w[1] * j[1][k], within(1e-14));
        }
    }

    @Test
    void hessianAndHvpOfTheLectureExample() {
        // ∂²/∂x₁² = −1/x₁², ∂²/∂x₁∂x₂ = 1, ∂²/∂x₂² = sin x₂
        double[][] h = Derivatives.hessian(LECTURE, 2.0, 5.0);
        assertThat(h[0]).containsExactly(new double[] {-0.25, 1}, within(1e-15));
        assertThat(h[1]).containsExactly(new double[] {1, Math.sin(5)}, within(1e-15));
        double[] hv = Derivatives.hvp(LECTURE, new double[] {2, 5}, new double[] {3, -2});
        assertThat(hv).containsExactly(new double[] {-0.75 - 2, 3 - 2 * Math.sin(5)}, within(1e-14));
    }

    @Test
    void dimensionMismatchesNameTheArgumentsAndLengths() {
        assertThatThrownBy(() -> Derivatives.jvp(LECTURE, new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("jvp", "x has 2", "v has 1");
        assertThatThrownBy(() -> Derivatives.hvp(LECTURE, new double[] {1, 2}, new double[] {1, 2, 3}))
                .hasMessageContainingAll("hvp", "x has 2", "v has 3");
        assertThatThrownBy(() -> Derivatives.vjp(MAP, new double[] {1, 2, 3}, new double[] {1}))
                .hasMessageContainingAll("vjp", "2 outputs", "w has 1");
        assertThatThrownBy(() -> Derivatives.jvp(MAP, new double[] {1, 2, 3}, new double[] {1}))
                .hasMessageContainingAll("jvp", "x has 3", "v has 1");
    }

    @Test
    void aResultNotComputedFromTheArgumentsIsExplained() {
        RealFunction foreign = x -> Tape.create().variable(1);
        assertThatThrownBy(() -> Derivatives.gradient(foreign, 1.0)).hasMessageContaining("another tape");
        RealFunction stray = x -> Var.class.cast(null);
        assertThatThrownBy(() -> Derivatives.gradient(stray, Mode.FORWARD, 1.0))
                .hasMessageContainingAll("gradient", "null", "DualVector");
        assertThatThrownBy(() -> Derivatives.derivative(x -> DualVector.of(1, 1), 1.0))
                .hasMessageContainingAll("derivative", "DualVector", "Dual");
    }

    @Test
    void constantFunctionsHaveZeroDerivatives() {
        RealFunction c = x -> x[0].constant(3);
        for (Mode mode : Mode.values()) {
            assertThat(Derivatives.gradient(c, mode, 1, 2).gradient()).containsExactly(0, 0);
        }
        assertThat(Derivatives.hessian(c, 1, 2)).isDeepEqualTo(new double[2][2]);
        assertThat(Derivatives.derivative(c, 1)).isZero();
    }

    @Test
    void gradientIsAValue() {
        double[] g = {1, 2};
        Gradient a = new Gradient(3, g);
        g[0] = 99;
        assertThat(a.gradient()).containsExactly(1, 2);
        assertThat(a).isEqualTo(new Gradient(3, new double[] {1, 2})).hasSameHashCodeAs(new Gradient(3,
                new double[] {1, 2}));
        assertThat(a).isNotEqualTo(new Gradient(3, new double[] {1, 2.5}));
        assertThat(a.toString()).contains("[1.0, 2.0]");
    }

    @Test
    void aGradientInsideAGradientUsesItsOwnTape() {
        // the inner call finds the thread's spare tape taken and records on a fresh one
        RealFunction inner = y -> y[0].square().mul(y[1]);
        RealFunction outer = x -> x[0].mul(Derivatives.gradient(inner, 3.0, 2.0).gradient(0)).add(x[1].sin());
        for (int k = 0; k < 3; k++) {
            Gradient g = Derivatives.gradient(outer, 1.5, 0.5);
            assertThat(g.gradient()).containsExactly(new double[] {12, Math.cos(0.5)}, within(1e-15));
        }
    }

    @Test
    void aVarKeptFromAnEarlierCallIsRefused() {
        Real[] kept = new Real[1];
        RealFunction leaky = x -> {
            if (kept[0] == null) {
                kept[0] = x[0];
            }
            return x[0].mul(kept[0]);
        };
        assertThat(Derivatives.gradient(leaky, 3.0).gradient()).containsExactly(6);
        assertThatThrownBy(() -> Derivatives.gradient(leaky, 3.0)).hasMessageContaining("tape");
    }

    @Test
    void emptyInputsGiveEmptyResults() {
        RealFunction none = x -> Dual.constantOf(4);
        for (Mode mode : Mode.values()) {
            assertThat(Derivatives.gradient(none, mode)).isEqualTo(new Gradient(4, new double[0]));
            assertThat(Derivatives.jacobian(x -> new Real[] {Dual.constantOf(1)}, mode)).isDeepEqualTo(
                    new double[1][0]);
            assertThat(Derivatives.jacobian(x -> new Real[0], mode, 1.0, 2.0)).isEmpty();
        }
        assertThat(Derivatives.hessian(none)).isEmpty();
        assertThat(Derivatives.jvp(none, new double[0], new double[0])).isZero();
    }
}
