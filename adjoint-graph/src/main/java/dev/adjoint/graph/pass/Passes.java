package dev.adjoint.graph.pass;

import dev.adjoint.graph.Graph;
import java.util.function.UnaryOperator;

/** The standard pipelines of passes. */
public final class Passes {

    private Passes() {
    }

    /** Uniform literals, constant folding, algebraic simplification, CSE and dead-code elimination, repeated until nothing changes. */
    public static UnaryOperator<Graph> simplify() {
        UnaryOperator<Graph> uniform = new UniformLiterals();
        UnaryOperator<Graph> fold = new ConstantFolding();
        UnaryOperator<Graph> alg = new AlgebraicSimplification();
        UnaryOperator<Graph> cse = new CommonSubexpressions();
        UnaryOperator<Graph> dce = new DeadCode();
        return g -> {
            Graph current = g;
            for (int round = 0; round < 20; round++) {
                Graph next = dce.apply(cse.apply(alg.apply(fold.apply(uniform.apply(current)))));
                if (next.equals(current)) {
                    break;
                }
                current = next;
            }
            return current;
        };
    }

    /** {@link #simplify()} followed by elementwise fusion (and dead-code elimination of what fusion copied). */
    public static UnaryOperator<Graph> optimize() {
        UnaryOperator<Graph> s = simplify();
        UnaryOperator<Graph> fuse = new ElementwiseFusion();
        UnaryOperator<Graph> dce = new DeadCode();
        return g -> dce.apply(fuse.apply(s.apply(g)));
    }
}
