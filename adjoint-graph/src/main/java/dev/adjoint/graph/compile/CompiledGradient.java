package dev.adjoint.graph.compile;

/**
 * A scalar program compiled to straight-line JVM code: the forward sweep and the reverse sweep of its Wengert
 * list. Valid for inputs that take the same control-flow path as the recording. Instances keep work arrays, so
 * one instance must not be used by two threads at once ({@link #copy()} gives another).
 */
public interface CompiledGradient {

    /** f(x). */
    double value(double[] x);

    /** f(x), with ∇f(x) written into {@code gradient}. */
    double valueAndGradient(double[] x, double[] gradient);

    /** The number of steps in the compiled Wengert list. */
    int steps();

    /** An independent instance of the same compiled code (own work arrays). */
    CompiledGradient copy();
}
