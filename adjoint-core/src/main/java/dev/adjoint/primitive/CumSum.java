package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/** Running sum along an axis; linear, so ẏ = cumsum(ẋ) and x̄ is the reversed running sum of ȳ. */
public record CumSum(int axis) implements Reduction {

    @Override
    public String name() {
        return "cumsum";
    }

    @Override
    public Shape shape(Shape... in) {
        in[0].axis(axis, name());
        return in[0];
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].cumsum(axis);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : Interpreter.bind(this, t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {Interpreter.bind(this, g.flip(axis)).flip(axis)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new CumSum(axis + 1), x[0]);
    }
}
