package dev.adjoint.ode;

/** The right-hand side y′ = F(t, y) of an ODE on double[] states, as a solver sees it. */
@FunctionalInterface
public interface VectorField {

    /** F(t, y); must not modify {@code y}. */
    double[] apply(double t, double[] y);
}
