package dev.adjoint.scalar.trace;

import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;
import java.util.List;

/**
 * One line of a Wengert list, vₖ = f(operands): a row of the shared function tables applied to earlier nodes or
 * literals, with its primal value and the local partial derivatives ∂vₖ/∂operand taken from the row's slopes.
 *
 * @param id k ≥ 1
 * @param unary the row applied, or null for a binary step
 * @param binary the row applied, or null for a unary step
 * @param operands one or two arguments
 * @param value vₖ
 * @param partials ∂vₖ/∂operandᵢ, one per operand
 */
public record Step(int id, UnaryFunction unary, BinaryFunction binary, List<Operand> operands, double value,
                   List<Double> partials) {

    /** Validates the shape and copies the lists. */
    public Step {
        if ((unary == null) == (binary == null) || operands.size() != (unary != null ? 1 : 2)
                || partials.size() != operands.size()) {
            throw new IllegalArgumentException("a step applies exactly one unary or binary row to as many operands");
        }
        operands = List.copyOf(operands);
        partials = List.copyOf(partials);
    }

    /** The row's name, e.g. {@code ln} or {@code *}. */
    public String symbol() {
        return unary != null ? unary.symbol() : binary.symbol();
    }

    /** ∂vₖ/∂operandᵢ as the row writes it, on the given (symbolic or numeric) arguments. */
    public Real derivative(int i, List<? extends Real> args) {
        if (unary != null) {
            return unary.derivative(args.get(0));
        }
        return i == 0 ? binary.derivativeX(args.get(0), args.get(1)) : binary.derivativeY(args.get(0), args.get(1));
    }

    /** The row applied to the given arguments: used to print the step's definition. */
    public Real apply(List<? extends Real> args) {
        return unary != null ? args.get(0).apply(unary) : args.get(0).apply(binary, args.get(1));
    }
}
