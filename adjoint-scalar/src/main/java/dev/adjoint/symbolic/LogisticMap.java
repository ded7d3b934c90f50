package dev.adjoint.symbolic;

import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import java.math.BigDecimal;

/**
 * The lecture's expression-swell example, the logistic map l₁ = x, lₙ₊₁ = 4lₙ(1 − lₙ), with its closed form for
 * l₄ and the lecture's hand-written ("manual") derivative of it.
 */
public final class LogisticMap {

    private LogisticMap() {
    }

    /** lₙ as a program: n − 1 steps of v ← 4·v·(1 − v), starting from v = x. */
    public static RealFunction iterate(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the logistic map starts at l1 = x, so n must be >= 1, got " + n);
        }
        return x -> {
            Real v = x[0];
            for (int i = 1; i < n; i++) {
                v = v.mul(4).mul(v.constant(1).sub(v));
            }
            return v;
        };
    }

    /**
     * dlₙ/dx at x computed exactly in rational arithmetic (lₙ is a polynomial, so no rounding at all): the
     * reference the other methods' errors are measured against. Digits double each step, so keep n small.
     */
    public static BigDecimal exactDerivative(int n, double x) {
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("exact derivative of l_n only for 1 <= n <= 20 (digits double each"
                    + " step), got " + n);
        }
        BigDecimal v = new BigDecimal(x);
        BigDecimal dv = BigDecimal.ONE;
        BigDecimal four = BigDecimal.valueOf(4);
        for (int i = 1; i < n; i++) {
            // d[4v(1 − v)] = 4(1 − 2v) dv
            dv = four.multiply(BigDecimal.ONE.subtract(v.add(v))).multiply(dv);
            v = four.multiply(v).multiply(BigDecimal.ONE.subtract(v));
        }
        return dv;
    }

    /** The lecture's closed form of l₄: f(x) = 64x(1−x)(1−2x)²(1−8x+8x²)². */
    public static RealFunction closedForm() {
        return x -> {
            Real t = x[0];
            Real q = t.square().mul(8).sub(t.mul(8)).add(1);
            return t.mul(64).mul(t.constant(1).sub(t)).mul(t.mul(-2).add(1).square()).mul(q.square());
        };
    }

    /** The closed form on doubles. */
    public static double closedForm(double x) {
        double q = 1 - 8 * x + 8 * x * x;
        return 64 * x * (1 - x) * (1 - 2 * x) * (1 - 2 * x) * q * q;
    }

    /**
     * The lecture's manual derivative, coded by hand as the lecture writes it:
     * f′(x) = 128x(1−x)(−8+16x)(1−2x)²(1−8x+8x²) + 64(1−x)(1−2x)²(1−8x+8x²)² − 64x(1−2x)²(1−8x+8x²)²
     * − 256x(1−x)(1−2x)(1−8x+8x²)².
     */
    public static double manualDerivative(double x) {
        double a = 1 - x;
        double b = 1 - 2 * x;
        double q = 1 - 8 * x + 8 * x * x;
        return 128 * x * a * (-8 + 16 * x) * b * b * q + 64 * a * b * b * q * q - 64 * x * b * b * q * q
                - 256 * x * a * b * q * q;
    }
}
