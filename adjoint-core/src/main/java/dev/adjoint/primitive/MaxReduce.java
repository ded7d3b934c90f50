package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Reductions;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/**
 * max over the given axes. With w the indicator of the maximal elements divided by their count (ties share):
 * ẏ = Σ w ẋ and x̄ = w ȳ broadcast back.
 */
public record MaxReduce(int[] axes, boolean keepDims) implements Reduction {

    @Override
    public String name() {
        return "max";
    }

    @Override
    public Shape shape(Shape... in) {
        return in[0].reduce(in[0].axes(axes, name()), keepDims);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return Reductions.max(x[0], axes, keepDims);
    }

    private Tensor weights(Tensor x, Tensor y) {
        Shape s = x.shape();
        Tensor mask = x.eq(y.reshape(s.reduce(axes, true)).broadcastTo(s));
        Tensor count = Interpreter.bind(new Sum(axes, true), mask);
        return mask.div(count.broadcastTo(s));
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : Interpreter.bind(new Sum(axes, keepDims), t[0].mul(weights(x[0], y)));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Shape s = x[0].shape();
        return new Tensor[] {g.reshape(s.reduce(axes, true)).broadcastTo(s).mul(weights(x[0], y))};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new MaxReduce(Reduction.shift(axes), keepDims), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxReduce && Arrays.equals(axes, ((MaxReduce) o).axes)
                && keepDims == ((MaxReduce) o).keepDims;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(axes) * 2 + (keepDims ? 1 : 0);
    }

    @Override
    public String toString() {
        return "MaxReduce[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
}
