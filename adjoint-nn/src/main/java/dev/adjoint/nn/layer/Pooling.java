package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;

/** What the pooling layers share. */
final class Pooling {

    private Pooling() {
    }

    static void check(String op, int size, int stride, int padding) {
        if (size < 1 || stride < 1 || padding < 0 || padding > size / 2) {
            throw new IllegalArgumentException(op + ": size " + size + ", stride " + stride + ", padding " + padding
                    + " (need size ≥ 1, stride ≥ 1, 0 ≤ padding ≤ size/2)");
        }
    }

    static void check(Tensor x, String op) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": input of shape " + x.shape() + ", expected [N, H, W, C]");
        }
    }
}
