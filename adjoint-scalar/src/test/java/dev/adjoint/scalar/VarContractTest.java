package dev.adjoint.scalar;

/** {@link Var} on a {@link Tape} meets the contract: reverse mode, and forward over reverse for Hessians. */
class VarContractTest extends SecondOrderContract {

    @Override
    protected Gradient gradient(RealFunction f, double[] x) {
        return Derivatives.gradient(f, Mode.REVERSE, x);
    }

    @Override
    protected double[][] hessian(RealFunction f, double[] x) {
        return Derivatives.hessian(f, x);
    }
}
