package dev.adjoint.nn.train;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Objective;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Sgd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hessian-free against L-BFGS, Adam and SGD on a small badly conditioned least-squares network: inputs are Gaussian
 * vectors stretched by scales 1 … 10^−3.5 along random (non-axis) directions, so the curvature has a condition
 * number near 10⁷ that no per-parameter rescaling (Adam) removes; the targets come from a random tanh teacher of the
 * unstretched inputs. Each method trains an 8-16-16-1 tanh network from the same start. An "epoch" is one pass of
 * mini-batches for SGD and Adam and one outer iteration (one full-batch gradient plus its line search or CG
 * products) for L-BFGS and Hessian-free; the wall-clock axis is the fair comparison.
 */
public final class OptimizerComparison {

    /** One method's training curve: full-data loss after each epoch and the training seconds so far. */
    public record Trace(String name, double[] epochs, double[] seconds, double[] loss) {
    }

    private static final int N = 500;
    private static final int D = 8;

    private OptimizerComparison() {
    }

    /** The data set: {@code [500, 8]} stretched inputs and {@code [500, 1]} targets. */
    public static Dataset problem(Rng rng) {
        double[] z = rng.normal(N * D);
        double[][] q = orthogonal(rng, D);
        double[] x = new double[N * D];
        for (int n = 0; n < N; n++) {
            for (int j = 0; j < D; j++) {
                double s = 0;
                for (int k = 0; k < D; k++) {
                    s += z[n * D + k] * Math.pow(10, -k / 2.0) * q[k][j];
                }
                x[n * D + j] = s;
            }
        }
        Sequential teacher = Models.mlp(rng.split(), Activation.TANH, D, 4, 1);
        Tensor y = teacher.apply(Tensor.of(NdArray.adopt(Shape.of(N, D), z)).mul(1.5));
        return new Dataset(Tensor.of(NdArray.adopt(Shape.of(N, D), x)), y);
    }

    private static double[][] orthogonal(Rng rng, int n) {
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = rng.normal(n);
            for (int j = 0; j < i; j++) {
                double d = 0;
                for (int k = 0; k < n; k++) {
                    d += v[k] * q[j][k];
                }
                for (int k = 0; k < n; k++) {
                    v[k] -= d * q[j][k];
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < n; k++) {
                v[k] /= norm;
            }
            q[i] = v;
        }
        return q;
    }

    /** Trains with each method for the given epochs (full-batch methods: {@code secondOrderEpochs}). */
    public static List<Trace> run(long seed, int firstOrderEpochs, int secondOrderEpochs, Consumer<String> log) {
        Rng rng = Rng.seed(seed);
        Dataset data = problem(rng.split());
        Sequential start = Models.mlp(rng.split(), Activation.TANH, D, 16, 16, 1);
        Map<String, Supplier<Optimizer>> methods = new LinkedHashMap<>();
        methods.put("SGD (Nesterov 0.9, lr 0.05, batch 50)", () -> Sgd.of(0.05).nesterov(0.9));
        methods.put("Adam (lr 0.01, batch 50)", () -> Adam.of(0.01));
        methods.put("L-BFGS (m = 10, strong Wolfe)", Lbfgs::create);
        methods.put("Hessian-free (Gauss-Newton, CG ≤ 50)",
                () -> HessianFree.of(HessianFree.Curvature.GAUSS_NEWTON, 1, 50));
        List<Trace> out = new ArrayList<>();
        for (Map.Entry<String, Supplier<Optimizer>> m : methods.entrySet()) {
            Optimizer opt = m.getValue().get();
            boolean full = opt instanceof Lbfgs || opt instanceof HessianFree;
            int epochs = full ? secondOrderEpochs : firstOrderEpochs;
            Trace t = train(m.getKey(), start, data, opt, full, epochs, seed);
            if (log != null) {
                log.accept(String.format(java.util.Locale.ROOT, "%-40s %4d epochs  %7.2f s  final loss %.3e",
                        m.getKey(), epochs, t.seconds()[epochs], t.loss()[epochs]));
            }
            out.add(t);
        }
        return out;
    }

    private static Trace train(String name, Sequential start, Dataset data, Optimizer opt, boolean full, int epochs,
                               long seed) {
        Rng shuffle = Rng.seed(seed);
        double[] ep = new double[epochs + 1];
        double[] secs = new double[epochs + 1];
        double[] loss = new double[epochs + 1];
        Sequential m = start;
        loss[0] = mse(m, data);
        double elapsed = 0;
        Objective<Sequential> whole = objective(data);
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            if (full) {
                m = opt.step(whole, m).params();
            } else {
                for (Dataset b : data.batches(50, shuffle)) {
                    m = opt.step(objective(b), m).params();
                }
            }
            elapsed += (System.nanoTime() - t0) / 1e9;
            ep[e] = e;
            secs[e] = elapsed;
            loss[e] = mse(m, data);
        }
        return new Trace(name, ep, secs, loss);
    }

    private static Objective<Sequential> objective(Dataset d) {
        Tensor x = d.x();
        Tensor y = d.y();
        return new Objective<>(m -> m.apply(x), z -> Losses.mse(z, y));
    }

    private static double mse(Sequential m, Dataset d) {
        return Losses.mse(m.apply(d.x()), d.y()).item();
    }

    /** One PNG: loss against epochs (left) and against seconds (right), log scale. */
    public static void plot(List<Trace> traces, Path png) {
        Map<String, Plots.Series> byEpoch = new LinkedHashMap<>();
        Map<String, Plots.Series> byTime = new LinkedHashMap<>();
        for (Trace t : traces) {
            byEpoch.put(t.name(), new Plots.Series(t.epochs(), t.loss()));
            byTime.put(t.name(), new Plots.Series(t.seconds(), t.loss()));
        }
        Plots.save(png, List.of(
                Plots.chart("Badly conditioned least squares: loss per epoch", "epoch (full-batch methods: iteration)",
                        "training MSE", byEpoch, true),
                Plots.chart("... and per second of training", "seconds", "training MSE", byTime, true)));
    }
}
