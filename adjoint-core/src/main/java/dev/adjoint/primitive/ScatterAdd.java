package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/**
 * Zeros of the target shape with the updates added at a constant index along an axis (the adjoint of
 * {@link Gather}); linear, and ū = gather(ȳ).
 */
public record ScatterAdd(int axis, NdArray index, Shape target) implements Structural {

    @Override
    public String name() {
        return "scatterAdd";
    }

    @Override
    public Shape shape(Shape... in) {
        Shape is = index.shape();
        if (!in[0].equals(is) || is.rank() != target.rank() || !is.with(axis, 0).equals(target.with(axis, 0))) {
            throw new IllegalArgumentException("scatterAdd: updates " + in[0] + " and index " + is
                    + " do not fit target " + target + " on axis " + axis);
        }
        return target;
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return x[0].scatterAdd(axis, index, target);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {Interpreter.bind(new Gather(axis, index), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        NdArray bi = index.broadcastTo(Shape.of(size).concat(index.shape()));
        return Interpreter.bind(new ScatterAdd(axis + 1, bi, Shape.of(size).concat(target)), x[0]);
    }
}
