package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;

/** A comparison elementwise, 1.0 where it holds and 0.0 elsewhere; piecewise constant, so its derivative is zero. */
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
        switch (kind) {
            case GT:
                return x[0].zip(x[1], (a, b) -> a > b ? 1 : 0);
            case GE:
                return x[0].zip(x[1], (a, b) -> a >= b ? 1 : 0);
            case LT:
                return x[0].zip(x[1], (a, b) -> a < b ? 1 : 0);
            case LE:
                return x[0].zip(x[1], (a, b) -> a <= b ? 1 : 0);
            case EQ:
                return x[0].zip(x[1], (a, b) -> a == b ? 1 : 0);
            default:
                return x[0].zip(x[1], (a, b) -> a != b ? 1 : 0);
        }
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
