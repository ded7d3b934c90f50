package dev.adjoint.graph;

import dev.adjoint.array.Shape;
import java.util.concurrent.atomic.AtomicInteger;

/** A variable of a graph, defined once (by an equation or as an input); identity is its id. */
public record Var(int id, Shape shape) implements Atom {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A variable with a fresh id. */
    public static Var fresh(Shape shape) {
        return new Var(NEXT.incrementAndGet(), shape);
    }
}
