package dev.adjoint.array;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one place that decides how many threads the kernels use: a fixed {@link ForkJoinPool} shared by every
 * parallel kernel (elementwise, reductions, convolution, pooling), and the BLAS thread count where it can be set.
 * Work smaller than {@link #GRAIN} element operations stays on the calling thread. Kernels split work into chunks
 * whose boundaries depend only on the problem size, never on the thread count, and combine chunk results in order,
 * so a result is bit-identical for every thread count.
 *
 * <p>The count comes from {@code -Ddev.adjoint.threads=N} (default: the available processors) or
 * {@link #setThreads}. Native OpenBLAS reads {@code OPENBLAS_NUM_THREADS} once, when it is loaded, and netlib
 * offers no call to change it afterwards: set that variable before the JVM starts (the {@code adjoint} launcher
 * does, from {@code --threads}).
 */
public final class Parallel {

    /** Below this many element operations a kernel runs serially: forking costs more than it saves. */
    public static final long GRAIN = 1L << 15;

    private static volatile int threads = initial();
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    private static int initial() {
        String p = System.getProperty("dev.adjoint.threads");
        int n = Runtime.getRuntime().availableProcessors();
        if (p != null) {
            try {
                n = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dev.adjoint.threads=" + p + ": expected a positive integer");
            }
        }
        return check(n);
    }

    private static int check(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads: " + n + " (need at least 1)");
        }
        return n;
    }

    /** The number of threads kernels use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads kernels use (1 = everything on the calling thread). */
    public static synchronized void setThreads(int n) {
        check(n);
        if (n != threads) {
            ForkJoinPool old = pool;
            pool = null;
            threads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    /** What the BLAS threads are and how to set them, for logs and {@code --threads}. */
    public static String blasThreads() {
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        return env == null ? "OpenBLAS default (all cores; set OPENBLAS_NUM_THREADS=1 before start, as ./adjoint does:"
                + " products are split over the kernel threads already)" : "OPENBLAS_NUM_THREADS=" + env;
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** A range of items run by one task. */
    @FunctionalInterface
    public interface Range {
        /** Runs items {@code [from, to)}. */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code n} independent elements of {@code cost} operations each (1 for an addition),
     * split over the threads when there is enough work, else as one range on this thread.
     */
    public static void each(int n, long cost, Range body) {
        if (threads == 1 || (long) n * cost < 2 * GRAIN) {
            body.run(0, n);
            return;
        }
        forRange(n, cost, (c, from, to) -> body.run(from, to));
    }

    /** A chunk of items run by one task. */
    @FunctionalInterface
    public interface Chunk {
        /** Runs chunk {@code index}, which covers items {@code [from, to)}. */
        void run(int index, int from, int to);
    }

    /**
     * The number of chunks {@code n} items of {@code cost} element operations each are split into: at most
     * {@code max}, at least one per item only above the grain, and independent of the thread count.
     */
    public static int chunks(int n, long cost, int max) {
        if (n <= 1) {
            return Math.max(n, 1);
        }
        long total = n * Math.max(cost, 1);
        long byGrain = Math.max(1, total / GRAIN);
        return (int) Math.min(Math.min(n, max), byGrain);
    }

    /** Item range start of chunk {@code c} of {@code count} over {@code n} items (even split). */
    public static int start(int c, int count, int n) {
        return (int) ((long) n * c / count);
    }

    /**
     * Runs {@code count} chunks of {@code n} items: in parallel when there are several chunks and threads, else in
     * order on this thread. Called from inside a parallel kernel, it runs serially.
     */
    public static void run(int n, int count, Chunk body) {
        if (count <= 1 || threads == 1 || ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            for (int c = 0; c < count; c++) {
                body.run(c, start(c, count, n), start(c + 1, count, n));
            }
            return;
        }
        List<RecursiveAction> tasks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int index = c;
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(index, start(index, count, n), start(index + 1, count, n));
                }
            });
        }
        ForkJoinPool p = pool();
        p.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(tasks);
            }
        });
    }

    /**
     * Runs {@code body} over {@code n} independent items of {@code cost} element operations each, in up to four
     * chunks per thread. Only for work whose result does not depend on where the chunks start; reductions use
     * {@link #chunks} with a fixed maximum and {@link #run}.
     */
    public static void forRange(int n, long cost, Chunk body) {
        run(n, chunks(n, cost, 4 * threads), body);
    }
}
