package dev.adjoint.bench.scalar;

import dev.adjoint.bench.Inputs;
import dev.adjoint.scalar.Real;
import org.hipparchus.CalculusFieldElement;

/** The lecture's function f(x₁, x₂) = ln(x₁) + x₁·x₂ − sin(x₂): a handful of operations. */
public final class Seed extends ScalarWorkload {

    /** The workload at x ∈ [0.5, 5.5)² (seed 1001), direction v ∈ [−1, 1)² (seed 1002). */
    public Seed() {
        super("seed", "ln(x1) + x1*x2 - sin(x2), the lecture's function",
                new Inputs(1001, 2, 0.5, 5.5), new Inputs(1002, 2, -1, 1));
    }

    @Override
    public double value(double[] x) {
        return Math.log(x[0]) + x[0] * x[1] - Math.sin(x[1]);
    }

    @Override
    public Real apply(Real[] x) {
        return x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        gradient[0] = 1 / x[0] + x[1];
        gradient[1] = x[0] - Math.cos(x[1]);
        return Math.log(x[0]) + x[0] * x[1] - Math.sin(x[1]);
    }

    @Override
    public <T extends CalculusFieldElement<T>> T hipparchus(T[] x) {
        return x[0].log().add(x[0].multiply(x[1])).subtract(x[1].sin());
    }
}
