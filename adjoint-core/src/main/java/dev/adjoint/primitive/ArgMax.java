package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Reductions;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/** The index of the first maximum along an axis (as a double); integer-valued, so its derivative is zero. */
public record ArgMax(int axis, boolean keepDims) implements Reduction {

    @Override
    public String name() {
        return "argmax";
    }

    @Override
    public Shape shape(Shape... in) {
        return in[0].reduce(new int[] {in[0].axis(axis, name())}, keepDims);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return Reductions.argmax(x[0], axis, keepDims);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return null;
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[1];
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new ArgMax(axis + 1, keepDims), x[0]);
    }
}
