package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;

/** A traced value: what an interpreter knows about a tensor while it runs (a primal and a tangent, a tape node, ...). */
public abstract class Tracer {

    private final Interpreter owner;

    /** A tracer owned by {@code owner}. */
    protected Tracer(Interpreter owner) {
        this.owner = owner;
    }

    /** The interpreter that created this tracer. */
    public final Interpreter owner() {
        return owner;
    }

    /** The shape the traced tensor has in user code. */
    public abstract Shape shape();

    /** The dtype the traced tensor has in user code; float64 unless the interpreter knows better. */
    public DType dtype() {
        return DType.FLOAT64;
    }

    /** The same value one level down (the primal), or an error when there is no single value (inside vmap). */
    public abstract Tensor primal();
}
