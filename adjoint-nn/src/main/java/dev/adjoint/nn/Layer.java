package dev.adjoint.nn;

import dev.adjoint.Tensor;

/**
 * A layer or a whole model: a record whose tensor components are its parameters (the leaves that
 * {@code Ad.valueAndGrad} differentiates) and whose other components (sizes, strides, {@link Buffer}s) are kept as
 * they are. Batches come first: a {@code [N, ...]} input gives a {@code [N, ...]} output.
 *
 * <p><b>Threads.</b> Layers are immutable records of tensors, so thread-safe in evaluation; training updates a
 * layer's {@link Buffer}s (batch normalisation's running statistics) in place, atomically but shared by every copy
 * of the record, so train one model on one thread.
 */
public interface Layer {

    /** The output for a batch; {@code phase} says whether this is training (dropout, batch statistics) or not. */
    Tensor apply(Tensor x, Phase phase);

    /** The output in evaluation mode. */
    default Tensor apply(Tensor x) {
        return apply(x, Phase.eval());
    }
}
