package dev.adjoint.scalar.trace;

import java.util.List;

/** The result of sweeping a {@link Trace} backward from ȳ = 1: every adjoint update in order, and the gradient. */
public final class Adjoints {

    /**
     * One line of the reverse adjoint trace: v̄_target (+)= v̄_step · ∂v_step/∂operand.
     *
     * @param target the node receiving the contribution
     * @param step the step k whose adjoint is passed back
     * @param operand which operand of that step (0 or 1) the target is
     * @param accumulate whether this adds to an earlier contribution (v̄ = v̄ + …) rather than assigning
     * @param value the target's adjoint after the update
     */
    public record Update(int target, int step, int operand, boolean accumulate, double value) {
    }

    private final double[] bar;
    private final boolean[] reached;
    private final List<Update> updates;
    private final double[] gradient;
    private final int inputs;

    Adjoints(double[] bar, boolean[] reached, List<Update> updates, double[] gradient, int inputs) {
        this.bar = bar;
        this.reached = reached;
        this.updates = List.copyOf(updates);
        this.gradient = gradient;
        this.inputs = inputs;
    }

    /** The updates in the order the reverse sweep made them. */
    public List<Update> updates() {
        return updates;
    }

    /** The final v̄ of node {@code id} (0 if y does not depend on it). */
    public double of(int id) {
        return bar[id + inputs - 1];
    }

    /** Whether any path leads from node {@code id} to y. */
    public boolean reaches(int id) {
        return reached[id + inputs - 1];
    }

    /** x̄ = ∂y/∂x, in input order. */
    public double[] gradient() {
        return gradient.clone();
    }
}
