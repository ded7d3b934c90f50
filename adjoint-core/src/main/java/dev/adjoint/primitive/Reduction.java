package dev.adjoint.primitive;

/** Primitives that combine elements along axes. */
public sealed interface Reduction extends Primitive permits Sum, MaxReduce, ArgMax, CumSum {

    /** The axes shifted past a new leading batch axis. */
    static int[] shift(int[] axes) {
        int[] s = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            s[i] = axes[i] + 1;
        }
        return s;
    }
}
