package dev.adjoint.scalar;

/**
 * A differentiable number: the one interface that scalar user code is written against.
 *
 * <p>A function written once as a lambda over {@code Real} runs unchanged in every mode: {@link Dual} (forward),
 * {@link DualVector} (many directions), {@link Jet} (Taylor series), {@link Var} (reverse, on a {@link Tape}), the
 * symbolic {@code Expr} and the Wengert-list tracer. Every operation, arithmetic included, is a row of
 * {@link Elementary} or {@link Binary} that the implementation applies through {@link #apply(UnaryFunction)} and
 * {@link #apply(BinaryFunction, Real)}, so adding a function is one row and an implementation needs only
 * {@code value}, {@code constant} and the two {@code apply}s; the fast modes also override the arithmetic inline.
 *
 * <p>Operands of a binary operation must come from the same implementation and context (same tape, same
 * derivative computation); mixing them throws an {@link IllegalArgumentException} that says so. Constants are
 * made with {@link #constant(double)} or taken through the {@code double} overloads.
 */
public interface Real {

    /** The primal value. */
    double value();

    /** A constant in this number's implementation and context (derivative zero). */
    Real constant(double c);

    /** {@code this + y}. */
    default Real add(Real y) {
        return apply(Binary.ADD, y);
    }

    /** {@code this + c}. */
    default Real add(double c) {
        return apply(Binary.ADD, constant(c));
    }

    /** {@code this - y}. */
    default Real sub(Real y) {
        return apply(Binary.SUB, y);
    }

    /** {@code this * y}. */
    default Real mul(Real y) {
        return apply(Binary.MUL, y);
    }

    /** {@code this * c}. */
    default Real mul(double c) {
        return apply(Binary.MUL, constant(c));
    }

    /** {@code this / y}. */
    default Real div(Real y) {
        return apply(Binary.DIV, y);
    }

    /** {@code -this}. */
    default Real neg() {
        return apply(Elementary.NEG);
    }

    /** {@code f(this)}, by the chain rule: d f(x) = f'(x) dx. */
    Real apply(UnaryFunction f);

    /** {@code f(this, y)}, by the chain rule: d f(x, y) = ∂f/∂x dx + ∂f/∂y dy. */
    Real apply(BinaryFunction f, Real y);

    /** {@code this - c}. */
    default Real sub(double c) {
        return add(-c);
    }

    /** {@code this / c}. */
    default Real div(double c) {
        return mul(1.0 / c);
    }

    /** {@code 1 / this}. */
    default Real reciprocal() {
        return apply(Elementary.RECIPROCAL);
    }

    /** {@code this²}. */
    default Real square() {
        return mul(this);
    }

    /** {@code this^p} for a constant exponent. */
    default Real pow(double p) {
        return apply(Power.of(p));
    }

    /** {@code this^n} for an integer exponent (defined for negative bases). */
    default Real pow(int n) {
        return apply(Power.of(n));
    }

    /** {@code this^p} with a differentiable exponent (base must be positive). */
    default Real pow(Real p) {
        return apply(Binary.POW, p);
    }

    /** Square root. */
    default Real sqrt() {
        return apply(Elementary.SQRT);
    }

    /** Cube root. */
    default Real cbrt() {
        return apply(Elementary.CBRT);
    }

    /** e^this. */
    default Real exp() {
        return apply(Elementary.EXP);
    }

    /** e^this − 1, accurate near 0. */
    default Real expm1() {
        return apply(Elementary.EXPM1);
    }

    /** Natural logarithm. */
    default Real log() {
        return apply(Elementary.LOG);
    }

    /** ln(1 + this), accurate near 0. */
    default Real log1p() {
        return apply(Elementary.LOG1P);
    }

    /** Base-2 logarithm. */
    default Real log2() {
        return apply(Elementary.LOG2);
    }

    /** Base-10 logarithm. */
    default Real log10() {
        return apply(Elementary.LOG10);
    }

    /** Sine. */
    default Real sin() {
        return apply(Elementary.SIN);
    }

    /** Cosine. */
    default Real cos() {
        return apply(Elementary.COS);
    }

    /** Tangent. */
    default Real tan() {
        return apply(Elementary.TAN);
    }

    /** Arc sine. */
    default Real asin() {
        return apply(Elementary.ASIN);
    }

    /** Arc cosine. */
    default Real acos() {
        return apply(Elementary.ACOS);
    }

    /** Arc tangent. */
    default Real atan() {
        return apply(Elementary.ATAN);
    }

    /** atan2(this, x): the angle of the point (x, this). */
    default Real atan2(Real x) {
        return apply(Binary.ATAN2, x);
    }

    /** atan2(this, x) for a constant x. */
    default Real atan2(double x) {
        return atan2(constant(x));
    }

    /** Hyperbolic sine. */
    default Real sinh() {
        return apply(Elementary.SINH);
    }

    /** Hyperbolic cosine. */
    default Real cosh() {
        return apply(Elementary.COSH);
    }

    /** Hyperbolic tangent. */
    default Real tanh() {
        return apply(Elementary.TANH);
    }

    /** Inverse hyperbolic sine. */
    default Real asinh() {
        return apply(Elementary.ASINH);
    }

    /** Inverse hyperbolic cosine. */
    default Real acosh() {
        return apply(Elementary.ACOSH);
    }

    /** Inverse hyperbolic tangent. */
    default Real atanh() {
        return apply(Elementary.ATANH);
    }

    /** |this|; derivative sign(x), so 0 at the kink. */
    default Real abs() {
        return apply(Elementary.ABS);
    }

    /** sign(this) ∈ {−1, 0, 1}; derivative 0. */
    default Real signum() {
        return apply(Elementary.SIGNUM);
    }

    /** The smaller of this and y; at a tie each gets half the derivative. */
    default Real min(Real y) {
        return apply(Binary.MIN, y);
    }

    /** min(this, c). */
    default Real min(double c) {
        return min(constant(c));
    }

    /** The larger of this and y; at a tie each gets half the derivative. */
    default Real max(Real y) {
        return apply(Binary.MAX, y);
    }

    /** max(this, c). */
    default Real max(double c) {
        return max(constant(c));
    }

    /** √(this² + y²) without overflow. */
    default Real hypot(Real y) {
        return apply(Binary.HYPOT, y);
    }

    /** hypot(this, c). */
    default Real hypot(double c) {
        return hypot(constant(c));
    }

    /** The logistic function 1 / (1 + e^−this). */
    default Real sigmoid() {
        return apply(Elementary.SIGMOID);
    }

    /** ln(1 + e^this), computed stably. */
    default Real softplus() {
        return apply(Elementary.SOFTPLUS);
    }

    /** The error function. */
    default Real erf() {
        return apply(Elementary.ERF);
    }

    /** The complementary error function 1 − erf. */
    default Real erfc() {
        return apply(Elementary.ERFC);
    }

    /** ln Γ(this), for positive arguments. */
    default Real lgamma() {
        return apply(Elementary.LGAMMA);
    }

    /** The digamma function ψ = (ln Γ)′. */
    default Real digamma() {
        return apply(Elementary.DIGAMMA);
    }
}
