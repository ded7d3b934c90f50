package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/**
 * A comparison elementwise, 1 where it holds and 0 elsewhere (in the operands' dtype); piecewise constant, so its
 * derivative is zero.
 */
public record Compare(Kind kind) implements Elementwise {

    /** The comparison. */
    public enum Kind {
        /** x &gt; y. */ GT,
        /** x ≥ y. */ GE,
        /** x &lt; y. */ LT,
        /** x ≤ y. */ LE,
        /** x = y. */ EQ,
        /** x ≠ y. */ NE
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].compare(NdArray.Comparison.valueOf(kind.name()), x[1], name());
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return null;
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[2];
    }
}
