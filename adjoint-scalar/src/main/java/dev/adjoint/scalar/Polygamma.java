package dev.adjoint.scalar;

import org.hipparchus.special.Gamma;

/**
 * ψ⁽ⁿ⁾(x), the n-th derivative of the digamma function, for x &gt; 0: the row digamma's derivatives continue
 * into, so that every order of lgamma and digamma is available.
 */
public record Polygamma(int order) implements UnaryFunction {

    // B_2k for k = 1..8, for the asymptotic series.
    private static final double[] BERNOULLI = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730,
        7.0 / 6, -3617.0 / 510};

    /** The row ψ⁽ⁿ⁾. */
    public static Polygamma of(int order) {
        if (order < 0) {
            throw new IllegalArgumentException("polygamma order must be >= 0, got " + order);
        }
        return new Polygamma(order);
    }

    @Override
    public String symbol() {
        return order == 0 ? "digamma" : order == 1 ? "trigamma" : "polygamma" + order;
    }

    @Override
    public double value(double x) {
        return polygamma(order, x);
    }

    @Override
    public double slope(double x) {
        return polygamma(order + 1, x);
    }

    @Override
    public Real derivative(Real x) {
        return x.apply(of(order + 1));
    }

    @Override
    public double lower() {
        return 0;
    }

    /** ψ⁽ⁿ⁾(x): recurrence up to x ≥ 20, then the asymptotic series. */
    static double polygamma(int n, double x) {
        if (n == 0) {
            return Gamma.digamma(x);
        }
        if (n == 1) {
            return Gamma.trigamma(x);
        }
        if (!(x > 0)) {
            return Double.NaN;
        }
        double factorial = 1; // n!
        for (int i = 2; i <= n; i++) {
            factorial *= i;
        }
        double sign = (n % 2 == 0) ? -1 : 1; // (-1)^(n+1)
        double shift = 0;
        while (x < 20) {
            // ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + (−1)^(n+1) n! / x^(n+1)
            shift += sign * factorial / Math.pow(x, n + 1);
            x += 1;
        }
        double series = factorial / n / Math.pow(x, n) + factorial / (2 * Math.pow(x, n + 1));
        double termFactor = factorial / n; // (n−1)!
        for (int k = 1; k <= BERNOULLI.length; k++) {
            // (2k+n−1)!/(2k)! from the previous k
            termFactor = termFactor * (2 * k + n - 2) * (2 * k + n - 1) / ((2.0 * k - 1) * (2 * k));
            series += BERNOULLI[k - 1] * termFactor / Math.pow(x, 2 * k + n);
        }
        return sign * series + shift;
    }
}
