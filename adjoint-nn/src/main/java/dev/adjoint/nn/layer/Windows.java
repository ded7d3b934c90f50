package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;

/**
 * Sliding windows over {@code [N, H, W, C]} images (im2col): {@code [N, OH, OW, kh·kw, C]}, with OH = ⌊(H + 2p −
 * kh)/s⌋ + 1. Built from one strided slice per kernel offset and a stack, so its adjoint (col2im: the slices' pads
 * summed) and its forward derivative come from the core's rules.
 */
public final class Windows {

    private Windows() {
    }

    /** The output length of a window of size k with stride s and padding p over n positions. */
    public static int outputSize(int n, int k, int stride, int padding) {
        return (n + 2 * padding - k) / stride + 1;
    }

    /** The windows of size kh × kw, stride and zero padding, stacked on axis 3. */
    public static Tensor patches(Tensor x, int kh, int kw, int stride, int padding, String op) {
        return Tensor.stack(3, shifts(x, kh, kw, stride, padding, op));
    }

    /**
     * One {@code [N, OH, OW, C]} strided view per kernel offset (i, j), in row-major order: element (n, y, x, c) of
     * view (i, j) is the padded input at (n, y·s + i, x·s + j, c). Pooling reduces these elementwise.
     */
    public static Tensor[] shifts(Tensor x, int kh, int kw, int stride, int padding, String op) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": input of shape " + x.shape() + ", expected [N, H, W, C]");
        }
        int oh = outputSize(x.dim(1), kh, stride, padding);
        int ow = outputSize(x.dim(2), kw, stride, padding);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException(op + ": a " + kh + "×" + kw + " window with padding " + padding
                    + " does not fit in input of shape " + x.shape());
        }
        Tensor p = padding == 0 ? x : x.pad(0, 0, padding, padding, padding, padding, 0, 0);
        Tensor[] parts = new Tensor[kh * kw];
        for (int i = 0; i < kh; i++) {
            Tensor rows = p.slice(1, i, i + stride * (oh - 1) + 1, stride);
            for (int j = 0; j < kw; j++) {
                parts[i * kw + j] = rows.slice(2, j, j + stride * (ow - 1) + 1, stride);
            }
        }
        return parts;
    }
}
