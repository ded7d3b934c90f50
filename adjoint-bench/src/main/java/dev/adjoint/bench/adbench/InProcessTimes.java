package dev.adjoint.bench.adbench;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Json;
import dev.adjoint.bench.Task;
import java.util.Arrays;

/**
 * A rough check of the ADBench workloads without JMH, for when JMH cannot run: all cases in this one JVM, each
 * warmed up for {@code warmup} calls and then timed {@code reps} times, printing JSON lines with the median and the
 * fastest call. Figures from it are labelled as such; JMH (forks, interleaved rounds) is the measurement.
 */
public final class InProcessTimes {

    private InProcessTimes() {
    }

    /** {@code java -cp adjoint.jar dev.adjoint.bench.adbench.InProcessTimes [warmup reps [group …]]}. */
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        java.util.List<String> groups = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : java.util.List.of();
        for (AdbenchWorkload w : AdbenchWorkload.all()) {
            if (!groups.isEmpty() && !groups.contains(w.group())) {
                continue;
            }
            double[] obj = time(w.task(Impl.OBJECTIVE), warmup, reps);
            for (Impl impl : w.impls()) {
                if (impl == Impl.OBJECTIVE) {
                    continue;
                }
                double[] t = time(w.task(impl), warmup, reps);
                System.out.println("{\"workload\": " + Json.string(w.group()) + ", \"input\": " + Json.string(w.input())
                        + ", \"impl\": " + Json.string(impl.label()) + ", \"t_obj_s\": " + Json.number(obj[0])
                        + ", \"t_grad_s\": " + Json.number(t[0]) + ", \"ratio\": " + Json.number(t[0] / obj[0])
                        + ", \"t_obj_min_s\": " + Json.number(obj[1]) + ", \"t_grad_min_s\": " + Json.number(t[1])
                        + ", \"ratio_min\": " + Json.number(t[1] / obj[1]) + ", \"harness\": \"in-process\"}");
            }
        }
    }

    /** Median and minimum seconds per call. */
    private static double[] time(Task task, int warmup, int reps) {
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += task.run();
        }
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += task.run();
            s[i] = (System.nanoTime() - t0) * 1e-9;
        }
        if (sink == 42.4242) {
            System.out.print("");
        }
        Arrays.sort(s);
        return new double[] {s[reps / 2], s[0]};
    }
}
