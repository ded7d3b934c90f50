package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.primitive.Primitive;

/** The fallback batching rule: apply the primitive to each example and stack the results. */
public final class Batching {

    private Batching() {
    }

    /** p applied example by example (batched inputs have the batch axis first). */
    public static Tensor loop(Primitive p, Tensor[] x, boolean[] batched, int size) {
        Tensor[] out = new Tensor[size];
        for (int b = 0; b < size; b++) {
            Tensor[] args = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) {
                args[i] = batched[i] ? x[i].index(b) : x[i];
            }
            out[b] = Interpreter.bind(p, args);
        }
        return Tensor.stack(0, out);
    }
}
