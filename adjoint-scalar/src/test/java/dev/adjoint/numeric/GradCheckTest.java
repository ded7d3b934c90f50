package dev.adjoint.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.numeric.GradCheck.Report;
import dev.adjoint.numeric.GradCheck.Tolerance;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.UnaryFunction;
import dev.adjoint.scalar.Var;
import dev.adjoint.scalar.VectorFunction;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GradCheckTest {

    static final RealFunction LECTURE = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());

    /** sin with a planted bug: the slope is −cos instead of cos. */
    static final UnaryFunction WRONG_SIN = new UnaryFunction() {
        public String symbol() { return "wrongsin"; }
        public double value(double x) { return Math.sin(x); }
        public double slope(double x) { return -Math.cos(x); }
        public Real derivative(Real x) { return x.cos().neg(); }
    };

    /** F(x) = (x0·x1, sin x2 · x0, exp(x1) − x2²): a non-symmetric Jacobian, so J and Jᵀ differ. */
    static final VectorFunction F = x -> new Real[] {
        x[0].mul(x[1]), x[2].sin().mul(x[0]), x[1].exp().sub(x[2].square())};

    static Stream<Long> seeds() {
        return Stream.iterate(11L, s -> s + 1).limit(10);
    }

    static double[] point(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.2 + 2 * r.nextDouble();
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseModeGradientsPass(long seed) {
        Report lecture = GradCheck.gradient(LECTURE, point(seed, 2)).orThrow();
        assertThat(lecture.passed()).isTrue();
        assertThat(lecture.relativeError()).isLessThan(1e-8);
        assertThat(GradCheck.gradient(CostStudy.rosenbrock(), point(seed, 6)).passed()).isTrue();
        assertThat(GradCheck.secondOrder(CostStudy.rosenbrock(), 3, seed, point(seed, 5)).orThrow().passed()).isTrue();
        assertThat(GradCheck.secondOrder(LECTURE, 3, seed, point(seed, 2)).orThrow().passed()).isTrue();
    }

    @Test
    void theLectureGradientReportNamesTheWorstEntry() {
        Report r = GradCheck.gradient(LECTURE, 2, 5);
        assertThat(r.passed()).isTrue();
        assertThat(r.worstEntry()).matches("∂f/∂x[01]");
        assertThat(r.toString()).contains("gradient check passed");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPlantedWrongDerivativeFailsTheCheck(long seed) {
        // The bug is in one table row's slope; reverse mode uses it, finite differences only use values.
        RealFunction buggy = x -> x[0].mul(x[1]).add(x[1].apply(WRONG_SIN));
        double[] x = point(seed, 2);
        Report r = GradCheck.gradient(buggy, x);
        assertThat(r.passed()).isFalse();
        assertThat(r.worstEntry()).isEqualTo("∂f/∂x1");
        assertThat(r.actual()).isCloseTo(x[0] - Math.cos(x[1]), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.expected()).isCloseTo(x[0] + Math.cos(x[1]), org.assertj.core.api.Assertions.within(1e-8));
        assertThatThrownBy(r::orThrow).isInstanceOf(AssertionError.class).hasMessageContaining("FAILED")
                .hasMessageContaining("∂f/∂x1");
    }

    @Test
    void aHandWrittenGradientWithAMissingFactorFails() {
        // d/dx (x²y) = 2xy; the "manual" version forgot the 2.
        Report r = GradCheck.gradient(p -> p[0] * p[0] * p[1], p -> new double[] {p[0] * p[1], p[0] * p[0]},
                new double[] {1.3, 0.7}, Tolerance.DEFAULT);
        assertThat(r.passed()).isFalse();
        assertThat(r.worstEntry()).isEqualTo("∂f/∂x0");
        assertThat(r.absoluteError()).isCloseTo(1.3 * 0.7, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(r.relativeError()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-8));
    }

    static double[] jvpByDual(double[] x, double[] u) {
        Real[] y = F.apply(Dual.seed(x, u));
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = ((Dual) y[i]).tangent();
        }
        return t;
    }

    static double[] vjpByTape(double[] x, double[] w) {
        Tape tape = Tape.create();
        Var[] v = tape.variables(x);
        Real[] y = F.apply(v);
        Var[] out = new Var[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (Var) y[i];
        }
        tape.backward(out, w);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = tape.adjoint(v[i]);
        }
        return g;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void directionalChecksPassForForwardAndReverseMode(long seed) {
        double[] x = point(seed, 3);
        UnaryOperator<double[]> values = FiniteDifferences.vectorValues(F);
        assertThat(GradCheck.jvp(values, GradCheckTest::jvpByDual, x, 5, seed, Tolerance.DEFAULT).orThrow().passed())
                .isTrue();
        assertThat(GradCheck.vjp(values, GradCheckTest::vjpByTape, x, 5, seed, Tolerance.DEFAULT).orThrow().passed())
                .isTrue();
        assertThat(GradCheck.jacobian(values, p -> {
            double[][] j = new double[3][];
            for (int i = 0; i < 3; i++) {
                double[] e = new double[3];
                e[i] = 1;
                j[i] = vjpByTape(p, e);
            }
            return j;
        }, x, Tolerance.DEFAULT).orThrow().passed()).isTrue();
    }

    @Test
    void aVjpThatAppliesJInsteadOfItsTransposeFails() {
        double[] x = point(3, 3);
        UnaryOperator<double[]> values = FiniteDifferences.vectorValues(F);
        Report r = GradCheck.vjp(values, GradCheckTest::jvpByDual, x, 5, 7, Tolerance.DEFAULT);
        assertThat(r.passed()).isFalse();
        assertThat(r.worstEntry()).startsWith("⟨Jᵀ·v");
    }

    @Test
    void aJvpWithASignErrorFails() {
        double[] x = point(4, 3);
        Report r = GradCheck.jvp(FiniteDifferences.vectorValues(F), (p, u) -> {
            double[] t = jvpByDual(p, u);
            t[2] = -t[2];
            return t;
        }, x, 3, 1, Tolerance.DEFAULT);
        assertThat(r.passed()).isFalse();
        assertThat(r.worstEntry()).endsWith("[2]");
    }

    @Test
    void hessianVectorProductsAreCheckedAgainstTheGradient() {
        double[] x = {-1.2, 1, 0.5, 0.3};
        assertThat(GradCheck.hvp(FiniteDifferencesTest::rosenbrockGradient, FiniteDifferencesTest::rosenbrockHv, x,
                4, 5, Tolerance.DEFAULT).orThrow().passed()).isTrue();
        Report wrong = GradCheck.hvp(FiniteDifferencesTest::rosenbrockGradient,
                (p, v) -> scaled(FiniteDifferencesTest.rosenbrockHv(p, v), 0.5), x, 4, 5, Tolerance.DEFAULT);
        assertThat(wrong.passed()).isFalse();
    }

    static double[] scaled(double[] a, double c) {
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] *= c;
        }
        return b;
    }

    @Test
    void misuseGetsClearErrors() {
        assertThatThrownBy(() -> new Tolerance(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> GradCheck.gradient(p -> p[0], p -> new double[3], new double[2], Tolerance.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 entries")
                .hasMessageContaining("x has 2");
        Report nan = GradCheck.gradient(p -> p[0], p -> new double[] {Double.NaN}, new double[] {1},
                Tolerance.DEFAULT);
        assertThat(nan.passed()).isFalse();
    }
}
