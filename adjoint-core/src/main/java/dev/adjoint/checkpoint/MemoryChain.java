package dev.adjoint.checkpoint;

import dev.adjoint.Ad;
import dev.adjoint.MemoryReport;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Locale;
import java.util.Random;

/**
 * The memory benchmark of the checkpointing issue: the gradient through a chain of N {@link Coupling} layers by
 * plain backpropagation (every state kept), √N segments, binomial checkpointing with s = ⌈log₂N⌉ snapshots, and
 * inversion of the reversible layers; for each, the peak bytes held for the backward pass and the time.
 *
 * <p>Peak bytes are counted, not sampled from the heap: the snapshots a schedule holds at once, plus the current
 * state and the cotangent in flight (two states), at 8 bytes per double plus a 16-byte array header.
 */
public final class MemoryChain {

    /** The ways to reverse the chain. */
    public enum Method {
        /** Keep every state (plain backpropagation). */
        PLAIN,
        /** √N segments. */
        SQRT,
        /** Revolve with ⌈log₂N⌉ snapshots. */
        BINOMIAL,
        /** Reconstruct inputs from outputs: no snapshots. */
        REVERSIBLE;

        /** The lower-case name used in the benchmark's JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One benchmark case.
     *
     * @param n            layers
     * @param method       how the chain was reversed
     * @param peakBytes    the most bytes held for the backward pass at once
     * @param tGradS       the gradient's wall time in seconds (best of the repeats)
     * @param forwardSteps layer evaluations beyond the reversals' own (recomputation plus the forward sweep)
     * @param snapshots    the most states kept at once
     */
    public record Measurement(int n, Method method, long peakBytes, double tGradS, long forwardSteps, int snapshots) {

        /** The JSON line {@code {"workload": "memory_chain", "n": …, "method": …, "peak_bytes": …, …}}. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"workload\": \"memory_chain\", \"n\": %d, \"method\": \"%s\", "
                    + "\"peak_bytes\": %d, \"t_grad_s\": %.6g, \"forward_steps\": %d, \"snapshots\": %d}",
                    n, method.label(), peakBytes, tGradS, forwardSteps, snapshots);
        }
    }

    private MemoryChain() {
    }

    /** The schedule a method uses for N layers (none for {@link Method#REVERSIBLE}). */
    public static Schedule schedule(Method method, int n) {
        switch (method) {
            case PLAIN:
                return Schedule.storeAll(n);
            case SQRT:
                return Schedule.sqrt(n);
            case BINOMIAL:
                return Schedule.binomial(n, Math.max(1, (int) Math.ceil(Math.log(n) / Math.log(2))));
            default:
                return null;
        }
    }

    /** The gradient through N layers of the given width by one method; the loss is ½‖x_N‖². */
    public static Loop.Result<double[]> gradient(Coupling layer, int n, Method method, double[] x0) {
        Loop<double[]> loop = Loop.of(n, layer);
        if (method == Method.REVERSIBLE) {
            return loop.gradientByInversion(x0, double[]::clone);
        }
        return loop.gradient(x0, double[]::clone, schedule(method, n), MemoryChain::bytes);
    }

    /** Measures one case: {@code repeats} timed runs after one warm-up, the fastest reported. */
    public static Measurement measure(int n, Method method, int width, int repeats) {
        Coupling layer = Coupling.random(width, 42);
        double[] x0 = new Random(7).doubles(width, -1, 1).toArray();
        Loop.Result<double[]> r = gradient(layer, n, method, x0);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.max(1, repeats); k++) {
            long t0 = System.nanoTime();
            r = gradient(layer, n, method, x0);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        long peak = r.cost().peakBytes() + 2 * bytes(x0);
        return new Measurement(n, method, peak, best, r.cost().advances(), r.cost().peakSnapshots());
    }

    /**
     * Measures a tensor chain x ← tanh(W·x + sin(i)/10) of N layers, plain or in ⌈√N⌉ checkpointed segments
     * ({@link Checkpoint#sequential}); the peak bytes are the tape's real residual bytes reported by
     * {@link Ad#measureGradient}, and the snapshots field counts the outer tape's nodes.
     */
    public static Measurement measureTensor(int n, Method method, int width) {
        if (method != Method.PLAIN && method != Method.SQRT) {
            throw new IllegalArgumentException("memory chain: tensor chains support plain and sqrt, got " + method);
        }
        Rng rng = Rng.seed(42);
        Tensor w = Tensor.randn(rng, width, width).mul(1 / Math.sqrt(width));
        Tensor x0 = Tensor.randn(rng, width);
        Function<Tensor, Tensor> loss = tensorLoss(n, method, w);
        long t0 = System.nanoTime();
        MemoryReport r = Ad.measureGradient(loss, x0);
        double t = (System.nanoTime() - t0) * 1e-9;
        long steps = method == Method.PLAIN ? n : 2L * n;
        return new Measurement(n, method, r.peakBytes(), t, steps, r.nodes());
    }

    /** ½‖x_N‖² for the tensor chain, plain or checkpointed in ⌈√N⌉ segments. */
    public static Function<Tensor, Tensor> tensorLoss(int n, Method method, Tensor w) {
        List<BiFunction<Tensor, Tensor, Tensor>> layers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double shift = Math.sin(i) / 10;
            layers.add((x, m) -> m.matmul(x).add(shift).tanh());
        }
        BiFunction<Tensor, Tensor, Tensor> net;
        if (method == Method.SQRT) {
            net = Checkpoint.sequential(layers, (int) Math.ceil(Math.sqrt(n)));
        } else {
            net = (x, m) -> {
                Tensor y = x;
                for (BiFunction<Tensor, Tensor, Tensor> l : layers) {
                    y = l.apply(y, m);
                }
                return y;
            };
        }
        return x -> net.apply(x, w).square().sum().mul(0.5);
    }

    /** Every method for each N, as measurements (width 64, 3 repeats). */
    public static List<Measurement> sweep(int... ns) {
        List<Measurement> out = new ArrayList<>();
        for (int n : ns) {
            for (Method m : Method.values()) {
                out.add(measure(n, m, 64, 3));
            }
        }
        return out;
    }

    /** Prints the JSON lines for N = 10, 100, 1000, 10000 (or the N given as arguments). */
    public static void main(String[] args) {
        int[] ns = args.length == 0 ? new int[] {10, 100, 1000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (Measurement m : sweep(ns)) {
            System.out.println(m.toJson());
        }
    }

    private static long bytes(double[] x) {
        return 16L + 8L * x.length;
    }
}
