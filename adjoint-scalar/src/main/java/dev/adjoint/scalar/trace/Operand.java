package dev.adjoint.scalar.trace;

/**
 * An argument of a {@link Step}: either the node v_id of the trace or a literal constant written into the step.
 *
 * @param id the node's number (inputs −n+1 … 0, steps 1 … k); meaningless for a literal
 * @param value the argument's primal value
 * @param literal whether this is a constant rather than a node
 */
public record Operand(int id, double value, boolean literal) {

    /** The node v_id with primal value {@code value}. */
    public static Operand node(int id, double value) {
        return new Operand(id, value, false);
    }

    /** A constant. */
    public static Operand literal(double value) {
        return new Operand(0, value, true);
    }
}
