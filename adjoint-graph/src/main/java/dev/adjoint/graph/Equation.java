package dev.adjoint.graph;

import java.util.List;

/** One step of a graph: {@code output = op(inputs)}, the inputs being variables or literals. */
public record Equation(Op op, List<Atom> inputs, Var output) {

    /** An equation with a defensive copy of the inputs. */
    public Equation {
        inputs = List.copyOf(inputs);
    }

    /** The equation applied to other inputs (same operation and output). */
    public Equation withInputs(List<Atom> in) {
        return new Equation(op, in, output);
    }
}
