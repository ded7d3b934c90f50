package dev.adjoint.scalar;

/**
 * x^p for a constant exponent p: a parameterised row of the elementary table. Integer exponents are defined for
 * negative x; d x^p = p x^(p−1) dx.
 */
public record Power(double exponent) implements UnaryFunction {

    /** The row for exponent p. */
    public static Power of(double p) {
        return new Power(p);
    }

    private boolean integral() {
        return exponent == Math.rint(exponent);
    }

    @Override
    public String symbol() {
        return "pow";
    }

    @Override
    public double value(double x) {
        return exponent == 2 ? x * x : Math.pow(x, exponent);
    }

    @Override
    public double slope(double x) {
        if (exponent == 0) {
            return 0;
        }
        return exponent == 2 ? 2 * x : exponent * Math.pow(x, exponent - 1);
    }

    @Override
    public Real derivative(Real x) {
        if (exponent == 0) {
            return x.constant(0);
        }
        return exponent == 1 ? x.constant(1) : x.pow(exponent - 1).mul(exponent);
    }

    @Override
    public double lower() {
        return integral() ? Double.NEGATIVE_INFINITY : 0;
    }
}
