package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/** The identity on values whose derivative is declared zero: ẏ = 0, x̄ = 0. */
public record StopGradient() implements Control {

    @Override
    public String name() {
        return "stopGradient";
    }

    @Override
    public Shape shape(Shape... in) {
        return in[0];
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0];
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
        return Interpreter.bind(this, x[0]);
    }
}
