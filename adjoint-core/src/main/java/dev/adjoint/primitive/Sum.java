package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Reductions;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/**
 * Σ over the given (non-negative, sorted) axes, pairwise-summed; linear, so ẏ = Σ ẋ, and x̄ is ȳ broadcast back
 * over the reduced axes.
 */
public record Sum(int[] axes, boolean keepDims) implements Reduction {

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Shape shape(Shape... in) {
        return in[0].reduce(in[0].axes(axes, name()), keepDims);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return Reductions.sum(x[0], axes, keepDims);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : Interpreter.bind(this, t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Shape s = x[0].shape();
        return new Tensor[] {g.reshape(s.reduce(axes, true)).broadcastTo(s)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new Sum(Reduction.shift(axes), keepDims), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sum && Arrays.equals(axes, ((Sum) o).axes) && keepDims == ((Sum) o).keepDims;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(axes) * 2 + (keepDims ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Sum[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
}
