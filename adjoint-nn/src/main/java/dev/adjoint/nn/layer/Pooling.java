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

    /** Whether the windows are non-overlapping and tile the image exactly. */
    static boolean tiles(Tensor x, int size, int stride, int padding, String op) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": input of shape " + x.shape() + ", expected [N, H, W, C]");
        }
        return stride == size && padding == 0 && x.dim(1) % size == 0 && x.dim(2) % size == 0;
    }

    /** {@code [N, H, W, C]} as {@code [N, H/s, s, W/s, s, C]}. */
    static Tensor tiled(Tensor x, int s) {
        return x.reshape(x.dim(0), x.dim(1) / s, s, x.dim(2) / s, s, x.dim(3));
    }
}
