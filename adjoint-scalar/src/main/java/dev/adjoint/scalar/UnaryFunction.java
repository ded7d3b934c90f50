package dev.adjoint.scalar;

/**
 * A differentiable function of one variable: a row of the table that every {@link Real} implementation shares.
 *
 * <p>{@link #derivative(Real)} is the rule, written in {@code Real} operations, so higher derivatives follow by
 * applying it to a differentiable argument (a {@link Jet}, a {@link Dual}, a symbolic expression).
 * {@link #slope(double)} is the same first derivative on plain doubles, the fast path for the first-order modes; the
 * table's tests check that the two agree.
 */
public interface UnaryFunction {

    /** The function's usual name, as the parser and the printers spell it. */
    String symbol();

    /** f(x). */
    double value(double x);

    /** f′(x) on doubles. */
    double slope(double x);

    /** f′(x) as a differentiable expression in x. */
    Real derivative(Real x);

    /** The open interval on which f is smooth; tests sample it. */
    default double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** Upper end of {@link #lower()}'s interval. */
    default double upper() {
        return Double.POSITIVE_INFINITY;
    }
}
