package dev.adjoint.graph.pass;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Broadcast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A literal array whose elements are all equal (what eager broadcasting of {@code x.mul(100)} leaves) becomes a
 * broadcast of one number: the graph stores one double instead of n, the other rules see the constant, and
 * fused loops read it as a scalar.
 */
public final class UniformLiterals implements UnaryOperator<Graph> {

    @Override
    public Graph apply(Graph g) {
        Map<Literal, Var> made = new HashMap<>();
        return new Rewriter() {
            @Override
            void visit(Equation e) {
                List<Atom> in = new ArrayList<>();
                for (Atom a : e.inputs()) {
                    in.add(a instanceof Literal l && l.value().size() > 1 && l.isAll(l.value().buffer()[0])
                            ? made.computeIfAbsent(l, this::broadcast) : a);
                }
                emit(e.withInputs(in));
            }

            Var broadcast(Literal l) {
                Var v = Var.fresh(l.shape());
                emit(new Equation(new PrimitiveOp(new Broadcast(l.shape())), List.of(Literal.of(l.value()
                        .buffer()[0])), v));
                return v;
            }
        }.run(g);
    }
}
