package dev.adjoint.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.examples.Mlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Intra-op parallelism changes no bit: every parallel kernel (elementwise, reductions, convolution and its
 * adjoints, pooling) and whole gradients give identical arrays with 1, 2 and 4 threads, and large work does go to
 * the pool.
 */
class ParallelTest {

    private final int saved = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(saved);
    }

    /** The arrays computed by {@code f} with 1, 2 and 4 threads, which must agree bit for bit. */
    private static void sameBits(String what, Supplier<List<Tensor>> f) {
        List<double[]> reference = null;
        for (int threads : new int[] {1, 2, 4}) {
            Parallel.setThreads(threads);
            List<double[]> got = new ArrayList<>();
            for (Tensor t : f.get()) {
                got.add(t.toArray());
            }
            if (reference == null) {
                reference = got;
            } else {
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).as(what + " output " + i + " with " + threads + " threads")
                            .isEqualTo(reference.get(i));
                }
            }
        }
    }

    @Test
    void elementwiseAndReductionsAreBitIdentical() {
        Tensor x = Tensor.uniform(Rng.seed(1), -1, 1, 600, 700);
        Tensor y = Tensor.uniform(Rng.seed(2), 0.5, 2, 600, 700);
        sameBits("elementwise", () -> List.of(x.add(y), x.mul(y), x.div(y), x.sub(y), x.exp(), x.mul(3).add(1),
                Tensor.where(x.gt(0), x, y), x.maximum(y)));
        sameBits("reductions", () -> List.of(x.sum(), x.sum(0), x.sum(1), x.reshape(-1).sum(), x.max(new int[] {0}, false), x.max(new int[] {1}, false),
                x.mean(), y.log().sum(), x.reshape(20, 30, 700).sum(0, 1)));
    }

    @Test
    void matrixProductsInRowBlocksAreBitIdenticalAndEqualOneBlasCall() {
        Tensor a = Tensor.uniform(Rng.seed(6), -1, 1, 300, 250);
        Tensor b = Tensor.uniform(Rng.seed(7), -1, 1, 250, 90);
        Tensor batch = Tensor.uniform(Rng.seed(8), -1, 1, 6, 40, 250);
        for (DType t : DType.values()) {
            Tensor x = a.astype(t);
            Tensor y = b.astype(t);
            sameBits("matmul " + t, () -> List.of(x.matmul(y), x.transpose().transpose().matmul(y),
                    y.transpose().matmul(x.transpose()), batch.astype(t).matmul(y),
                    Ad.grad((Tensor z) -> z.matmul(y).tanh().sum()).apply(x)));
        }
        // Blocks of rows agree with one unsplit BLAS call to rounding (not bit for bit: BLAS kernels round
        // differently at the edges of a block), plain and with op(A) = Aᵀ.
        NdArray one = NdArray.zeros(Shape.of(300, 90));
        Gemm.gemm(a.array(), 0, b.array(), 0, one, 0, 300, 90, 250, false, false, 0);
        assertThat(maxDifference(a.matmul(b).toArray(), one.toArray())).isLessThan(1e-12);
        NdArray oneT = NdArray.zeros(Shape.of(250, 90));
        Gemm.gemm(a.array(), 0, a.matmul(b).array(), 0, oneT, 0, 250, 90, 300, true, false, 0);
        assertThat(maxDifference(a.transpose().matmul(a.matmul(b)).toArray(), oneT.toArray())).isLessThan(1e-11);
    }

    private static double maxDifference(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, Math.abs(x[i] - y[i]));
        }
        return d;
    }

    @Test
    void theParallelSumIsThePairwiseSum() {
        double[] a = Tensor.uniform(Rng.seed(3), -1, 1, 1_000_003).toArray();
        double serial = Reductions.pairwise(a, 0, a.length);
        for (int threads : new int[] {1, 2, 3, 4, 8}) {
            Parallel.setThreads(threads);
            assertThat(Reductions.sum(a, 0, a.length)).as(threads + " threads").isEqualTo(serial);
            assertThat(Reductions.sum(a, 5, 400_000)).isEqualTo(Reductions.pairwise(a, 5, 400_000));
        }
    }

    @Test
    void convolutionPoolingAndGradientsAreBitIdentical() {
        Rng r = Rng.seed(4);
        Tensor x = Tensor.randn(r, 37, 14, 14, 8);
        Tensor w = Tensor.randn(r, 3, 3, 8, 16);
        sameBits("conv2d", () -> {
            Tensor y = x.conv2d(w, 1, 1);
            List<Tensor> g = Ad.grad((Tensor a, Tensor b) -> a.conv2d(b, 1, 1).tanh().maxPool2d(2, 2, 0)
                    .avgPool2d(3, 1, 1).square().sum()).apply(x, w);
            return List.of(y, y.maxPool2d(3, 2, 1), y.avgPool2d(2, 2, 0), g.get(0), g.get(1));
        });
        Mlp m = Mlp.init(Rng.seed(5), 784, 256, 10);
        Mlp.Data d = Mlp.data(Rng.seed(6), 128, 784, 10);
        sameBits("mlp gradient", () -> {
            Mlp g = Ad.valueAndGrad((Mlp p) -> p.loss(d)).apply(m).grad();
            List<Tensor> out = new ArrayList<>();
            for (Mlp.Dense l : g.layers()) {
                out.add(l.weight());
                out.add(l.bias());
            }
            return out;
        });
    }

    @Test
    void largeWorkRunsOnThePoolAndSmallWorkStaysHere() {
        Parallel.setThreads(2);
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallel.each(1 << 20, 1, (from, to) -> seen.add(Thread.currentThread()));
        assertThat(seen).isNotEmpty().allMatch(t -> t instanceof ForkJoinWorkerThread);
        seen.clear();
        Parallel.each(1000, 1, (from, to) -> seen.add(Thread.currentThread()));
        assertThat(seen).containsExactly(Thread.currentThread());
        Parallel.setThreads(1);
        seen.clear();
        Parallel.each(1 << 20, 1, (from, to) -> seen.add(Thread.currentThread()));
        assertThat(seen).containsExactly(Thread.currentThread());
        assertThatThrownBy(() -> Parallel.setThreads(0)).hasMessageContaining("threads: 0");
    }

    @Test
    void chunkBoundsDependOnlyOnTheProblem() {
        Parallel.setThreads(1);
        int one = Parallel.chunks(1000, 1000, 8);
        Parallel.setThreads(4);
        assertThat(Parallel.chunks(1000, 1000, 8)).isEqualTo(one).isEqualTo(8);
        assertThat(Parallel.chunks(1, 1 << 30, 8)).isEqualTo(1);
        assertThat(Parallel.chunks(100, 1, 8)).isEqualTo(1);
    }
}
