package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/**
 * Elementwise primitives: all inputs have the same shape as the output (the fluent API broadcasts first) and, but
 * for {@link Cast} and the condition of {@link Where}, the same dtype (the fluent API casts first, see
 * {@link dev.adjoint.array.DType}). Batching
 * is shared: unbatched inputs are broadcast along the batch axis and the primitive is applied as it is.
 */
public sealed interface Elementwise extends Primitive permits Unary, Bivariate, Add, Sub, Mul, SafeMul, Div,
        Maximum, Compare, Where, Cast {

    @Override
    default Shape shape(Shape... inputs) {
        for (Shape s : inputs) {
            if (!s.equals(inputs[0])) {
                StringBuilder all = new StringBuilder();
                for (Shape t : inputs) {
                    all.append(all.length() == 0 ? "" : " and ").append(t);
                }
                throw new IllegalArgumentException(name() + ": shapes " + all + " differ");
            }
        }
        return inputs[0];
    }

    @Override
    default Tensor batch(Tensor[] x, boolean[] batched, int size) {
        Tensor[] b = new Tensor[x.length];
        Shape target = null;
        for (int i = 0; i < x.length; i++) {
            if (batched[i]) {
                target = x[i].shape();
            }
        }
        for (int i = 0; i < x.length; i++) {
            b[i] = batched[i] ? x[i] : x[i].broadcastTo(target);
        }
        return Interpreter.bind(this, b);
    }
}
