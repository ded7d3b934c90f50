package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** x · y elementwise: ż = ẋ ⊙ y + ẏ ⊙ x, x̄ = z̄ ⊙ y, ȳ = z̄ ⊙ x ({@link SafeMul}: zero (co)tangents stay zero). */
public record Mul() implements Elementwise {

    @Override
    public String name() {
        return "mul";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].mul(x[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[0] != null && t[1] != null && t[0].isConcrete() && t[1].isConcrete() && x[0].isConcrete()
                && x[1].isConcrete()) {
            return Tensor.of(NdArray.productRule(t[0].array(), x[1].array(), t[1].array(), x[0].array()));
        }
        Tensor a = t[0] == null ? null : SafeMul.apply(t[0], x[1]);
        Tensor b = t[1] == null ? null : SafeMul.apply(t[1], x[0]);
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {wanted[0] ? SafeMul.apply(g, x[1]) : null, wanted[1] ? SafeMul.apply(g, x[0]) : null};
    }
}
