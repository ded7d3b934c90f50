package dev.adjoint.checkpoint;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import java.util.function.BiFunction;

/**
 * A loop step on tensors whose VJP comes from tensor reverse mode ({@link Ad#vjp}): the step is re-run under a
 * tape when it is reversed, so a {@link Loop} of tensor steps keeps only the snapshots its schedule asks for.
 * Parameters to differentiate belong in the state (e.g. concatenated and sliced), so their cotangents flow.
 */
public final class TensorStep implements Step<Tensor> {

    private final BiFunction<Integer, Tensor, Tensor> f;

    private TensorStep(BiFunction<Integer, Tensor, Tensor> f) {
        this.f = f;
    }

    /** The step xᵢ₊₁ = f(i, xᵢ). */
    public static TensorStep of(BiFunction<Integer, Tensor, Tensor> f) {
        return new TensorStep(f);
    }

    @Override
    public Tensor forward(int i, Tensor state) {
        return f.apply(i, state);
    }

    @Override
    public Tensor backward(int i, Tensor state, Tensor cotangent) {
        return Ad.vjp(x -> f.apply(i, x), state).pullback().apply(cotangent);
    }
}
