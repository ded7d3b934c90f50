package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;

/**
 * x converted to another dtype, elementwise (rounded to nearest when narrowing to float32, exact when widening).
 * Linear, so its rules convert too: ẏ = ẋ converted to {@code to}, x̄ = ȳ converted back to x's dtype; the rules
 * are themselves casts, so every order follows.
 */
public record Cast(DType to) implements Elementwise {

    @Override
    public String name() {
        return "astype(" + to + ")";
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].astype(to);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : t[0].astype(to);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {g.astype(x[0].dtype())};
    }
}
