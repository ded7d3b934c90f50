package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** x / y elementwise: ż = (ẋ − z ẏ) / y, x̄ = z̄ / y, ȳ = −z̄ z / y. */
public record Div() implements Elementwise {

    @Override
    public String name() {
        return "div";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].div(x[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[1] == null) {
            return t[0] == null ? null : t[0].div(x[1]);
        }
        Tensor n = t[1].mul(y).neg();
        return (t[0] == null ? n : t[0].add(n)).div(x[1]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor gx = g.div(x[1]);
        return new Tensor[] {wanted[0] ? gx : null, wanted[1] ? gx.mul(y).neg() : null};
    }
}
