package dev.adjoint.bench.run;

import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workloads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A rough second opinion next to JMH for a machine under heavy load: the thread CPU time per operation of a baseline
 * and of the tasks compared with it, in interleaved rounds in one JVM. CPU time leaves out the time the thread
 * waits for a core (which dominates wall-clock figures at load 20 on 2 cores), not the slowdown from other
 * processes' cache and memory traffic. Run one case per JVM to keep call sites monomorphic as JMH's forks do.
 *
 * <pre>{@code java -cp adjoint-cli/target/adjoint.jar dev.adjoint.bench.run.CpuTime 20000 logistic/objective logistic/adjoint-reverse}</pre>
 */
public final class CpuTime {

    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS = 12;

    private CpuTime() {
    }

    /** {@code CpuTime operationsPerRound baselineId id...}: prints median and fastest round, and the ratio of medians. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CpuTime operationsPerRound baseline/id [workload/impl ...]");
            System.exit(2);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int reps = Integer.parseInt(args[0]);
        int k = args.length - 1;
        Task[] tasks = new Task[k];
        for (int i = 0; i < k; i++) {
            tasks[i] = Workloads.task(args[i + 1]);
        }
        double[][] perOp = new double[k][ROUNDS - WARM_UP_ROUNDS];
        double sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < k; i++) {
                long start = mx.getCurrentThreadCpuTime();
                for (int j = 0; j < reps; j++) {
                    sink += tasks[i].run();
                }
                if (round >= WARM_UP_ROUNDS) {
                    perOp[i][round - WARM_UP_ROUNDS] = (mx.getCurrentThreadCpuTime() - start) / (double) reps;
                }
            }
        }
        double base = median(perOp[0]);
        for (int i = 0; i < k; i++) {
            System.out.printf("%-28s cpu median %12.1f ns   fastest %12.1f ns   ratio %6.2f%n", args[i + 1],
                    median(perOp[i]), Arrays.stream(perOp[i]).min().orElseThrow(), median(perOp[i]) / base);
        }
        if (Double.isNaN(sink)) {
            System.out.println("(NaN results)");
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
