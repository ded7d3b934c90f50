package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.array.Window;
import dev.adjoint.interpret.Batching;
import dev.adjoint.interpret.Interpreter;

/**
 * Primitives over the sliding windows of channels-last images {@code [N, H, W, C]} ({@link Window}): convolution
 * and pooling. Their shared batching rule folds the vmap axis into the image axis N.
 */
public sealed interface Windowed extends Primitive permits Conv, MaxPool, AvgPool {

    /** The window geometry. */
    Window window();

    /**
     * The primitive applied once to image-like inputs whose batch axis is folded into N (unbatched ones are
     * broadcast first), the result unfolded again; {@code images[i]} marks inputs shaped {@code [N, …]}.
     */
    static Tensor fold(Primitive p, Tensor[] x, boolean[] batched, int size, boolean[] images) {
        Tensor[] args = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!images[i]) {
                if (batched[i]) {
                    return Batching.loop(p, x, batched, size);
                }
                args[i] = x[i];
                continue;
            }
            Tensor t = batched[i] ? x[i] : x[i].broadcastTo(Shape.of(size).concat(x[i].shape()));
            Shape s = t.shape();
            args[i] = t.reshape(Shape.of(size * s.dim(1)).concat(s.sub(2, s.rank())));
        }
        Tensor y = Interpreter.bind(p, args);
        Shape s = y.shape();
        return y.reshape(Shape.of(size, s.dim(0) / size).concat(s.sub(1, s.rank())));
    }

    /** An error naming the operation, the geometry and the shapes. */
    static IllegalArgumentException mismatch(String op, Window w, String need, Shape... in) {
        StringBuilder b = new StringBuilder(op).append(": ");
        for (int i = 0; i < in.length; i++) {
            b.append(i > 0 ? " and " : "").append(in[i]);
        }
        return new IllegalArgumentException(b.append(" do not fit window ").append(w).append(" (need ").append(need)
                .append(")").toString());
    }
}
