package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** x + y elementwise: ż = ẋ + ẏ, x̄ = ȳ = z̄. */
public record Add() implements Elementwise {

    @Override
    public String name() {
        return "add";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].add(x[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? t[1] : t[1] == null ? t[0] : t[0].add(t[1]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {wanted[0] ? g : null, wanted[1] ? g : null};
    }
}
