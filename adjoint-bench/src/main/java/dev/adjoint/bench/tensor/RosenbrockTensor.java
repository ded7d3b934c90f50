package dev.adjoint.bench.tensor;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.bench.Task;
import dev.adjoint.examples.Rosenbrock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** {@code rosenbrock_tensor}: vectorised Rosenbrock, n = {@value #N}, value and full gradient by reverse mode. */
public final class RosenbrockTensor extends TensorWorkload {

    /** Number of variables. */
    public static final int N = 10_000;

    /** The point's seed. */
    public static final long SEED = 4001;

    /** The workload at {@code Rosenbrock.point(N, SEED)}. */
    public RosenbrockTensor() {
        super("rosenbrock_tensor", "Rosenbrock, n = " + N + ", vectorised tensor code, full gradient");
    }

    /** The input point. */
    public static Tensor point() {
        return Rosenbrock.point(N, SEED);
    }

    @Override
    public Task valueTask() {
        Tensor x = point();
        return () -> Rosenbrock.value(x).item();
    }

    @Override
    public Task derivativeTask() {
        Tensor x = point();
        Function<Tensor, ValueAndGrad<Tensor>> vg = Ad.valueAndGrad(Rosenbrock::value);
        return () -> {
            ValueAndGrad<Tensor> r = vg.apply(x);
            return r.value().item() + r.grad().toArray()[0];
        };
    }

    @Override
    protected Map<String, Tensor> exported() {
        Tensor x = point();
        ValueAndGrad<Tensor> r = Ad.valueAndGrad(Rosenbrock::value).apply(x);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("value", r.value());
        m.put("grad.x", r.grad());
        return m;
    }
}
