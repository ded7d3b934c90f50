package dev.adjoint.bench.scalar;

import dev.adjoint.bench.Inputs;
import dev.adjoint.scalar.Real;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;

/**
 * The Rosenbrock function in scalar code, f(x) = Σᵢ₌₀ⁿ⁻² 100(xᵢ₊₁ − xᵢ²)² + (xᵢ − 1)², with n = {@value #N}, and its
 * full gradient. Every coding sums in the same order, ((s + 100t²) + u²), so the values agree bit for bit.
 */
public final class Rosenbrock extends ScalarWorkload {

    /** Number of variables. */
    public static final int N = 10_000;

    /** The workload at x ∈ [−2, 2)ⁿ (seed 3001), direction v ∈ [−1, 1)ⁿ (seed 3002). */
    public Rosenbrock() {
        super("rosenbrock", "Rosenbrock, n = " + N + ", scalar code, full gradient",
                new Inputs(3001, N, -2, 2), new Inputs(3002, N, -1, 1));
    }

    @Override
    protected boolean manyVariables() {
        return true;
    }

    @Override
    public double value(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double t = x[i + 1] - x[i] * x[i];
            double u = x[i] - 1;
            s = s + t * t * 100 + u * u;
        }
        return s;
    }

    @Override
    public Real apply(Real[] x) {
        Real s = x[0].constant(0);
        for (int i = 0; i < x.length - 1; i++) {
            Real t = x[i + 1].sub(x[i].square());
            Real u = x[i].sub(1);
            s = s.add(t.square().mul(100)).add(u.square());
        }
        return s;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0);
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double t = x[i + 1] - x[i] * x[i];
            double u = x[i] - 1;
            s = s + t * t * 100 + u * u;
            gradient[i] += -400 * x[i] * t + 2 * u;
            gradient[i + 1] += 200 * t;
        }
        return s;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T hipparchus(T[] x) {
        T s = x[0].newInstance(0); // getField().getZero() would build Gradient's n-variable tables: n² memory
        for (int i = 0; i < x.length - 1; i++) {
            T t = x[i + 1].subtract(x[i].square());
            T u = x[i].subtract(1);
            s = s.add(t.square().multiply(100)).add(u.square());
        }
        return s;
    }
}
