package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.scalar.Binary;

/**
 * f(x, y) elementwise for a smooth row of the scalar {@link Binary} table (x^y, atan2, hypot): the row gives the
 * value and both partial derivatives, ż = ∂f/∂x ẋ + ∂f/∂y ẏ and x̄ = z̄ ∂f/∂x, ȳ = z̄ ∂f/∂y.
 */
public record Bivariate(Binary function) implements Elementwise {

    /** The rows this primitive accepts (arithmetic has its own primitives, min/max is {@link Maximum}). */
    public Bivariate {
        if (function != Binary.POW && function != Binary.ATAN2 && function != Binary.HYPOT) {
            throw new IllegalArgumentException("Bivariate: use the dedicated primitive for " + function.symbol());
        }
    }

    @Override
    public String name() {
        return function == Binary.POW ? "pow" : function.symbol();
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        Binary f = function;
        return x[0].zip(x[1], f::value);
    }

    private Tensor dx(Tensor[] x) {
        return TensorReal.of(function.derivativeX(new TensorReal(x[0]), new TensorReal(x[1])))
                .broadcastTo(x[0].shape());
    }

    private Tensor dy(Tensor[] x) {
        return TensorReal.of(function.derivativeY(new TensorReal(x[0]), new TensorReal(x[1])))
                .broadcastTo(x[0].shape());
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor a = t[0] == null ? null : SafeMul.apply(t[0], dx(x));
        Tensor b = t[1] == null ? null : SafeMul.apply(t[1], dy(x));
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {wanted[0] ? SafeMul.apply(g, dx(x)) : null, wanted[1] ? SafeMul.apply(g, dy(x)) : null};
    }
}
