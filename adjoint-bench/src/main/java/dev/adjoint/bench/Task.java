package dev.adjoint.bench;

/** One timed unit of work, prepared once (inputs, buffers, tapes) and then run many times. */
@FunctionalInterface
public interface Task {

    /** Runs the work once and returns a number that depends on all of it (the benchmark consumes it). */
    double run();
}
