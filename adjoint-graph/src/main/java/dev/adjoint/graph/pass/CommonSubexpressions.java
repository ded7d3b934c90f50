package dev.adjoint.graph.pass;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Common-subexpression elimination: an equation equal to an earlier one (same op, same inputs) reuses its output. */
public final class CommonSubexpressions implements UnaryOperator<Graph> {

    private record Key(String op, List<Atom> inputs) {
    }

    @Override
    public Graph apply(Graph g) {
        Map<Key, Atom> seen = new HashMap<>();
        return new Rewriter() {
            @Override
            void visit(Equation e) {
                Key k = new Key(e.op().signature(), e.inputs());
                Atom prior = seen.get(k);
                if (prior != null) {
                    replace(e.output(), prior);
                } else {
                    seen.put(k, e.output());
                    emit(e);
                }
            }
        }.run(g);
    }
}
