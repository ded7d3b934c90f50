/**
 * Benchmarks: every workload next to the baseline it is compared with, measured in the same run.
 *
 * <p>A {@link dev.adjoint.bench.Workload} names its implementations ({@link dev.adjoint.bench.Impl}) and makes a
 * {@link dev.adjoint.bench.Task} for each; {@link dev.adjoint.bench.Workloads} is the registry (adding a workload is
 * one class and one line there). The single JMH benchmark in {@code dev.adjoint.bench.jmh} runs any task by id,
 * and {@code dev.adjoint.bench.run} drives JMH, aggregates medians and writes the table and JSON lines.
 */
package dev.adjoint.bench;
