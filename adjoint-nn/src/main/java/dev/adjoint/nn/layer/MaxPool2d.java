package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * The maximum over size × size windows of {@code [N, H, W, C]} images, with stride and padding (padding never
 * wins). Non-overlapping windows that tile the image are a reshape and a reduction; others go through
 * {@link Windows}.
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
        if (Pooling.tiles(x, size, stride, padding, "MaxPool2d")) {
            return Pooling.tiled(x, size).max(new int[] {2, 4}, false);
        }
        Tensor p = x;
        if (padding > 0) {
            Tensor inside = Tensor.onesLike(x).pad(0, 0, padding, padding, padding, padding, 0, 0);
            p = Tensor.where(inside, x.pad(0, 0, padding, padding, padding, padding, 0, 0), Double.NEGATIVE_INFINITY);
        }
        return Windows.patches(p, size, size, stride, 0, "MaxPool2d").max(new int[] {3}, false);
    }
}
