package dev.adjoint.graph;

import dev.adjoint.array.Shape;

/** An operand of an equation: a variable or a literal constant (A-normal form: operands are never expressions). */
public sealed interface Atom permits Var, Literal {

    /** The operand's shape. */
    Shape shape();
}
