package dev.adjoint.symbolic;

import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.SecondOrderContract;

/**
 * The symbolic {@link Expr} meets the contract every {@code Real} meets: the function is run on bound
 * {@link Variable}s, then differentiated symbolically (the gradient from the raw chain-rule derivative, the
 * Hessian by differentiating the simplified gradient again) and evaluated at the point.
 */
class ExprContractTest extends SecondOrderContract {

    private static Expr record(RealFunction f, double[] x) {
        Real[] in = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = Variable.of("x" + i, x[i]);
        }
        return (Expr) f.apply(in);
    }

    @Override
    protected Gradient gradient(RealFunction f, double[] x) {
        Expr e = record(f, x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = e.derivative("x" + i).value();
        }
        return new Gradient(e.value(), g);
    }

    @Override
    protected double[][] hessian(RealFunction f, double[] x) {
        Expr e = record(f, x);
        double[][] h = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            Expr gi = Simplifier.simplify(e.derivative("x" + i));
            for (int j = 0; j < x.length; j++) {
                h[i][j] = gi.derivative("x" + j).value();
            }
        }
        return h;
    }
}
