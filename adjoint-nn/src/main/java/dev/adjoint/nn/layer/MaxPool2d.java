package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * The maximum over size × size windows of {@code [N, H, W, C]} images, with stride and padding (padding never
 * wins): the core's {@link Tensor#maxPool2d} primitive. The derivative goes to the first maximal element of each
 * window, as in PyTorch.
 */
public record MaxPool2d(int size, int stride, int padding) implements Layer {

    /** Checks the sizes. */
    public MaxPool2d {
        Pooling.check("MaxPool2d", size, stride, padding);
    }

    /** Non-overlapping size × size windows. */
    public static MaxPool2d of(int size) {
        return new MaxPool2d(size, size, 0);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        Pooling.check(x, "MaxPool2d");
        return x.maxPool2d(size, stride, padding);
    }
}
