package dev.adjoint.scalar;

/** {@link Jet} meets the contract: first derivatives by order-1 series, second by order-2 series. */
class JetContractTest extends SecondOrderContract {

    @Override
    protected Gradient gradient(RealFunction f, double[] x) {
        return jetGradient(f, x);
    }

    @Override
    protected double[][] hessian(RealFunction f, double[] x) {
        return jetHessian(f, x);
    }
}
