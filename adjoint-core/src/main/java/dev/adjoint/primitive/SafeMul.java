package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.interpret.Interpreter;

/**
 * t ⊙ d: the product of a tangent or cotangent t with a local derivative d, where an exact zero in t gives zero
 * even if d is infinite or NaN. This is the symbolic zero, elementwise: the masked branch of {@code where} gets
 * zero cotangents, and a {@code sqrt} or {@code log} there then contributes 0, not NaN. The chain rules of the
 * elementwise primitives use it; ż = ṫ ⊙ d + t ⊙ ḋ, t̄ = z̄ ⊙ d, d̄ = z̄ ⊙ t.
 */
public record SafeMul() implements Elementwise {

    /** The primitive instance. */
    public static final SafeMul INSTANCE = new SafeMul();

    /** t ⊙ d for tensors of equal shape. */
    public static Tensor apply(Tensor t, Tensor d) {
        return Interpreter.bind(INSTANCE, t, d);
    }

    @Override
    public String name() {
        return "safeMul";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].safeMul(x[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[0] != null && t[1] != null && t[0].isConcrete() && t[1].isConcrete() && x[0].isConcrete()
                && x[1].isConcrete()) {
            return Tensor.of(NdArray.productRule(t[0].array(), x[1].array(), x[0].array(), t[1].array()));
        }
        Tensor a = t[0] == null ? null : apply(t[0], x[1]);
        Tensor b = t[1] == null ? null : apply(x[0], t[1]);
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {wanted[0] ? apply(g, x[1]) : null, wanted[1] ? apply(g, x[0]) : null};
    }
}
