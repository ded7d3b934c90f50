package dev.adjoint.bench.scalar;

import dev.adjoint.bench.Inputs;
import dev.adjoint.scalar.Real;
import org.hipparchus.CalculusFieldElement;

/**
 * The lecture's logistic map iterated: l₁ = x, lₖ₊₁ = 4lₖ(1 − lₖ), f(x) = l after {@value #STEPS} steps, and
 * df/dx. The map is chaotic, so every coding computes the step as the same IEEE operations,
 * (4l)·(1 − l) (or its exact negations), and all agree bit for bit on the value.
 */
public final class Logistic extends ScalarWorkload {

    /** Number of steps. */
    public static final int STEPS = 1000;

    private final int steps;

    /** The workload at x ∈ [0.05, 0.95) (seed 2001); forward mode seeds ẋ = 1, the derivative wrt l₁. */
    public Logistic() {
        this(STEPS);
    }

    /** The map iterated {@code steps} times (the lecture's f(x) = l₄ is 3 steps), for tests. */
    Logistic(int steps) {
        super("logistic", "logistic map l <- 4l(1-l), " + steps + " steps, derivative wrt l1",
                new Inputs(2001, 1, 0.05, 0.95), new Inputs(2002, 1, 1, 1));
        this.steps = steps;
    }

    @Override
    public double value(double[] x) {
        double l = x[0];
        for (int k = 0; k < steps; k++) {
            l = 4 * l * (1 - l);
        }
        return l;
    }

    @Override
    public Real apply(Real[] x) {
        Real l = x[0];
        for (int k = 0; k < steps; k++) {
            l = l.mul(-4).mul(l.sub(1)); // (−4l)(l − 1) = 4l(1 − l) exactly, in three operations
        }
        return l;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double l = x[0];
        double d = 1;
        for (int k = 0; k < steps; k++) {
            d *= 4 - 8 * l;
            l = 4 * l * (1 - l);
        }
        gradient[0] = d;
        return l;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T hipparchus(T[] x) {
        T l = x[0];
        for (int k = 0; k < steps; k++) {
            l = l.multiply(-4).multiply(l.subtract(1));
        }
        return l;
    }
}
