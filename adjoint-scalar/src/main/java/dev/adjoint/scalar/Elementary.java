package dev.adjoint.scalar;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * The table of elementary functions of one variable: each row is the function's only definition, its value and
 * its derivative, shared by every {@link Real} implementation. Columns: symbol, smooth interval, value, slope on
 * doubles, derivative as a {@code Real} expression.
 */
public enum Elementary implements UnaryFunction {
    NEG("neg", -inf(), inf(), x -> -x, x -> -1, x -> x.constant(-1)),
    RECIPROCAL("reciprocal", -inf(), inf(), x -> 1 / x, x -> -1 / (x * x), x -> x.reciprocal().square().neg()),
    SQRT("sqrt", 0, inf(), Math::sqrt, x -> 0.5 / Math.sqrt(x), x -> x.sqrt().reciprocal().mul(0.5)),
    CBRT("cbrt", -inf(), inf(), Math::cbrt, x -> 1 / (3 * Math.cbrt(x) * Math.cbrt(x)),
            x -> x.cbrt().square().reciprocal().mul(1.0 / 3)),
    EXP("exp", -inf(), inf(), Math::exp, Math::exp, Real::exp),
    EXPM1("expm1", -inf(), inf(), Math::expm1, Math::exp, Real::exp),
    LOG("ln", 0, inf(), Math::log, x -> 1 / x, Real::reciprocal),
    LOG1P("log1p", -1, inf(), Math::log1p, x -> 1 / (1 + x), x -> x.add(1).reciprocal()),
    LOG2("log2", 0, inf(), x -> Math.log(x) / K.LN2, x -> 1 / (x * K.LN2), x -> x.reciprocal().mul(1 / K.LN2)),
    LOG10("log10", 0, inf(), Math::log10, x -> 1 / (x * K.LN10), x -> x.reciprocal().mul(1 / K.LN10)),
    SIN("sin", -inf(), inf(), Math::sin, Math::cos, Real::cos),
    COS("cos", -inf(), inf(), Math::cos, x -> -Math.sin(x), x -> x.sin().neg()),
    TAN("tan", -Math.PI / 2, Math.PI / 2, Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)),
            x -> x.tan().square().add(1)),
    ASIN("asin", -1, 1, Math::asin, x -> 1 / Math.sqrt(1 - x * x), x -> x.square().neg().add(1).sqrt().reciprocal()),
    ACOS("acos", -1, 1, Math::acos, x -> -1 / Math.sqrt(1 - x * x),
            x -> x.square().neg().add(1).sqrt().reciprocal().neg()),
    ATAN("atan", -inf(), inf(), Math::atan, x -> 1 / (1 + x * x), x -> x.square().add(1).reciprocal()),
    SINH("sinh", -inf(), inf(), Math::sinh, Math::cosh, Real::cosh),
    COSH("cosh", -inf(), inf(), Math::cosh, Math::sinh, Real::sinh),
    TANH("tanh", -inf(), inf(), FastMath::tanh, x -> 1 - FastMath.tanh(x) * FastMath.tanh(x),
            x -> x.tanh().square().neg().add(1)),
    ASINH("asinh", -inf(), inf(), Elementary::asinh, x -> 1 / Math.sqrt(x * x + 1),
            x -> x.square().add(1).sqrt().reciprocal()),
    ACOSH("acosh", 1, inf(), x -> Math.log(x + Math.sqrt(x * x - 1)), x -> 1 / Math.sqrt(x * x - 1),
            x -> x.square().sub(1).sqrt().reciprocal()),
    ATANH("atanh", -1, 1, x -> 0.5 * Math.log1p(2 * x / (1 - x)), x -> 1 / (1 - x * x),
            x -> x.square().neg().add(1).reciprocal()),
    /** d|x|/dx = sign(x): the kink at 0 gets derivative 0 (the subgradient PyTorch also picks). */
    ABS("abs", -inf(), inf(), Math::abs, Math::signum, Real::signum),
    SIGNUM("sign", -inf(), inf(), Math::signum, x -> 0, x -> x.constant(0)),
    SIGMOID("sigmoid", -inf(), inf(), Elementary::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x)),
            Elementary::sigmoidDerivative),
    SOFTPLUS("softplus", -inf(), inf(), x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), Elementary::sigmoid,
            Real::sigmoid),
    ERF("erf", -inf(), inf(), Erf::erf, x -> K.TWO_OVER_SQRT_PI * Math.exp(-x * x),
            x -> x.square().neg().exp().mul(K.TWO_OVER_SQRT_PI)),
    ERFC("erfc", -inf(), inf(), Erf::erfc, x -> -K.TWO_OVER_SQRT_PI * Math.exp(-x * x),
            x -> x.square().neg().exp().mul(-K.TWO_OVER_SQRT_PI)),
    LGAMMA("lgamma", 0, inf(), Gamma::logGamma, Gamma::digamma, Real::digamma),
    DIGAMMA("digamma", 0, inf(), Gamma::digamma, Gamma::trigamma, x -> x.apply(Polygamma.of(1)));

    /** Constants the rows use (a holder, since enum constants cannot refer forward to static fields). */
    private static final class K {
        static final double LN2 = Math.log(2);
        static final double LN10 = Math.log(10);
        static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    }

    private final String symbol;
    private final double lower;
    private final double upper;
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator slope;
    private final UnaryOperator<Real> derivative;

    Elementary(String symbol, double lower, double upper, DoubleUnaryOperator value, DoubleUnaryOperator slope,
               UnaryOperator<Real> derivative) {
        this.symbol = symbol;
        this.lower = lower;
        this.upper = upper;
        this.value = value;
        this.slope = slope;
        this.derivative = derivative;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public double value(double x) {
        return value.applyAsDouble(x);
    }

    @Override
    public double slope(double x) {
        return slope.applyAsDouble(x);
    }

    @Override
    public Real derivative(Real x) {
        return derivative.apply(x);
    }

    @Override
    public double lower() {
        return lower;
    }

    @Override
    public double upper() {
        return upper;
    }

    /** The row whose symbol is {@code symbol}, or null. */
    public static Elementary bySymbol(String symbol) {
        for (Elementary e : values()) {
            if (e.symbol.equals(symbol)) {
                return e;
            }
        }
        return null;
    }

    private static double inf() {
        return Double.POSITIVE_INFINITY;
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /** σ′ = σ(1 − σ), with σ computed once so that higher orders stay cheap. */
    private static Real sigmoidDerivative(Real x) {
        Real s = x.sigmoid();
        return s.mul(s.neg().add(1));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
