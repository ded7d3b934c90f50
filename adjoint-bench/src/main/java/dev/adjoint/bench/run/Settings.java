package dev.adjoint.bench.run;

import java.util.List;

/**
 * How long and how often each case is measured.
 *
 * <p>The suite runs in rounds: each round runs every case once, in a fresh fork, baselines next to the
 * implementations; the reported time is the median over all measured iterations of all rounds, so the baseline and
 * the implementations are sampled across the same stretch of time (interleaved) rather than one after the other.
 *
 * @param name             {@code quick} or {@code full}
 * @param rounds           rounds (= forks per case)
 * @param warmups          warm-up iterations per fork
 * @param warmupMillis     length of one warm-up iteration
 * @param iterations       measured iterations per fork
 * @param iterationMillis  length of one measured iteration
 * @param heap             the fixed heap of each fork ({@code -Xms} = {@code -Xmx})
 */
public record Settings(String name, int rounds, int warmups, int warmupMillis, int iterations, int iterationMillis,
                       String heap) {

    /** The system property that sets the forks' tensor-kernel threads (default 1), {@code dev.adjoint.threads}. */
    public static final String THREADS = "dev.adjoint.threads";

    /** Under three minutes for the scalar suite on two cores: 1 round, 2 × 0.3 s warm-up, 3 × 0.3 s measured. */
    public static Settings quick() {
        return new Settings("quick", 1, 2, 300, 3, 300, "256m");
    }

    /** The published figures: 3 interleaved rounds, each 3 × 1 s warm-up and 5 × 1 s measured. */
    public static Settings full() {
        return new Settings("full", 3, 3, 1000, 5, 1000, "1g");
    }

    /** These settings with another number of rounds. */
    public Settings withRounds(int n) {
        return new Settings(name, n, warmups, warmupMillis, iterations, iterationMillis, heap);
    }

    /** JVM flags of every fork: fixed heap, pre-touched, this JVM's kernel thread count (default 1). */
    public List<String> jvmArgs() {
        return jvmArgs(0);
    }

    /** JVM flags of a fork whose workload needs at least {@code megabytes} of heap (0: the settings' heap). */
    public List<String> jvmArgs(int megabytes) {
        String h = megabytes > megabytes(heap) ? megabytes + "m" : heap;
        return List.of("-Xms" + h, "-Xmx" + h, "-XX:+AlwaysPreTouch", "-D" + THREADS + "=" + threads());
    }

    /** A heap size such as {@code 256m} or {@code 1g} in megabytes. */
    static int megabytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int v = Integer.parseInt(size.substring(0, size.length() - 1));
        return unit == 'g' ? v * 1024 : v;
    }

    /** The forks' tensor-kernel threads. */
    public static int threads() {
        return Integer.parseInt(System.getProperty(THREADS, "1"));
    }

    /** One line for the report. */
    public String describe() {
        String blas = System.getenv("OPENBLAS_NUM_THREADS");
        return String.format("%s: %d round(s) of forks, each %d x %d ms warm-up + %d x %d ms measured, %d kernel"
                + " thread(s), OPENBLAS_NUM_THREADS=%s, %s", name, rounds, warmups, warmupMillis, iterations,
                iterationMillis, threads(), blas == null ? "unset" : blas, String.join(" ", jvmArgs()));
    }
}
