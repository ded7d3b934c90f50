package dev.adjoint.bench.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.GradCheck;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.array.Blas;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Inputs;
import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workloads;
import dev.adjoint.examples.Gmm;
import dev.adjoint.examples.Mlp;
import dev.adjoint.examples.Rosenbrock;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Smoke tests: the tensor workloads compute what they claim (values and gradients against finite differences). */
class TensorWorkloadsTest {

    private static final double H = 1e-5;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rosenbrockGradientAndHvpMatchFiniteDifferences(long seed) {
        Tensor x = Rosenbrock.point(40, seed);
        GradCheck.Report r = GradCheck.check(Rosenbrock::value, x, seed + 100);
        assertThat(r.passed(1e-6)).as("%s", r).isTrue();
        // hvp against a central difference of gradients
        Tensor v = Tensor.uniform(Rng.seed(seed + 200), -1, 1, 40);
        Function<Tensor, Tensor> g = Ad.grad(Rosenbrock::value);
        Tensor fd = g.apply(x.add(v.mul(H))).sub(g.apply(x.sub(v.mul(H)))).div(2 * H);
        assertClose(Ad.hvp(Rosenbrock::value, x, v).toArray(), fd.toArray(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void mlpGradientMatchesFiniteDifferences(long seed) {
        Rng rng = Rng.seed(seed);
        Mlp m = Mlp.init(rng, 7, 5, 4, 3);
        Mlp.Data data = Mlp.data(rng, 6, 7, 3);
        ValueAndGrad<Mlp> r = Ad.valueAndGrad((Mlp q) -> q.loss(data)).apply(m);
        assertThat(r.value().item()).isCloseTo(m.loss(data).item(), within(1e-12));
        Rng dir = Rng.seed(seed + 1);
        List<Mlp.Dense> plus = new ArrayList<>();
        List<Mlp.Dense> minus = new ArrayList<>();
        double analytic = 0;
        for (int i = 0; i < m.layers().size(); i++) {
            Mlp.Dense d = m.layers().get(i);
            Mlp.Dense gd = r.grad().layers().get(i);
            Tensor uw = Tensor.uniform(dir, -1, 1, d.weight().shape().dims());
            Tensor ub = Tensor.uniform(dir, -1, 1, d.bias().shape().dims());
            analytic += gd.weight().mul(uw).sum().item() + gd.bias().mul(ub).sum().item();
            plus.add(new Mlp.Dense(d.weight().add(uw.mul(H)), d.bias().add(ub.mul(H))));
            minus.add(new Mlp.Dense(d.weight().sub(uw.mul(H)), d.bias().sub(ub.mul(H))));
        }
        double fd = (new Mlp(plus).loss(data).item() - new Mlp(minus).loss(data).item()) / (2 * H);
        assertThat(analytic).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void gmmGradientMatchesFiniteDifferences(long seed) {
        Rng rng = Rng.seed(seed);
        Gmm.Problem prob = Gmm.problem(rng, 30, 3);
        Gmm.Params p = Gmm.params(rng, 4, 3);
        ValueAndGrad<Gmm.Params> r = Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, prob)).apply(p);
        assertThat(r.value().item()).isCloseTo(Gmm.objective(p, prob).item(), within(1e-9));
        Rng dir = Rng.seed(seed + 1);
        Tensor ua = Tensor.uniform(dir, -1, 1, p.alphas().shape().dims());
        Tensor um = Tensor.uniform(dir, -1, 1, p.means().shape().dims());
        Tensor ui = Tensor.uniform(dir, -1, 1, p.icf().shape().dims());
        double analytic = r.grad().alphas().mul(ua).sum().item() + r.grad().means().mul(um).sum().item()
                + r.grad().icf().mul(ui).sum().item();
        UnaryOperator<Double> at = s -> Gmm.objective(new Gmm.Params(p.alphas().add(ua.mul(s)),
                p.means().add(um.mul(s)), p.icf().add(ui.mul(s))), prob).item();
        double fd = (at.apply(H) - at.apply(-H)) / (2 * H);
        assertThat(analytic).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
    }

    @Test
    void everyTensorWorkloadsTasksAgreeOnTheValue() {
        for (TensorWorkload w : List.of(new RosenbrockTensor(), new Hvp(), new MlpLoss(), new GmmObjective())) {
            assertThat(Workloads.byId(w.id())).isNotNull();
            double value = w.valueTask().run();
            assertThat(Double.isFinite(value)).as(w.id()).isTrue();
            assertThat(Double.isFinite(w.derivativeTask().run())).as(w.id()).isTrue();
        }
        Task value = new RosenbrockTensor().valueTask();
        assertThat(value.run()).isEqualTo(Rosenbrock.value(RosenbrockTensor.point()).item());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 64})
    void gemmBlasAgreesWithTheJavaLoop(int n) {
        double[] a = new Inputs(1, n * n, -1, 1).generate();
        double[] b = new Inputs(2, n * n, -1, 1).generate();
        double[] loop = new double[n * n];
        double[] blas = new double[n * n];
        double[] java = new double[n * n];
        Gemm.loop(a, b, loop, n);
        Gemm.multiply(Blas.instance(), a, b, blas, n);
        Gemm.multiply(JavaBLAS.getInstance(), a, b, java, n);
        // naive reference for one entry: row 0 of A times column n-1 of B
        double ref = 0;
        for (int k = 0; k < n; k++) {
            ref += a[k] * b[k * n + n - 1];
        }
        assertThat(loop[n - 1]).isCloseTo(ref, within(1e-12));
        assertClose(blas, loop, 1e-12);
        assertClose(java, loop, 1e-12);
    }

    @Test
    void gemmRowsAreSelectedByTheirGroupAndReportGflops() {
        assertThat(Workloads.select(List.of("gemm"))).extracting(w -> w.id()).containsExactly("gemm_512", "gemm_1024");
        Gemm g = new Gemm(512);
        var rows = g.rows(java.util.Map.of(Impl.JAVA_LOOP, new dev.adjoint.bench.Measurement(0.25, 0.2, 0.3, 3)));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("workload")).isEqualTo("gemm");
        assertThat(rows.get(0).get("n")).isEqualTo(512);
        assertThat((Double) rows.get(0).get("gflops")).isCloseTo(2.0 * 512 * 512 * 512 / 0.25 / 1e9, within(1e-9));
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tol * scale));
        }
    }
}
