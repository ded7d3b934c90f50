package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure-Java tanh against the JDK's, against exact values, and at its branch points and special values. */
class FastMathTest {

    private static double ulps(double got, double want) {
        return Math.abs(got - want) / Math.ulp(want);
    }

    /** Both branches and the saturation, on seeded points: within 2 ulps of fdlibm (itself off by up to 2). */
    @ParameterizedTest
    @CsvSource({"1, -1e-6, 1e-6", "2, -0.7, 0.7", "3, -3, 3", "4, 0.5, 1.5", "5, -30, 30", "6, -0.625, -0.6"})
    void agreesWithMathTanh(long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = r.nextDouble(lo, hi);
            worst = Math.max(worst, ulps(FastMath.tanh(x), Math.tanh(x)));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    /** Reference values from mpmath at 40 digits, rounded to double: within one ulp. */
    @ParameterizedTest
    @CsvSource({"1e-05, 9.999999999666668e-06", "0.1, 0.09966799462495582", "0.3, 0.2913126124515909",
        "0.6249999999999999, 0.5545997223493823", "0.625, 0.5545997223493823",
        "0.7675323345260101, 0.6454922552514376", "1.0, 0.7615941559557649", "2.5, 0.9866142981514303",
        "10.0, 0.9999999958776927", "19.0, 0.9999999999999999"})
    void matchesExactValues(double x, double exact) {
        assertThat(ulps(FastMath.tanh(x), exact)).isLessThanOrEqualTo(1.0);
        assertThat(ulps(FastMath.tanh(-x), -exact)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void specialValues() {
        assertThat(Double.doubleToRawLongBits(FastMath.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(FastMath.tanh(0.0))).isEqualTo(0L);
        assertThat(FastMath.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(FastMath.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(FastMath.tanh(Double.NaN)).isNaN();
        assertThat(FastMath.tanh(22.0)).isEqualTo(Math.tanh(22.0));
        assertThat(FastMath.tanh(-Double.MIN_VALUE)).isEqualTo(-Double.MIN_VALUE);
    }

    /** No step at the branch point |x| = 0.625: the values around it stay ordered. */
    @Test
    void monotoneAcrossTheBranch() {
        double x = Math.nextDown(Math.nextDown(0.625));
        double previous = FastMath.tanh(x);
        for (int i = 0; i < 8; i++) {
            x = Math.nextUp(x);
            double y = FastMath.tanh(x);
            assertThat(y).isGreaterThanOrEqualTo(previous);
            previous = y;
        }
    }

    /** The two-pass array kernel gives the scalar function's bits, on mixed data and special values. */
    @ParameterizedTest
    @CsvSource({"1, 0", "2, 1", "3, 7", "4, 1000"})
    void arrayKernelEqualsTheScalarFunction(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n + 8];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * (i % 3 + 0.2);
        }
        double[] special = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.625, -0.625,
            1e-300};
        System.arraycopy(special, 0, x, n, special.length);
        double[] y = new double[x.length];
        FastMath.tanh(x, y, x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(y[i])).as("tanh(%s)", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(FastMath.tanh(x[i])));
        }
    }
}
