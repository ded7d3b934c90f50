package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * The mean over size × size windows of {@code [N, H, W, C]} images (zero padding counts, as PyTorch's default):
 * the core's {@link Tensor#avgPool2d} primitive.
 */
public record AvgPool2d(int size, int stride, int padding) implements Layer {

    /** Checks the sizes. */
    public AvgPool2d {
        Pooling.check("AvgPool2d", size, stride, padding);
    }

    /** Non-overlapping size × size windows. */
    public static AvgPool2d of(int size) {
        return new AvgPool2d(size, size, 0);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        Pooling.check(x, "AvgPool2d");
        return x.avgPool2d(size, stride, padding);
    }
}
