package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;

/**
 * A tensor seen as a {@link Real}, so the scalar table's derivative expressions ({@code d sin x = cos x}, written
 * once over {@code Real}) build tensor expressions, elementwise and differentiable again.
 */
final class TensorReal implements Real {

    final Tensor t;

    TensorReal(Tensor t) {
        this.t = t;
    }

    static Tensor of(Real r) {
        return ((TensorReal) r).t;
    }

    @Override
    public double value() {
        return t.item();
    }

    @Override
    public Real constant(double c) {
        return new TensorReal(Tensor.scalar(c, t.dtype()));
    }

    @Override
    public Real add(Real y) {
        return new TensorReal(t.add(of(y)));
    }

    @Override
    public Real add(double c) {
        return new TensorReal(t.add(c));
    }

    @Override
    public Real sub(Real y) {
        return new TensorReal(t.sub(of(y)));
    }

    @Override
    public Real mul(Real y) {
        return new TensorReal(t.mul(of(y)));
    }

    @Override
    public Real mul(double c) {
        return new TensorReal(t.mul(c));
    }

    @Override
    public Real div(Real y) {
        return new TensorReal(t.div(of(y)));
    }

    @Override
    public Real neg() {
        return new TensorReal(t.neg());
    }

    @Override
    public Real pow(double p) {
        return new TensorReal(t.pow(p));
    }

    @Override
    public Real square() {
        return new TensorReal(t.square());
    }

    @Override
    public Real apply(UnaryFunction f) {
        return new TensorReal(t.apply(f));
    }

    @Override
    public Real apply(BinaryFunction f, Real y) {
        if (f instanceof dev.adjoint.scalar.Binary) {
            return new TensorReal(t.apply((dev.adjoint.scalar.Binary) f, of(y)));
        }
        throw new UnsupportedOperationException("tensor form of binary function " + f.symbol());
    }
}
