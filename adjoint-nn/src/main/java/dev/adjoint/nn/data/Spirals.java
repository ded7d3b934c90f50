package dev.adjoint.nn.data;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;

/**
 * Interleaved spirals in the plane, one arm per class (Lang &amp; Witbrock's two-spirals problem for two classes):
 * generated from a seed, nothing downloaded. Not linearly separable, so it needs a hidden layer.
 */
public final class Spirals {

    private Spirals() {
    }

    /** {@code perClass} points on each of {@code classes} arms of 1.5 turns, with Gaussian noise of the given size. */
    public static Dataset generate(int perClass, int classes, double noise, Rng rng) {
        if (perClass < 1 || classes < 2) {
            throw new IllegalArgumentException("Spirals: need perClass ≥ 1 and classes ≥ 2, got " + perClass + ", "
                    + classes);
        }
        int n = perClass * classes;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int k = c * perClass + i;
                double r = (i + 0.5) / perClass;
                double t = 3 * Math.PI * r + 2 * Math.PI * c / classes;
                x[2 * k] = r * Math.cos(t) + noise * rng.normal();
                x[2 * k + 1] = r * Math.sin(t) + noise * rng.normal();
                y[k] = c;
            }
        }
        return new Dataset(Tensor.of(NdArray.adopt(Shape.of(n, 2), x)), Tensor.of(NdArray.adopt(Shape.of(n), y)));
    }
}
