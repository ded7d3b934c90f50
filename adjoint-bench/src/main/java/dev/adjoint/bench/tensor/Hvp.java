package dev.adjoint.bench.tensor;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.bench.Task;
import dev.adjoint.examples.Rosenbrock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code hvp}: the Hessian-vector product of vectorised Rosenbrock, n = {@value RosenbrockTensor#N}, forward over
 * reverse; the ratio is T(hvp) / T(value).
 */
public final class Hvp extends TensorWorkload {

    /** The direction's seed. */
    public static final long DIRECTION_SEED = 4002;

    /** The workload at {@link RosenbrockTensor#point()} along a uniform direction in [−1, 1]ⁿ. */
    public Hvp() {
        super("hvp", "Hessian-vector product of Rosenbrock, n = " + RosenbrockTensor.N + ", forward over reverse");
    }

    /** The direction v. */
    public static Tensor direction() {
        return Tensor.uniform(Rng.seed(DIRECTION_SEED), -1, 1, RosenbrockTensor.N);
    }

    @Override
    public Task valueTask() {
        Tensor x = RosenbrockTensor.point();
        return () -> Rosenbrock.value(x).item();
    }

    @Override
    public Task derivativeTask() {
        Tensor x = RosenbrockTensor.point();
        Tensor v = direction();
        return () -> Ad.hvp(Rosenbrock::value, x, v).toArray()[0];
    }

    @Override
    protected Map<String, Tensor> exported() {
        Tensor x = RosenbrockTensor.point();
        Tensor v = direction();
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("v", v);
        m.put("value", Rosenbrock.value(x));
        m.put("hvp", Ad.hvp(Rosenbrock::value, x, v));
        return m;
    }
}
