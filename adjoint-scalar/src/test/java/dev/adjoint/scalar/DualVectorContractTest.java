package dev.adjoint.scalar;

/** {@link DualVector} meets the contract: the whole gradient in one forward pass. */
class DualVectorContractTest extends RealContract {

    @Override
    protected Gradient gradient(RealFunction f, double[] x) {
        return Derivatives.gradient(f, Mode.FORWARD, x);
    }
}
