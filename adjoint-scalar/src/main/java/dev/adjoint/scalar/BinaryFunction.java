package dev.adjoint.scalar;

/**
 * A differentiable function of two variables: a row of {@link Binary}. As in {@link UnaryFunction}, the partial
 * derivatives come twice: on doubles for speed and as {@code Real} expressions for higher order.
 */
public interface BinaryFunction {

    /** The function's name, as the parser and the printers spell it. */
    String symbol();

    /** f(x, y). */
    double value(double x, double y);

    /** ∂f/∂x on doubles. */
    double slopeX(double x, double y);

    /** ∂f/∂y on doubles. */
    double slopeY(double x, double y);

    /** ∂f/∂x as a differentiable expression. */
    Real derivativeX(Real x, Real y);

    /** ∂f/∂y as a differentiable expression. */
    Real derivativeY(Real x, Real y);
}
