package dev.adjoint.nn.optim;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;

/** Gradient clipping. */
public final class Clip {

    private Clip() {
    }

    /** The Euclidean norm of all the tensors of a structure together. */
    public static double globalNorm(Object tree) {
        double s = 0;
        for (Tensor t : Tree.leaves(tree)) {
            for (double v : t.toArray()) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The structure scaled so that its global norm is at most {@code max} (unchanged if already within). */
    public static <T> T byGlobalNorm(T grads, double max) {
        double n = globalNorm(grads);
        return n <= max ? grads : Tree.map(grads, t -> t.mul(max / n));
    }

    /** Every element limited to [−max, max]. */
    public static <T> T byValue(T grads, double max) {
        return Tree.map(grads, t -> t.clamp(-max, max));
    }

    /** Scales a vector in place so that its norm is at most {@code max}; returns the norm before. */
    static double byNorm(double[] g, double max) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        double n = Math.sqrt(s);
        if (n > max) {
            double k = max / n;
            for (int i = 0; i < g.length; i++) {
                g[i] *= k;
            }
        }
        return n;
    }
}
