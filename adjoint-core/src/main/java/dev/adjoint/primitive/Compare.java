package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Parallel;

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
        if (!x[0].shape().equals(x[1].shape())) {
            throw new IllegalArgumentException(name() + ": shapes " + x[0].shape() + " and " + x[1].shape()
                    + " differ");
        }
        double[] a = x[0].buffer();
        double[] b = x[1].buffer();
        double[] out = new double[a.length];
        // One loop per kind (not a lambda per element): comparisons sit in every relu and max backward pass.
        Parallel.each(out.length, 1, (from, to) -> {
            switch (kind) {
                case GT:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] > b[i] ? 1 : 0;
                    }
                    break;
                case GE:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] >= b[i] ? 1 : 0;
                    }
                    break;
                case LT:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] < b[i] ? 1 : 0;
                    }
                    break;
                case LE:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] <= b[i] ? 1 : 0;
                    }
                    break;
                case EQ:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] == b[i] ? 1 : 0;
                    }
                    break;
                default:
                    for (int i = from; i < to; i++) {
                        out[i] = a[i] != b[i] ? 1 : 0;
                    }
            }
        });
        return NdArray.adopt(x[0].shape(), out);
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
