package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * The maximum over size × size windows of {@code [N, H, W, C]} images, with stride and padding (padding never
 * wins), as the elementwise maximum of the size² shifted views of {@link Windows#shifts} (measured 3–4× faster than
 * a max-reduction over a window axis). Tied elements share the derivative.
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
        Tensor p = x;
        if (padding > 0) {
            Tensor inside = Tensor.onesLike(x).pad(0, 0, padding, padding, padding, padding, 0, 0);
            p = Tensor.where(inside, x.pad(0, 0, padding, padding, padding, padding, 0, 0), Double.NEGATIVE_INFINITY);
        }
        // The maximum of the shifted strided views: elementwise, no window tensor is built.
        Tensor[] views = Windows.shifts(p, size, size, stride, 0, "MaxPool2d");
        Tensor m = views[0];
        for (int i = 1; i < views.length; i++) {
            m = m.maximum(views[i]);
        }
        return m;
    }
}
