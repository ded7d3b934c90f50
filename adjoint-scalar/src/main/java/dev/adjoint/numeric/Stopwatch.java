package dev.adjoint.numeric;

/**
 * Rough wall-clock timing for the studies and the {@code compare} command: warm-up calls, then three batches
 * each long enough to measure, keeping the fastest batch's time per call. Benchmarks proper use JMH
 * (module adjoint-bench); these figures only show orders of magnitude.
 */
public final class Stopwatch {

    private static volatile Object sink;

    private Stopwatch() {
    }

    /**
     * Seconds per call of {@code work}: warm-up calls for at least {@code minBatchSeconds}, then the fastest of
     * three batches of at least {@code minBatchSeconds} each (a single measured call when one call is that slow).
     */
    public static double secondsPerCall(java.util.function.Supplier<?> work, double minBatchSeconds) {
        long warmStart = System.nanoTime();
        long warmCalls = 0;
        double warm;
        do {
            sink = work.get();
            warmCalls++;
            warm = (System.nanoTime() - warmStart) * 1e-9;
        } while (warm < minBatchSeconds);
        double perCall = warm / warmCalls;
        int batches = perCall >= minBatchSeconds ? 1 : 3;
        double best = Double.POSITIVE_INFINITY;
        for (int batch = 0; batch < batches; batch++) {
            long calls = Math.max(1, (long) (minBatchSeconds / Math.max(perCall, 1e-9)));
            long t0 = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                sink = work.get();
            }
            perCall = (System.nanoTime() - t0) * 1e-9 / calls;
            best = Math.min(best, perCall);
        }
        return best;
    }

    /** A duration in seconds as short text with a unit: "12.3 ns", "4.56 µs", "7.89 ms", "1.23 s". */
    public static String format(double seconds) {
        if (Double.isNaN(seconds)) {
            return "—";
        }
        if (seconds < 1e-6) {
            return String.format("%.3g ns", seconds * 1e9);
        }
        if (seconds < 1e-3) {
            return String.format("%.3g µs", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format("%.3g ms", seconds * 1e3);
        }
        return String.format("%.3g s", seconds);
    }
}
