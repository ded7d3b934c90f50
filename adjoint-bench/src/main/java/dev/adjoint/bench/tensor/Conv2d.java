package dev.adjoint.bench.tensor;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Blas;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.NamedWorkload;
import dev.adjoint.bench.Task;
import dev.adjoint.interpret.Vjp;
import java.util.List;

/**
 * {@code conv2d_forward}, {@code conv2d_backward}: the second convolution of the Fashion-MNIST CNN, a 3×3 kernel
 * with padding 1 from 16 to 32 channels on a batch of 128 images 14×14 (channels-last). The baseline
 * ({@link Impl#OBJECTIVE}) is the raw im2col into one BLAS GEMM for the whole batch (its patches, 29 MB, built
 * each time), written here with plain loops; {@link Impl#ADJOINT_TENSOR} is {@code Tensor.conv2d} (one image's
 * patches at a time, images over the kernel threads); {@link Impl#COMPOSED} the convolution composed from strided
 * slices, a stack and a matmul (how adjoint-nn's Conv2d was built before the primitive). Backward: value and both
 * gradients for a given output cotangent (the baseline: dW = colsᵀ·ȳ, dcols = ȳ·Wᵀ, col2im).
 */
public final class Conv2d extends NamedWorkload {

    static final int N = 128;
    static final int H = 14;
    static final int C = 16;
    static final int O = 32;
    static final int K = 3;

    private final boolean backward;

    /** The forward or the forward-and-backward workload. */
    public Conv2d(boolean backward) {
        super(backward ? "conv2d_backward" : "conv2d_forward", "conv2d 3×3 pad 1, [128, 14, 14, 16] → 32 channels, "
                + (backward ? "value and gradients wrt input and kernel" : "forward") + "; baseline: raw im2col +"
                + " one GEMM for the batch");
        this.backward = backward;
    }

    @Override
    public String group() {
        return "conv2d";
    }

    @Override
    public List<Impl> impls() {
        return List.of(Impl.OBJECTIVE, Impl.ADJOINT_TENSOR, Impl.COMPOSED);
    }

    /** Input, kernel and output cotangent from one seeded generator. */
    private record Setup(Tensor x, Tensor w, Tensor g) {
        static Setup create() {
            Rng r = Rng.seed(6101);
            return new Setup(Tensor.randn(r, N, H, H, C), Tensor.randn(r, K, K, C, O), Tensor.randn(r, N, H, H, O));
        }
    }

    @Override
    public Task task(Impl impl) {
        Setup s = Setup.create();
        switch (impl) {
            case OBJECTIVE: {
                double[] x = s.x().toArray();
                double[] w = s.w().toArray();
                double[] g = s.g().toArray();
                return backward ? () -> rawBackward(x, w, g) : () -> rawForward(x, w)[0];
            }
            case ADJOINT_TENSOR:
                return backward ? () -> pullback(s, (a, b) -> a.conv2d(b, 1, 1)) : () -> s.x().conv2d(s.w(), 1, 1)
                        .toArray()[0];
            case COMPOSED:
                return backward ? () -> pullback(s, Conv2d::composed) : () -> composed(s.x(), s.w()).toArray()[0];
            default:
                throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
        }
    }

    /** The value and the cotangents of input and kernel for the output cotangent, on a tape. */
    private static double pullback(Setup s, java.util.function.BiFunction<Tensor, Tensor, Tensor> conv) {
        Vjp tape = new Vjp();
        Tensor x;
        Tensor w;
        Tensor y;
        try {
            x = tape.watch(s.x());
            w = tape.watch(s.w());
            y = conv.apply(x, w);
        } finally {
            tape.close();
        }
        Tensor[] g = tape.backward(y, s.g(), x, w);
        return tape.primalOf(y).toArray()[0] + g[0].toArray()[0] + g[1].toArray()[0];
    }

    /** The convolution from strided slices (one per kernel offset), a stack and one matmul. */
    static Tensor composed(Tensor x, Tensor w) {
        Tensor p = x.pad(0, 0, 1, 1, 1, 1, 0, 0);
        Tensor[] parts = new Tensor[K * K];
        for (int i = 0; i < K; i++) {
            Tensor rows = p.slice(1, i, i + H);
            for (int j = 0; j < K; j++) {
                parts[i * K + j] = rows.slice(2, j, j + H);
            }
        }
        Tensor cols = Tensor.stack(3, parts).reshape(N * H * H, K * K * C);
        return cols.matmul(w.reshape(K * K * C, O)).reshape(N, H, H, O);
    }

    /** All patches of the batch, {@code [N·H·W, 9·C]} (padding 1, stride 1). */
    static double[] im2col(double[] x) {
        double[] cols = new double[N * H * H * K * K * C];
        int at = 0;
        for (int n = 0; n < N; n++) {
            for (int oy = 0; oy < H; oy++) {
                for (int ox = 0; ox < H; ox++) {
                    for (int i = 0; i < K; i++) {
                        for (int j = 0; j < K; j++) {
                            int iy = oy + i - 1;
                            int ix = ox + j - 1;
                            if (iy >= 0 && iy < H && ix >= 0 && ix < H) {
                                System.arraycopy(x, ((n * H + iy) * H + ix) * C, cols, at, C);
                            }
                            at += C;
                        }
                    }
                }
            }
        }
        return cols;
    }

    static double[] rawForward(double[] x, double[] w) {
        double[] cols = im2col(x);
        double[] y = new double[N * H * H * O];
        int m = N * H * H;
        int k = K * K * C;
        Blas.instance().dgemm("N", "N", O, m, k, 1.0, w, O, cols, k, 0.0, y, O);
        return y;
    }

    static double rawBackward(double[] x, double[] w, double[] g) {
        double[] cols = im2col(x);
        int m = N * H * H;
        int k = K * K * C;
        double[] y = new double[m * O];
        Blas.instance().dgemm("N", "N", O, m, k, 1.0, w, O, cols, k, 0.0, y, O);
        double[] dw = new double[k * O];          // colsᵀ·g: [k, O]
        Blas.instance().dgemm("N", "T", O, k, m, 1.0, g, O, cols, k, 0.0, dw, O);
        double[] dcols = new double[m * k];       // g·Wᵀ: [m, k]
        Blas.instance().dgemm("T", "N", k, m, O, 1.0, w, O, g, O, 0.0, dcols, k);
        double[] dx = new double[N * H * H * C];
        int at = 0;
        for (int n = 0; n < N; n++) {
            for (int oy = 0; oy < H; oy++) {
                for (int ox = 0; ox < H; ox++) {
                    for (int i = 0; i < K; i++) {
                        for (int j = 0; j < K; j++) {
                            int iy = oy + i - 1;
                            int ix = ox + j - 1;
                            if (iy >= 0 && iy < H && ix >= 0 && ix < H) {
                                int d = ((n * H + iy) * H + ix) * C;
                                for (int c = 0; c < C; c++) {
                                    dx[d + c] += dcols[at + c];
                                }
                            }
                            at += C;
                        }
                    }
                }
            }
        }
        return y[0] + dw[0] + dx[0];
    }
}
