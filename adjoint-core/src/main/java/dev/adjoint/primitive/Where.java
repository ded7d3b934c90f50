package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/**
 * where(c, a, b) elementwise: a where c ≠ 0, else b. ż = where(c, ȧ, ḃ); ā = where(c, z̄, 0), b̄ = where(c, 0, z̄).
 * When the condition is uniform, the branch not taken gets a symbolic zero, so a masked {@code sqrt(0)} or
 * {@code log(0)} contributes no NaN.
 */
public record Where() implements Elementwise {

    @Override
    public String name() {
        return "where";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return NdArray.where(x[0], x[1], x[2]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[1] == null && t[2] == null) {
            return null;
        }
        Tensor a = t[1] == null ? Tensor.zerosLike(y) : t[1];
        Tensor b = t[2] == null ? Tensor.zerosLike(y) : t[2];
        return Tensor.where(x[0], a, b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor c = x[0];
        if (c.isConcrete() && c.array().allNonZero()) {
            return new Tensor[] {null, wanted[1] ? g : null, null};
        }
        if (c.isConcrete() && c.array().allZero()) {
            return new Tensor[] {null, null, wanted[2] ? g : null};
        }
        Tensor zero = Tensor.zerosLike(g);
        return new Tensor[] {null, wanted[1] ? Tensor.where(c, g, zero) : null,
            wanted[2] ? Tensor.where(c, zero, g) : null};
    }
}
