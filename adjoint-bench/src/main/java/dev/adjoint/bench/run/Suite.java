package dev.adjoint.bench.run;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Workload;
import dev.adjoint.bench.Workloads;
import dev.adjoint.bench.jmh.SuiteBenchmark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs workloads through JMH's {@link Runner} (forked, single-threaded) and returns each case's median time. */
public final class Suite {

    private static final Duration LOCK_WAIT = Duration.ofMinutes(30);

    private Suite() {
    }

    /** Every (workload, impl) case, baseline first within each workload. */
    public static List<String> cases(List<Workload> workloads) {
        List<String> cases = new ArrayList<>();
        for (Workload w : workloads) {
            for (Impl impl : w.impls()) {
                cases.add(Workloads.caseId(w, impl));
            }
        }
        return cases;
    }

    /**
     * Measures every case of {@code workloads}: {@code settings.rounds()} rounds, each running all cases once in
     * a fresh fork (odd rounds in reverse order, so no case always runs first), then medians over all rounds.
     */
    public static Map<Workload, Map<Impl, Measurement>> run(List<Workload> workloads, Settings settings,
                                                            Progress progress) throws RunnerException {
        List<String> cases = cases(workloads);
        progress.begin(cases.size() * settings.rounds());
        Map<String, List<Double>> seconds = new HashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            List<String> order = new ArrayList<>(cases);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            progress.round(round + 1, settings.rounds());
            for (String id : order) {
                // One Runner call per case keeps the order ours (JMH would sort the parameter values).
                for (RunResult r : runWhenFree(options(id, settings), progress)) {
                    collect(r, seconds);
                }
            }
        }
        Map<Workload, Map<Impl, Measurement>> result = new LinkedHashMap<>();
        for (Workload w : workloads) {
            Map<Impl, Measurement> byImpl = new LinkedHashMap<>();
            for (Impl impl : w.impls()) {
                List<Double> s = seconds.get(Workloads.caseId(w, impl));
                if (s != null && !s.isEmpty()) {
                    byImpl.put(impl, Measurement.of(s));
                }
            }
            result.put(w, byImpl);
        }
        return result;
    }

    /**
     * Runs JMH, waiting while another JMH run on this machine holds its lock ({@code /tmp/jmh.lock}): two benchmark
     * runs at once would spoil each other's figures, and JMH would otherwise give up at once.
     */
    private static Collection<RunResult> runWhenFree(Options options, Progress progress) throws RunnerException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        boolean told = false;
        while (true) {
            try {
                return new Runner(options, progress).run();
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("Unable to acquire the JMH lock")
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    progress.waitingForLock();
                    told = true;
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static Options options(String id, Settings s) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(SuiteBenchmark.class.getName() + ".run") + "$")
                .param("id", id)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .forks(1)
                .threads(1)
                .warmupIterations(s.warmups())
                .warmupTime(TimeValue.milliseconds(s.warmupMillis()))
                .measurementIterations(s.iterations())
                .measurementTime(TimeValue.milliseconds(s.iterationMillis()))
                .jvmArgs(s.jvmArgs(heapOf(id)).toArray(new String[0]))
                .shouldFailOnError(true)
                .build();
    }

    /** The heap a case's workload asks for (0 when it is not a registered case id). */
    private static int heapOf(String caseId) {
        int slash = caseId.indexOf('/');
        return slash < 0 ? 0 : Workloads.byId(caseId.substring(0, slash)).heapMegabytes();
    }

    private static void collect(RunResult run, Map<String, List<Double>> seconds) {
        String id = run.getParams().getParam("id");
        List<Double> list = seconds.computeIfAbsent(id, k -> new ArrayList<>());
        for (BenchmarkResult b : run.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                list.add(it.getPrimaryResult().getScore() * 1e-9); // ns/op -> s/op
            }
        }
    }
}
