package dev.adjoint.bench.tensor;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.bench.Task;
import dev.adjoint.examples.Gmm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** {@code gmm}: the ADBench GMM objective, d = 10, K = 25, n = 10⁴, gradient with respect to all 1 650 parameters. */
public final class GmmObjective extends TensorWorkload {

    static final int N = 10_000;
    static final int D = 10;
    static final int K = 25;
    static final long SEED = 4201;

    /** The workload with data and parameters from seed {@value #SEED}. */
    public GmmObjective() {
        super("gmm", "ADBench GMM, d = " + D + ", K = " + K + ", n = " + N + ", gradient wrt all parameters");
    }

    /** Data and parameters drawn in a fixed order from one generator. */
    record Setup(Gmm.Problem problem, Gmm.Params params) {
        static Setup of(int n, int d, int k) {
            Rng rng = Rng.seed(SEED);
            Gmm.Problem prob = Gmm.problem(rng, n, d);
            return new Setup(prob, Gmm.params(rng, k, d));
        }
    }

    @Override
    public Task valueTask() {
        Setup s = Setup.of(N, D, K);
        return () -> Gmm.objective(s.params(), s.problem()).item();
    }

    @Override
    public Task derivativeTask() {
        Setup s = Setup.of(N, D, K);
        Function<Gmm.Params, ValueAndGrad<Gmm.Params>> vg =
                Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, s.problem()));
        return () -> {
            ValueAndGrad<Gmm.Params> r = vg.apply(s.params());
            return r.value().item() + r.grad().alphas().toArray()[0];
        };
    }

    @Override
    protected Map<String, Tensor> exported() {
        Setup s = Setup.of(N, D, K);
        ValueAndGrad<Gmm.Params> r =
                Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, s.problem())).apply(s.params());
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", s.problem().x());
        m.put("gamma", Tensor.of(s.problem().gamma()));
        m.put("m", Tensor.of(s.problem().m()));
        m.put("alphas", s.params().alphas());
        m.put("means", s.params().means());
        m.put("icf", s.params().icf());
        m.put("value", r.value());
        m.put("grad.alphas", r.grad().alphas());
        m.put("grad.means", r.grad().means());
        m.put("grad.icf", r.grad().icf());
        return m;
    }
}
