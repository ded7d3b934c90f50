package dev.adjoint.numeric;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Rough timing for the studies and the {@code compare} command: warm-up calls, then the fastest of three batches,
 * each long enough to measure. Time is the measuring thread's CPU time where the JVM offers it, so other
 * processes on a busy machine do not inflate it (garbage collection on other threads is not counted); otherwise
 * wall-clock time. Benchmarks proper use JMH (module adjoint-bench); these figures show orders of magnitude.
 */
public final class Stopwatch {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();
    /** A call at least this slow is measured once: repeating it would cost more than the noise it removes. */
    private static final double SLOW_CALL_SECONDS = 0.25;

    private static volatile Object sink;

    private Stopwatch() {
    }

    /** Nanoseconds on this clock: thread CPU time if available, else wall-clock. */
    public static long nanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Whether {@link #nanos()} is CPU time (true) or wall-clock time (false). */
    public static boolean measuresCpuTime() {
        return CPU_TIME;
    }

    /**
     * Seconds per call of {@code work}: warm-up calls for at least {@code minBatchSeconds} (at least one call, which
     * also lets the JIT and the heap settle at this size), then the fastest of three batches of at least
     * {@code minBatchSeconds} each (a batch may be a single call), or one measured call when a call takes more
     * than a quarter of a second.
     */
    public static double secondsPerCall(Supplier<?> work, double minBatchSeconds) {
        long warmStart = nanos();
        long warmCalls = 0;
        double warm;
        do {
            sink = work.get();
            warmCalls++;
            warm = (nanos() - warmStart) * 1e-9;
        } while (warm < minBatchSeconds);
        double perCall = warm / warmCalls;
        int batches = perCall >= Math.max(minBatchSeconds, SLOW_CALL_SECONDS) ? 1 : 3;
        double best = Double.POSITIVE_INFINITY;
        for (int batch = 0; batch < batches; batch++) {
            long calls = Math.max(1, (long) (minBatchSeconds / Math.max(perCall, 1e-9)));
            long t0 = nanos();
            for (long i = 0; i < calls; i++) {
                sink = work.get();
            }
            perCall = (nanos() - t0) * 1e-9 / calls;
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
