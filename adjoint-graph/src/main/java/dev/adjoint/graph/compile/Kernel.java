package dev.adjoint.graph.compile;

/** An elementwise loop writing {@code out[0..n)}; an input of length 1 is read as a scalar. */
@FunctionalInterface
public interface Kernel {

    /** Runs the loop. */
    void run(double[][] in, double[] out, int n);
}
