package dev.adjoint.nn.layer;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * 2-d convolution (cross-correlation, as in every framework) of {@code [N, H, W, Cin]} images with a kernel of
 * shape {@code [kh, kw, Cin, Cout]}, stride and zero padding, plus a bias per output channel: the core's
 * {@link Tensor#conv2d} primitive (im2col into one BLAS product per image).
 */
public record Conv2d(Tensor weight, Tensor bias, int stride, int padding) implements Layer {

    /** Checks the shapes. */
    public Conv2d {
        if (weight.rank() != 4 || bias.rank() != 1 || bias.dim(0) != weight.dim(3)) {
            throw new IllegalArgumentException("Conv2d: weight " + weight.shape() + " and bias " + bias.shape()
                    + " do not fit (need [kh, kw, Cin, Cout] and [Cout])");
        }
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException("Conv2d: stride " + stride + " and padding " + padding
                    + " (need stride ≥ 1, padding ≥ 0)");
        }
    }

    /** A k × k convolution with weights drawn by {@code init} (fans k²·Cin and k²·Cout) and zero biases. */
    public static Conv2d create(int in, int out, int k, int stride, int padding, Init init, Rng rng) {
        return new Conv2d(init.sample(rng, k * k * in, k * k * out, k, k, in, out), Tensor.zeros(out), stride,
                padding);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        int cin = weight.dim(2);
        if (x.rank() != 4 || x.dim(3) != cin) {
            throw new IllegalArgumentException("Conv2d: input of shape " + x.shape() + " for a kernel "
                    + weight.shape() + " (need [N, H, W, " + cin + "])");
        }
        return x.conv2d(weight, stride, padding).add(bias);
    }
}
