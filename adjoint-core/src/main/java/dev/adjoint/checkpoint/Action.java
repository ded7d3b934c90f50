package dev.adjoint.checkpoint;

/**
 * One instruction of a reversal {@link Schedule}. The executor keeps a current state xᵢ (or none), snapshot slots,
 * and the cotangent x̄ⱼ of the earliest step reversed so far.
 */
public sealed interface Action {

    /** Run the steps from..to-1 forward from the current state x_from, keeping nothing: to − from evaluations. */
    record Advance(int from, int to) implements Action {
    }

    /** Keep a copy of the current state x_step in {@code slot}. */
    record Snapshot(int slot, int step) implements Action {
    }

    /** Make the snapshot x_step held in {@code slot} the current state; the slot keeps it. */
    record Restore(int slot, int step) implements Action {
    }

    /** Drop the snapshot held in {@code slot}. */
    record Free(int slot) implements Action {
    }

    /**
     * x̄_step = F_stepᵀ·x̄_step+1 from the current state x_step; for the last step this first evaluates the loop's
     * output and seeds its cotangent (Revolve's "first turn"), for the others it is Revolve's "youturn". The
     * current state is used up.
     */
    record Reverse(int step) implements Action {
    }
}
