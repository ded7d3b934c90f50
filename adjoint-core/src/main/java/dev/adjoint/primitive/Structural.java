package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.interpret.Interpreter;

/**
 * Primitives that move, copy or place elements without arithmetic. All are linear in their (first) input, so the
 * shared forward rule applies the primitive itself to the tangent.
 */
public sealed interface Structural extends Primitive permits Broadcast, Reshape, Transpose, Slice, Pad, Flip,
        Concat, Gather, ScatterAdd {

    @Override
    default Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : Interpreter.bind(this, t[0]);
    }

    /** {@code a} with {@code head} prepended. */
    static int[] prepend(int head, int[] a) {
        int[] r = new int[a.length + 1];
        r[0] = head;
        System.arraycopy(a, 0, r, 1, a.length);
        return r;
    }
}
