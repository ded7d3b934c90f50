package dev.adjoint.numeric;

import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;

/** A plain double as a {@link Real}: runs a {@code RealFunction} for its value only, as finite differences need. */
final class DoubleValue implements Real {

    private final double value;

    DoubleValue(double value) {
        this.value = value;
    }

    static Real[] of(double[] x) {
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = new DoubleValue(x[i]);
        }
        return r;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public Real constant(double c) {
        return new DoubleValue(c);
    }

    @Override
    public Real apply(UnaryFunction f) {
        return new DoubleValue(f.value(value));
    }

    @Override
    public Real apply(BinaryFunction f, Real y) {
        return new DoubleValue(f.value(value, y.value()));
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
