package dev.adjoint.graph.pass;

import dev.adjoint.array.Shape;
import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Broadcast;
import dev.adjoint.primitive.Slice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Elementwise fusion: a tree of elementwise equations over one shape (the loop's domain), each intermediate used
 * once, becomes one {@link Fused} equation (one loop, no intermediate arrays). The tree may end in a sum or max
 * over some axes, accumulated by the loop instead of reading a stored array (x² summed is one pass). Broadcasts and
 * slices of the domain's shape are read in place (through strides and an offset, copied into every loop that reads
 * them) instead of being materialised. Groups are grown backwards from their last equation; run dead-code
 * elimination afterwards.
 */
public final class ElementwiseFusion implements UnaryOperator<Graph> {

    @Override
    public Graph apply(Graph g) {
        Map<Var, Integer> uses = consumers(g);
        Map<Var, Equation> defs = new HashMap<>();
        for (Equation e : g.equations()) {
            defs.put(e.output(), e);
        }
        Set<Var> outputs = new HashSet<>();
        for (Atom a : g.outputs()) {
            if (a instanceof Var v) {
                outputs.add(v);
            }
        }
        Set<Equation> absorbed = new HashSet<>();
        Map<Equation, Equation> fusedAt = new HashMap<>();
        List<Equation> eqs = g.equations();
        for (int i = eqs.size() - 1; i >= 0; i--) {
            Equation root = eqs.get(i);
            if (absorbed.contains(root) || !(fusible(root) || reduction(root)) || domain(root).size() <= 1) {
                continue;
            }
            List<Equation> group = new ArrayList<>();
            grow(root, domain(root), defs, uses, outputs, group);
            if (group.size() < 2) {
                continue;
            }
            for (Equation e : group) {
                if (!view(e)) {
                    absorbed.add(e);        // broadcasts and slices are copied into every loop that reads them
                }
            }
            fusedAt.put(root, fuse(root, group));
        }
        List<Equation> out = new ArrayList<>();
        for (Equation e : eqs) {
            if (fusedAt.containsKey(e)) {
                out.add(fusedAt.get(e));
            } else if (!absorbed.contains(e)) {
                out.add(e);
            }
        }
        return new Graph(g.inputs(), out, g.outputs());
    }

    /** For each variable, the number of equations (and outputs) that use it. */
    private static Map<Var, Integer> consumers(Graph g) {
        Map<Var, Integer> n = new HashMap<>();
        for (Equation e : g.equations()) {
            for (Atom a : new HashSet<>(e.inputs())) {
                if (a instanceof Var v) {
                    n.merge(v, 1, Integer::sum);
                }
            }
        }
        for (Atom a : g.outputs()) {
            if (a instanceof Var v) {
                n.merge(v, 1, Integer::sum);
            }
        }
        return n;
    }

    /** Elementwise equations the loop compiler has an expression for (a new primitive is left unfused). */
    private static boolean fusible(Equation e) {
        return e.op() instanceof PrimitiveOp p && e.op().elementwise()
                && dev.adjoint.graph.compile.LoopCompiler.supports(p.primitive());
    }

    /** A sum or max the loop compiler can accumulate. */
    private static boolean reduction(Equation e) {
        return e.op() instanceof PrimitiveOp p && dev.adjoint.graph.compile.LoopCompiler.reduces(p.primitive());
    }

    /** A broadcast or a slice: a loop reads its operand in place, through strides and an offset. */
    private static boolean view(Equation e) {
        return e.op() instanceof PrimitiveOp p && (p.primitive() instanceof Broadcast || p.primitive() instanceof Slice);
    }

    /** The shape a group ending in {@code root} loops over: a reduction's operand, else the root's output. */
    private static Shape domain(Equation root) {
        return reduction(root) ? root.inputs().get(0).shape() : root.output().shape();
    }

    /**
     * Adds {@code e} and, depth first, the producers over the domain that it alone uses, and the broadcasts and
     * slices of the domain's shape that it reads (their operands are read in place); the group ends up in
     * definition order.
     */
    private static void grow(Equation e, Shape domain, Map<Var, Equation> defs, Map<Var, Integer> uses,
                             Set<Var> outputs, List<Equation> group) {
        for (Atom a : e.inputs()) {
            if (a instanceof Var v) {
                Equation d = defs.get(v);
                if (d == null || group.contains(d) || !d.output().shape().equals(domain)) {
                    continue;
                }
                if (view(d)) {
                    group.add(d);
                } else if (uses.get(v) == 1 && !outputs.contains(v) && fusible(d)) {
                    grow(d, domain, defs, uses, outputs, group);
                }
            }
        }
        group.add(e);
    }

    private static Equation fuse(Equation root, List<Equation> group) {
        Set<Var> inside = new HashSet<>();
        for (Equation e : group) {
            inside.add(e.output());
        }
        Set<Atom> external = new LinkedHashSet<>();
        for (Equation e : group) {
            for (Atom a : e.inputs()) {
                if (a instanceof Var v && !inside.contains(v) || a instanceof Literal l && l.value().size() > 1) {
                    external.add(a);
                }
            }
        }
        // The body names external operands by fresh variables; scalar literals stay literals inside the loop.
        Map<Atom, Var> param = new HashMap<>();
        List<Var> bodyInputs = new ArrayList<>();
        for (Atom a : external) {
            Var p = Var.fresh(a.shape());
            param.put(a, p);
            bodyInputs.add(p);
        }
        List<Equation> body = new ArrayList<>();
        for (Equation e : group) {
            List<Atom> in = new ArrayList<>();
            for (Atom a : e.inputs()) {
                Atom p = param.get(a);
                in.add(p != null ? p : a);
            }
            body.add(e.withInputs(in));
        }
        Graph b = new Graph(bodyInputs, body, List.of(root.output()));
        return new Equation(new Fused(b), new ArrayList<>(external), root.output());
    }
}
