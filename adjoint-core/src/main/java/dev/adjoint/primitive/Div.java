package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** x / y elementwise: ż = ẋ ⊙ (1/y) − ẏ ⊙ (z/y), x̄ = z̄ ⊙ (1/y), ȳ = −z̄ ⊙ (z/y) ({@link SafeMul}). */
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
        Tensor r = x[1].reciprocal();
        Tensor a = t[0] == null ? null : SafeMul.apply(t[0], r);
        Tensor b = t[1] == null ? null : SafeMul.apply(t[1], y.mul(r).neg());
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor r = x[1].reciprocal();
        return new Tensor[] {wanted[0] ? SafeMul.apply(g, r) : null,
            wanted[1] ? SafeMul.apply(g, y.mul(r).neg()) : null};
    }
}
