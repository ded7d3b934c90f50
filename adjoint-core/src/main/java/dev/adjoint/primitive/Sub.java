package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** x − y elementwise: ż = ẋ − ẏ, x̄ = z̄, ȳ = −z̄. */
public record Sub() implements Elementwise {

    @Override
    public String name() {
        return "sub";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].sub(x[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[1] == null ? t[0] : t[0] == null ? t[1].neg() : t[0].sub(t[1]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {wanted[0] ? g : null, wanted[1] ? g.neg() : null};
    }
}
