package dev.adjoint.scalar;

/** {@link Dual} meets the contract: first derivatives by one forward pass per input. */
class DualContractTest extends RealContract {

    @Override
    protected Gradient gradient(RealFunction f, double[] x) {
        return dualGradient(f, x);
    }
}
