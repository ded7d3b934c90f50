package dev.adjoint.bench.jmh;

import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Runs one task of the registry per fork, chosen by {@link #id} ({@code workload/impl}). Each fork loads only the
 * code of its own task, so call sites stay monomorphic as in a program that uses one mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SuiteBenchmark {

    /** The case to run, {@code workload/impl}; the suite runner passes the list. */
    @Param("seed/objective")
    public String id;

    private Task task;

    /** Prepares the task (inputs, tape, buffers) outside the timed region. */
    @Setup(Level.Trial)
    public void setUp() {
        task = Workloads.task(id);
    }

    /** One evaluation of the task. */
    @Benchmark
    public double run() {
        return task.run();
    }
}
