package dev.adjoint.graph.pass;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Dead-code elimination: drops equations whose output no output depends on (ops have no side effects). */
public final class DeadCode implements UnaryOperator<Graph> {

    @Override
    public Graph apply(Graph g) {
        Set<Var> live = new HashSet<>();
        for (Atom a : g.outputs()) {
            if (a instanceof Var v) {
                live.add(v);
            }
        }
        List<Equation> kept = new ArrayList<>();
        List<Equation> eqs = g.equations();
        for (int i = eqs.size() - 1; i >= 0; i--) {
            Equation e = eqs.get(i);
            if (live.contains(e.output())) {
                kept.add(e);
                for (Atom a : e.inputs()) {
                    if (a instanceof Var v) {
                        live.add(v);
                    }
                }
            }
        }
        Collections.reverse(kept);
        return new Graph(g.inputs(), kept, g.outputs());
    }
}
