package dev.adjoint.graph.compile;

/** A generated loop writing {@code out[0..n)} from its inputs (their layouts are fixed when it is generated). */
@FunctionalInterface
public interface Kernel {

    /** Runs the loop. */
    void run(double[][] in, double[] out, int n);
}
