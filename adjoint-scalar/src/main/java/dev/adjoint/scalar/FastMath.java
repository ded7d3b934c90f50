package dev.adjoint.scalar;

/**
 * Pure-Java versions of functions whose {@code java.lang.Math} implementation is a slow native call on Java 17
 * (StrictMath's fdlibm behind JNI, about 40 ns each). The table rows use them, so scalar modes, tensor kernels
 * and generated code compute the same bits. Each agrees with {@code Math} to a couple of ulps and with the exact
 * value to about one ulp.
 */
public final class FastMath {

    /** Below this |x| tanh is the odd polynomial; above it, 1 − 2/(e^(2|x|) + 1) loses at most an ulp or so. */
    private static final double SMALL = 0.625;

    private FastMath() {
    }

    /**
     * tanh(x): for |x| &lt; 0.625, x + x³ P(x²) with P a degree-11 Chebyshev fit (computed with mpmath at 50 digits) of
     * (tanh √t − √t)/t^(3/2) on [0, 0.625²], whose error is below 2·10⁻¹⁸ relative; beyond, from the intrinsic
     * {@link Math#exp}.
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        if (a < SMALL) {
            return x == 0 ? x : small(x);
        }
        return large(x, a);
    }

    /**
     * tanh of each of {@code x[0 .. n)} into {@code out}, equal to {@link #tanh(double)} element by element: a
     * first pass evaluates the polynomial everywhere (a loop the JIT vectorises), a second recomputes the few
     * elements outside its range, which is about twice as fast as branching per element on mixed data.
     */
    public static void tanh(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = small(x[i]);
        }
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double a = Math.abs(v);
            if (a >= SMALL) {
                out[i] = large(v, a);
            } else if (v == 0) {
                out[i] = v;
            }
        }
    }

    /** The polynomial branch (exact to rounding for |x| < 0.625; turns −0 into +0). */
    private static double small(double x) {
        double t = x * x;
        double p = -3.12011014257974e-05 + t * 6.485163482793113e-06;
        p = 9.257116129556769e-05 + t * p;
        p = -0.0002375906496055562 + t * p;
        p = 0.0005896606577757043 + t * p;
        p = -0.0014557754120478055 + t * p;
        p = 0.0035921217511549622 + t * p;
        p = -0.008863235103240878 + t * p;
        p = 0.021869488519008305 + t * p;
        p = -0.05396825396789699 + t * p;
        p = 0.13333333333333042 + t * p;
        p = -0.3333333333333333 + t * p;
        return x + x * t * p;
    }

    /** The exponential branch for a = |x| ≥ 0.625 (also NaN); it saturates to ±1 by itself as e^(2a) grows. */
    private static double large(double x, double a) {
        return Math.copySign(1 - 2 / (Math.exp(2 * a) + 1), x);
    }
}
