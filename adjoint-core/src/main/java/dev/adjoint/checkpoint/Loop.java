package dev.adjoint.checkpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * A loop x_N = F_N−1(…F_1(F_0(x_0))) of {@code steps} {@link Step}s, differentiated in reverse under a
 * {@link Schedule} that decides which states are kept and which are recomputed.
 *
 * @param <S> the state (and cotangent) type
 */
public final class Loop<S> {

    private final int steps;
    private final Step<S> step;

    private Loop(int steps, Step<S> step) {
        if (steps < 1) {
            throw new IllegalArgumentException("a loop needs at least 1 step, got " + steps);
        }
        this.steps = steps;
        this.step = step;
    }

    /** The loop running {@code step} for i = 0..steps-1. */
    public static <S> Loop<S> of(int steps, Step<S> step) {
        return new Loop<>(steps, step);
    }

    /** The number of steps N. */
    public int steps() {
        return steps;
    }

    /** x_N, keeping nothing. */
    public S run(S x0) {
        S x = x0;
        for (int i = 0; i < steps; i++) {
            x = step.forward(i, x);
        }
        return x;
    }

    /** x̄₀ = (∂x_N/∂x₀)ᵀ·seed(x_N), with snapshot bytes not measured. */
    public Result<S> gradient(S x0, UnaryOperator<S> seed, Schedule schedule) {
        return gradient(x0, seed, schedule, s -> 0L);
    }

    /**
     * x̄₀ = (∂x_N/∂x₀)ᵀ·seed(x_N) by running {@code schedule}; {@code sizeOf} gives a state's bytes for the
     * memory account (peak bytes of the snapshots held).
     */
    public Result<S> gradient(S x0, UnaryOperator<S> seed, Schedule schedule, ToLongFunction<S> sizeOf) {
        if (schedule.steps() != steps) {
            throw new IllegalArgumentException("schedule '" + schedule.name() + "' reverses " + schedule.steps()
                    + " steps but the loop has " + steps);
        }
        Map<Integer, S> slots = new HashMap<>();
        S current = x0;
        S output = null;
        S cotangent = null;
        long advances = 0;
        long bytes = 0;
        long peakBytes = 0;
        int peakSnapshots = 0;
        for (Action a : schedule.actions()) {
            if (a instanceof Action.Advance v) {
                for (int i = v.from(); i < v.to(); i++) {
                    current = step.forward(i, current);
                }
                advances += v.to() - v.from();
            } else if (a instanceof Action.Snapshot v) {
                slots.put(v.slot(), current);
                bytes += sizeOf.applyAsLong(current);
                peakBytes = Math.max(peakBytes, bytes);
                peakSnapshots = Math.max(peakSnapshots, slots.size());
            } else if (a instanceof Action.Restore v) {
                current = slots.get(v.slot());
            } else if (a instanceof Action.Free v) {
                bytes -= sizeOf.applyAsLong(slots.remove(v.slot()));
            } else {
                int i = ((Action.Reverse) a).step();
                if (i == steps - 1) {
                    output = step.forward(i, current);
                    cotangent = seed.apply(output);
                }
                cotangent = step.backward(i, current, cotangent);
                current = null;
            }
        }
        return new Result<>(output, cotangent, new Cost(advances, steps, peakSnapshots, peakBytes));
    }

    /**
     * x̄₀ = (∂x_N/∂x₀)ᵀ·seed(x_N) for a loop of {@link ReversibleStep}s: run forward keeping nothing, then walk back
     * reconstructing each step's input from its output. No snapshots; the work is N forward steps and N inversions.
     * Floating-point inversion is not exact, so the states seen in reverse differ from the forward ones by rounding.
     */
    public Result<S> gradientByInversion(S x0, UnaryOperator<S> seed) {
        if (!(step instanceof ReversibleStep)) {
            throw new IllegalArgumentException("gradientByInversion needs a ReversibleStep (with an inverse), got a "
                    + step.getClass().getSimpleName() + "; use gradient(x0, seed, schedule) instead");
        }
        ReversibleStep<S> rev = (ReversibleStep<S>) step;
        S output = run(x0);
        S cotangent = seed.apply(output);
        S current = output;
        for (int i = steps - 1; i >= 0; i--) {
            current = rev.inverse(i, current);
            cotangent = rev.backward(i, current, cotangent);
        }
        return new Result<>(output, cotangent, new Cost(steps - 1, steps, 0, 0));
    }

    /**
     * A loop's output, the cotangent of its input, and what the reversal cost.
     *
     * @param output    x_N
     * @param cotangent x̄₀
     * @param cost      the forward steps and memory the schedule used
     * @param <S>       the state type
     */
    public record Result<S>(S output, S cotangent, Cost cost) {
    }

    /**
     * What a reversal cost.
     *
     * @param advances      forward steps run to recompute states (the reversals' own forward passes excluded)
     * @param reversals     steps reversed (always N)
     * @param peakSnapshots the most snapshots held at once
     * @param peakBytes     the most snapshot bytes held at once, by the caller's {@code sizeOf}
     */
    public record Cost(long advances, int reversals, int peakSnapshots, long peakBytes) {
    }
}
