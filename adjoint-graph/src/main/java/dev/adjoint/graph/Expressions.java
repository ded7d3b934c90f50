package dev.adjoint.graph;

import dev.adjoint.Tensor;
import dev.adjoint.scalar.Binary;
import dev.adjoint.symbolic.BinaryExpr;
import dev.adjoint.symbolic.Constant;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.Unary;
import dev.adjoint.symbolic.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Symbolic expressions as graphs: one rank-0 input per variable (in order of first appearance). */
public final class Expressions {

    private Expressions() {
    }

    /** The graph computing {@code e}; shared subexpressions are computed once. */
    public static Graph graph(Expr e) {
        List<String> names = Exprs.variables(e);
        List<Tensor> examples = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            examples.add(Tensor.scalar(0));
        }
        return Graph.traceList(xs -> tensor(e, names, xs), examples);
    }

    /** Each distinct node once, operands first, so that neither sharing nor depth costs anything extra. */
    private static Tensor tensor(Expr root, List<String> names, List<Tensor> xs) {
        Map<Expr, Tensor> values = new IdentityHashMap<>();
        for (Expr e : Exprs.postOrder(root)) {
            Tensor t;
            if (e instanceof Constant c) {
                t = Tensor.scalar(c.number());
            } else if (e instanceof Variable v) {
                t = xs.get(names.indexOf(v.name()));
            } else if (e instanceof Unary u) {
                t = values.get(u.arg()).apply(u.function());
            } else {
                BinaryExpr b = (BinaryExpr) e;
                if (!(b.function() instanceof Binary f)) {
                    throw new IllegalArgumentException("graph: no tensor form for the binary function "
                            + b.function().symbol());
                }
                t = values.get(b.left()).apply(f, values.get(b.right()));
            }
            values.put(e, t);
        }
        return values.get(root);
    }
}
