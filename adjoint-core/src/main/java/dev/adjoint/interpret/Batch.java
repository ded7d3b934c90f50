package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;
import dev.adjoint.primitive.Primitive;

/**
 * Vectorisation (vmap): each traced value carries a leading batch axis; a primitive runs once on the whole batch
 * through its batching rule. Values without the axis are broadcast when a rule needs them to have it.
 */
public final class Batch extends Interpreter {

    private static final class BatchTracer extends Tracer {
        final Tensor value;

        BatchTracer(Batch owner, Tensor value) {
            super(owner);
            this.value = value;
        }

        @Override
        public Shape shape() {
            Shape s = value.shape();
            return s.sub(1, s.rank());
        }

        @Override
        public DType dtype() {
            return value.dtype();
        }

        @Override
        public Tensor primal() {
            throw new IllegalStateException("the value of a batched tensor is not available inside vmap"
                    + " (each example has its own); return it from the function instead");
        }
    }

    private final int size;

    /** Opens a batching scope for batches of {@code size} examples. */
    public Batch(int size) {
        super("vmap");
        this.size = size;
    }

    /** The batch size. */
    public int size() {
        return size;
    }

    /** A batch (axis 0 of {@code x}) seen as one example. */
    public Tensor wrap(Tensor x) {
        if (x.shape().rank() == 0 || x.shape().dim(0) != size) {
            throw new IllegalArgumentException("vmap: input of shape " + x.shape() + " has no batch axis of size "
                    + size + " at position 0");
        }
        return Tensor.traced(new BatchTracer(this, x));
    }

    private BatchTracer mine(Tensor t) {
        Tracer tr = t.tracer();
        return tr != null && tr.owner() == this ? (BatchTracer) tr : null;
    }

    /** The batch of a value computed in this scope (axis 0), broadcast if it does not depend on the batch. */
    public Tensor unwrap(Tensor y) {
        BatchTracer t = mine(y);
        return t != null ? t.value : y.broadcastTo(Shape.of(size).concat(y.shape()));
    }

    @Override
    protected Tensor process(Primitive p, Tensor[] args) {
        Tensor[] values = new Tensor[args.length];
        boolean[] batched = new boolean[args.length];
        boolean any = false;
        for (int i = 0; i < args.length; i++) {
            BatchTracer t = mine(args[i]);
            values[i] = t == null ? args[i] : t.value;
            batched[i] = t != null;
            any |= t != null;
        }
        if (!any) {
            return Interpreter.bind(p, values);
        }
        return Tensor.traced(new BatchTracer(this, p.batch(values, batched, size)));
    }
}
