package dev.adjoint.graph.pass;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Add;
import dev.adjoint.primitive.Broadcast;
import dev.adjoint.primitive.Div;
import dev.adjoint.primitive.Mul;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Reshape;
import dev.adjoint.primitive.SafeMul;
import dev.adjoint.primitive.Sub;
import dev.adjoint.primitive.Transpose;
import dev.adjoint.primitive.Unary;
import dev.adjoint.scalar.Elementary;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Algebraic simplification by local rules that keep IEEE results exact: x+0 = 0+x = x−0 = x, 0−x = −x,
 * x·1 = 1·x = x/1 = x, x·(−1) = −x, affine(1, 0)·x = x, affine(−1, 0)·x = −x, −(−x) = x, x + (−y) = x − y, (−x) + y = y − x, transpose of transpose (composed, dropped when
 * the identity), reshape or broadcast to the same shape, reshape of reshape. A constant is a literal or a
 * broadcast literal whose elements are all equal. (x·0 is not rewritten: 0·∞ is NaN.)
 */
public final class AlgebraicSimplification implements UnaryOperator<Graph> {

    @Override
    public Graph apply(Graph g) {
        return new Rewriter() {
            @Override
            void visit(Equation e) {
                Atom r = simplify(e);
                if (r == e.output()) {
                    return;                 // the rule emitted a cheaper equation for the same output
                }
                if (r != null) {
                    replace(e.output(), r);
                } else {
                    emit(e);
                }
            }

            /** A constant's value, or null. */
            Double constant(Atom a) {
                if (a instanceof Literal l) {
                    if (l.value().size() == 0) {
                        return null;            // an empty literal has no value to match
                    }
                    double c = l.value().buffer()[0];
                    return l.isAll(c) ? c : null;
                }
                Equation d = defs.get((Var) a);
                if (d != null && prim(d) instanceof Broadcast) {
                    return constant(d.inputs().get(0));
                }
                return null;
            }

            boolean is(Atom a, double c) {
                Double v = constant(a);
                return v != null && v == c;
            }

            Equation def(Atom a) {
                return a instanceof Var v ? defs.get(v) : null;
            }

            boolean isNeg(Equation d) {
                return d != null && prim(d) instanceof Unary u && u.function() == Elementary.NEG;
            }

            Atom simplify(Equation e) {
                Primitive p = prim(e);
                if (p == null) {
                    return null;
                }
                List<Atom> in = e.inputs();
                Var out = e.output();
                if (p instanceof Add) {
                    if (is(in.get(1), 0) && in.get(0).shape().equals(out.shape())) {
                        return in.get(0);
                    }
                    if (is(in.get(0), 0) && in.get(1).shape().equals(out.shape())) {
                        return in.get(1);
                    }
                    Equation d = def(in.get(1));
                    if (isNeg(d)) {
                        emit(new Equation(new PrimitiveOp(new Sub()), List.of(in.get(0), d.inputs().get(0)), out));
                        return out;
                    }
                    Equation c = def(in.get(0));
                    if (isNeg(c)) {
                        emit(new Equation(new PrimitiveOp(new Sub()), List.of(in.get(1), c.inputs().get(0)), out));
                        return out;
                    }
                } else if (p instanceof Sub) {
                    if (is(in.get(1), 0)) {
                        return in.get(0);
                    }
                    if (is(in.get(0), 0)) {
                        emit(new Equation(new PrimitiveOp(new Unary(Elementary.NEG)), List.of(in.get(1)), out));
                        return out;
                    }
                } else if (p instanceof Mul) {
                    if (is(in.get(1), 1)) {
                        return in.get(0);
                    }
                    if (is(in.get(0), 1)) {
                        return in.get(1);
                    }
                    if (is(in.get(1), -1) || is(in.get(0), -1)) {
                        Atom x = is(in.get(1), -1) ? in.get(0) : in.get(1);
                        emit(new Equation(new PrimitiveOp(new Unary(Elementary.NEG)), List.of(x), out));
                        return out;
                    }
                } else if (p instanceof SafeMul) {
                    // t ⊙ d with a literal 1 on either side is the other operand exactly (1 is not a zero)
                    if (is(in.get(1), 1)) {
                        return in.get(0);
                    }
                    if (is(in.get(0), 1)) {
                        return in.get(1);
                    }
                } else if (p instanceof Div) {
                    if (is(in.get(1), 1)) {
                        return in.get(0);
                    }
                } else if (p instanceof Unary u && u.function() instanceof Unary.Affine a) {
                    if (a.scale() == 1 && a.shift() == 0) {
                        return in.get(0);
                    }
                    if (a.scale() == -1 && a.shift() == 0) {
                        emit(new Equation(new PrimitiveOp(new Unary(Elementary.NEG)), List.of(in.get(0)), out));
                        return out;
                    }
                } else if (p instanceof Unary u && u.function() == Elementary.NEG) {
                    Equation d = def(in.get(0));
                    if (isNeg(d)) {
                        return d.inputs().get(0);
                    }
                } else if (p instanceof Transpose t) {
                    Equation d = def(in.get(0));
                    int[] perm = t.perm();
                    Atom x = in.get(0);
                    if (d != null && prim(d) instanceof Transpose inner) {
                        int[] q = new int[perm.length];
                        for (int i = 0; i < q.length; i++) {
                            q[i] = inner.perm()[perm[i]];
                        }
                        perm = q;
                        x = d.inputs().get(0);
                    }
                    if (identity(perm)) {
                        return x;
                    }
                    if (x != in.get(0)) {
                        emit(new Equation(new PrimitiveOp(new Transpose(perm)), List.of(x), out));
                        return out;
                    }
                } else if (p instanceof Reshape r) {
                    if (in.get(0).shape().equals(r.target())) {
                        return in.get(0);
                    }
                    Equation d = def(in.get(0));
                    if (d != null && prim(d) instanceof Reshape) {
                        Atom x = d.inputs().get(0);
                        if (x.shape().equals(r.target())) {
                            return x;
                        }
                        emit(new Equation(e.op(), List.of(x), out));
                        return out;
                    }
                } else if (p instanceof Broadcast b) {
                    if (in.get(0).shape().equals(b.target())) {
                        return in.get(0);
                    }
                }
                return null;
            }
        }.run(g);
    }

    private static Primitive prim(Equation e) {
        return e.op() instanceof PrimitiveOp p ? p.primitive() : null;
    }

    private static boolean identity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }
}
