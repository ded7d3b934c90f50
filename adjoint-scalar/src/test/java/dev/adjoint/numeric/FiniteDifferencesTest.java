package dev.adjoint.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FiniteDifferencesTest {

    /** Smooth test functions with their exact derivatives. */
    enum Smooth {
        SIN_EXP(x -> Math.exp(Math.sin(x)), x -> Math.cos(x) * Math.exp(Math.sin(x))),
        LOG_SHIFTED(x -> Math.log(3 + x), x -> 1 / (3 + x)),
        RATIONAL(x -> 1 / (1 + x * x), x -> -2 * x / ((1 + x * x) * (1 + x * x))),
        ATAN_CUBE(x -> Math.atan(x) * x * x * x, x -> 3 * x * x * Math.atan(x) + x * x * x / (1 + x * x));

        final DoubleUnaryOperator f;
        final DoubleUnaryOperator df;

        Smooth(DoubleUnaryOperator f, DoubleUnaryOperator df) {
            this.f = f;
            this.df = df;
        }
    }

    /** The largest step of the fit for each scheme: inside the range where the leading error term dominates. */
    static double firstStep(Scheme s) {
        switch (s) {
            case FORWARD:
            case BACKWARD:
                return 1e-2;
            case CENTRAL:
            case FIVE_POINT:
                return 1e-1;
            default:
                return 0.8;
        }
    }

    static Stream<Arguments> schemesAndFunctions() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Scheme s : Scheme.values()) {
            for (Smooth f : Smooth.values()) {
                b.add(Arguments.of(s, f));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("schemesAndFunctions")
    void errorFallsLikeTheDocumentedPowerOfTheStep(Scheme scheme, Smooth fn) {
        // Fit the slope of log(error) against log(h) by least squares over the truncation-dominated range.
        // Steps shrink by √2 while the error stays 100× above round-off (1e−13), for at most 8 steps.
        double x = 0.7;
        double exact = fn.df.applyAsDouble(x);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (double step = firstStep(scheme); n < 8; step /= Math.sqrt(2)) {
            double err = Math.abs(FiniteDifferences.derivative(fn.f, x, scheme, step) - exact);
            if (err < 1e-13 * (1 + Math.abs(exact))) {
                break;
            }
            double lx = Math.log(step);
            double ly = Math.log(err);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            n++;
        }
        assertThat(n).as("points in the fit").isGreaterThanOrEqualTo(3);
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertThat(slope).as("fitted order of %s on %s", scheme, fn).isCloseTo(scheme.order(), within(Math.min(0.6, 0.25 + 0.1 * scheme.order())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("schemesAndFunctions")
    void defaultStepReachesTheBalancedError(Scheme scheme, Smooth fn) {
        // With the default step, truncation and round-off are both about ε^(p/(p+1)); allow a factor 100.
        double x = -0.4;
        double exact = fn.df.applyAsDouble(x);
        double atDefault = Math.abs(FiniteDifferences.derivative(fn.f, x, scheme) - exact);
        double balanced = Math.pow(Math.ulp(1.0), scheme.order() / (scheme.order() + 1.0));
        assertThat(atDefault).isLessThanOrEqualTo(100 * balanced * (1 + Math.abs(exact)));
        // ... and a step 100 times larger is clearly worse: the truncation error has grown by 100^p.
        double coarse = Math.abs(FiniteDifferences.derivative(fn.f, x, scheme, 100 * scheme.defaultStep(x)) - exact);
        assertThat(coarse).isGreaterThan(atDefault);
    }

    @Test
    void defaultStepFollowsTheRoundOffFormula() {
        // ε^(1/(p+1)) with ε = 2^-52: sqrt for order 1, cube root for order 2, scaled by |x| beyond 1.
        assertThat(Scheme.FORWARD.defaultStep(0.5)).isCloseTo(Math.sqrt(Math.ulp(1.0)), within(1e-20));
        assertThat(Scheme.CENTRAL.defaultStep(-100)).isCloseTo(100 * Math.cbrt(Math.ulp(1.0)), within(1e-15));
        assertThat(Scheme.FIVE_POINT.defaultStep(0)).isBetween(7e-4, 8e-4);
    }

    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return s;
    }

    static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }

    static double[] rosenbrockHv(double[] x, double[] v) {
        double[] hv = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double hii = -400 * a + 800 * x[i] * x[i] + 2;
            double hij = -400 * x[i];
            hv[i] += hii * v[i] + hij * v[i + 1];
            hv[i + 1] += hij * v[i] + 200 * v[i + 1];
        }
        return hv;
    }

    static double[] randomPoint(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 3 - 1.5;
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gradientJvpAndHvpMatchTheRosenbrockFormulas(long seed) {
        Random r = new Random(seed);
        double[] x = randomPoint(r, 2 + r.nextInt(6));
        double[] v = randomPoint(r, x.length);
        double[] g = rosenbrockGradient(x);
        double scale = 1 + Math.abs(rosenbrock(x));
        assertThat(FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x))
                .containsExactly(g, within(1e-7 * scale * 100));
        assertThat(FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x, Scheme.FORWARD))
                .containsExactly(g, within(1e-5 * scale * 100));
        assertThat(FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x, Scheme.RICHARDSON))
                .containsExactly(g, within(1e-9 * scale * 100));
        double gv = 0;
        for (int i = 0; i < x.length; i++) {
            gv += g[i] * v[i];
        }
        assertThat(FiniteDifferences.directionalDerivative(FiniteDifferencesTest::rosenbrock, x, v, Scheme.CENTRAL))
                .isCloseTo(gv, within(1e-6 * scale * 100));
        double[] hv = rosenbrockHv(x, v);
        assertThat(FiniteDifferences.hvpOfGradient(FiniteDifferencesTest::rosenbrockGradient, x, v))
                .containsExactly(hv, within(1e-6 * scale * 100));
        assertThat(FiniteDifferences.hvp(FiniteDifferencesTest::rosenbrock, x, v))
                .containsExactly(hv, within(1e-4 * scale * 100));
    }

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(20);
    }

    @Test
    void jacobianOfAVectorFunctionIsRowsByColumns() {
        // F(x, y, z) = (x·y, sin z, x + z²): J = [[y, x, 0], [0, 0, cos z], [1, 0, 2z]].
        double[] p = {1.5, -2, 0.3};
        double[][] j = FiniteDifferences.jacobian(q -> new double[] {q[0] * q[1], Math.sin(q[2]), q[0] + q[2] * q[2]},
                p, Scheme.FIVE_POINT);
        double[][] exact = {{-2, 1.5, 0}, {0, 0, Math.cos(0.3)}, {1, 0, 0.6}};
        for (int i = 0; i < 3; i++) {
            assertThat(j[i]).containsExactly(exact[i], within(1e-10));
        }
        double[] ju = FiniteDifferences.jvp(q -> new double[] {q[0] * q[1], Math.sin(q[2]), q[0] + q[2] * q[2]},
                p, new double[] {1, 1, 1}, Scheme.RICHARDSON);
        assertThat(ju).containsExactly(new double[] {-0.5, Math.cos(0.3), 1.6}, within(1e-11));
    }

    @Test
    void anExplicitStepOverridesTheDefault() {
        double[] x = {0.3, -0.7};
        double[] g = rosenbrockGradient(x);
        // A coarse forward step has the truncation error h·f''/2 the default step avoids.
        double[] coarse = FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x, Scheme.FORWARD, 1e-3);
        double[] fine = FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x, Scheme.FORWARD);
        assertThat(Math.abs(coarse[1] - g[1])).isCloseTo(1e-3 * 200 / 2, within(1e-9));
        assertThat(Math.abs(fine[1] - g[1])).isLessThan(1e-5);
        assertThatThrownBy(() -> FiniteDifferences.gradient(FiniteDifferencesTest::rosenbrock, x, Scheme.CENTRAL, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void realFunctionsRunOnPlainValues() {
        RealFunction f = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());
        double plain = FiniteDifferences.values(f).applyAsDouble(new double[] {2, 5});
        double dual = f.apply(new Real[] {Dual.constantOf(2), Dual.constantOf(5)}).value();
        assertThat(plain).isEqualTo(dual).isCloseTo(Math.log(2) + 10 - Math.sin(5), within(1e-14));
        double[] y = FiniteDifferences.vectorValues(x -> new Real[] {x[0].exp(), x[0].hypot(x[1])})
                .apply(new double[] {0, 3});
        assertThat(y).containsExactly(1, 3);
    }

    @Test
    void richardsonLevelsRaiseTheOrder() {
        DoubleUnaryOperator f = Math::exp;
        double one = Math.abs(FiniteDifferences.richardson(f, 0, 0.5, 1) - 1);
        double three = Math.abs(FiniteDifferences.richardson(f, 0, 0.5, 3) - 1);
        assertThat(one).isEqualTo(Math.abs(FiniteDifferences.derivative(f, 0, Scheme.CENTRAL, 0.5) - 1));
        assertThat(three).isLessThan(one * 1e-4);
        assertThatThrownBy(() -> FiniteDifferences.richardson(f, 0, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 level");
    }

    @Test
    void badInputsGetClearErrors() {
        assertThatThrownBy(() -> FiniteDifferences.derivative(Math::sin, 1, Scheme.CENTRAL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> FiniteDifferences.derivative(Math::sin, 1, Scheme.FORWARD, 1e-17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x + h == x");
        assertThatThrownBy(() -> FiniteDifferences.jvp(q -> q, new double[3], new double[2], Scheme.CENTRAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jvp").hasMessageContaining("3 entries").hasMessageContaining("has 2");
        assertThatThrownBy(() -> FiniteDifferences.hvp(q -> 0, new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hvp");
    }
}
