package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/**
 * max(x, y) elementwise; with s = [x &gt; y] + ½[x = y] (ties split evenly, as in the scalar table):
 * ż = s ẋ + (1 − s) ẏ, x̄ = s z̄, ȳ = (1 − s) z̄.
 */
public record Maximum() implements Elementwise {

    @Override
    public String name() {
        return "maximum";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].maximum(x[1]);
    }

    private static Tensor share(Tensor[] x) {
        return x[0].gt(x[1]).add(x[0].eq(x[1]).mul(0.5));
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor s = share(x);
        Tensor a = t[0] == null ? null : t[0].mul(s);
        Tensor b = t[1] == null ? null : t[1].mul(s.neg().add(1));
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor s = share(x);
        return new Tensor[] {wanted[0] ? g.mul(s) : null, wanted[1] ? g.mul(s.neg().add(1)) : null};
    }
}
