package dev.adjoint.examples;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Blas;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A rough same-run timing of the workloads (not a test, not JMH: the bench module owns real measurements).
 * Run: java -cp ... dev.adjoint.examples.Timing
 */
public final class Timing {

    private Timing() {
    }

    static double time(Supplier<Object> f, int reps) {
        for (int i = 0; i < reps; i++) {
            f.get();
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                f.get();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
        }
        return best;
    }

    /** Median over rounds of the per-round ratios T(f)/T(base), measured alternately so load drifts cancel. */
    static String ratios(Supplier<Object> base, int reps, Supplier<Object>... fs) {
        int rounds = 15;
        double[][] r = new double[fs.length][rounds];
        double[] b = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            b[k] = time1(base, reps);
            for (int i = 0; i < fs.length; i++) {
                r[i][k] = time1(fs[i], reps) / b[k];
            }
        }
        java.util.Arrays.sort(b);
        StringBuilder sb = new StringBuilder(String.format("base %.4f ms", b[rounds / 2]));
        for (double[] ri : r) {
            java.util.Arrays.sort(ri);
            sb.append(String.format(", ratio %.2f", ri[rounds / 2]));
        }
        return sb.toString();
    }

    /** With -Dcpu=true, thread CPU time (robust on a loaded machine, but blind to GC threads). */
    private static final boolean CPU = Boolean.getBoolean("cpu");

    static long now() {
        return CPU ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                : System.nanoTime();
    }

    static double time1(Supplier<Object> f, int reps) {
        long t0 = now();
        for (int i = 0; i < reps; i++) {
            f.get();
        }
        return (now() - t0) / 1e6 / reps;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        System.out.println("BLAS: " + Blas.name());
        String only = args.length > 0 ? args[0] : "all";
        if (only.equals("all") || only.equals("rosen")) {
            Tensor x = Rosenbrock.point(10_000, 1);
            Function<Tensor, Tensor> g = Ad.grad(Rosenbrock::value);
            Tensor v = Tensor.uniform(Rng.seed(2), -1, 1, 10_000);
            time(() -> Ad.hvp(Rosenbrock::value, x, v), 1000);
            System.out.println("rosenbrock (grad, hvp): " + ratios(() -> Rosenbrock.value(x), 300,
                    () -> Ad.valueAndGrad(Rosenbrock::value).apply(x), () -> Ad.hvp(Rosenbrock::value, x, v)));
            double tv = time(() -> Rosenbrock.value(x), 2000);
            double tg = time(() -> Ad.valueAndGrad(Rosenbrock::value).apply(x), 2000);
            double th = time(() -> Ad.hvp(Rosenbrock::value, x, v), 1000);
            System.out.printf("rosenbrock n=1e4: value %.4f ms, value+grad %.4f ms (ratio %.2f), hvp %.4f ms (ratio %.2f)%n",
                    tv, tg, tg / tv, th, th / tv);
        }
        if (only.equals("all") || only.equals("mlp")) {
            Rng rng = Rng.seed(3);
            Mlp m = Mlp.init(rng, 784, 256, 256, 10);
            Mlp.Data d = Mlp.data(rng, 128, 784, 10);
            System.out.println("mlp: " + ratios(() -> m.loss(d), 5, () -> Ad.valueAndGrad((Mlp q) -> q.loss(d)).apply(m)));
            double tv = time(() -> m.loss(d), 50);
            double tg = time(() -> Ad.valueAndGrad((Mlp q) -> q.loss(d)).apply(m), 50);
            System.out.printf("mlp 784-256-256-10 b128: value %.3f ms, value+grad %.3f ms (ratio %.2f)%n", tv, tg,
                    tg / tv);
        }
        if (only.equals("all") || only.equals("gmm")) {
            Rng rng = Rng.seed(4);
            Gmm.Problem prob = Gmm.problem(rng, 10_000, 10);
            Gmm.Params p = Gmm.params(rng, 25, 10);
            System.out.println("gmm: " + ratios(() -> Gmm.objective(p, prob), 2,
                    () -> Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, prob)).apply(p)));
            double tv = time(() -> Gmm.objective(p, prob), 10);
            double tg = time(() -> Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, prob)).apply(p), 10);
            System.out.printf("gmm d10 K25 n1e4: value %.3f ms, value+grad %.3f ms (ratio %.2f)%n", tv, tg, tg / tv);
        }
        if (only.equals("all") || only.equals("gemm")) {
            for (int n : new int[] {512, 1024}) {
                Tensor a = Tensor.randn(Rng.seed(5), n, n);
                Tensor b = Tensor.randn(Rng.seed(6), n, n);
                double t = time(() -> a.matmul(b), n == 512 ? 10 : 3);
                System.out.printf("gemm %d: %.2f ms, %.2f GFLOP/s%n", n, t, 2.0 * n * n * n / t / 1e6);
            }
        }
    }
}
