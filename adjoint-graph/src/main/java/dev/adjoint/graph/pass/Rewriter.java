package dev.adjoint.graph.pass;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared walk of the local passes: equations in order, each with its inputs renamed by the substitutions made
 * so far; a rule either keeps the equation, replaces it by others, or maps its output to an existing atom.
 */
abstract class Rewriter {

    final Map<Var, Atom> subst = new HashMap<>();
    final Map<Var, Equation> defs = new HashMap<>();
    final List<Equation> out = new ArrayList<>();

    /** Handles one equation whose inputs are already renamed: call {@link #emit} or {@link #replace}. */
    abstract void visit(Equation e);

    final void emit(Equation e) {
        out.add(e);
        defs.put(e.output(), e);
    }

    final void replace(Var v, Atom by) {
        subst.put(v, by);
    }

    final Atom rename(Atom a) {
        Atom r = a;
        while (r instanceof Var v && subst.containsKey(v)) {
            r = subst.get(v);
        }
        return r;
    }

    final Graph run(Graph g) {
        for (Equation e : g.equations()) {
            List<Atom> in = new ArrayList<>();
            for (Atom a : e.inputs()) {
                in.add(rename(a));
            }
            visit(e.withInputs(in));
        }
        List<Atom> outs = new ArrayList<>();
        for (Atom a : g.outputs()) {
            outs.add(rename(a));
        }
        return new Graph(g.inputs(), out, outs);
    }
}
