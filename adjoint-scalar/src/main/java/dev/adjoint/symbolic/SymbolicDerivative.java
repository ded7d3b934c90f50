package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The symbolic derivative of an {@link Expr}: the chain rule applied node by node, with each table row's own
 * {@code derivative} (written in {@code Real} operations) run on expressions, so there are no per-function rules
 * here. Each distinct node is differentiated once, so shared subexpressions stay shared and the result is a DAG
 * whose size grows like the input's; its size as a tree is what a symbolic system without sharing would build.
 *
 * <p>The result is the chain rule as written, except that terms whose tangent is zero are dropped, unit factors
 * are not written, and a factor −1 becomes a negation; {@link Simplifier} does the rest.
 */
public final class SymbolicDerivative {

    private final String variable;
    private final Map<Expr, Expr> memo = new IdentityHashMap<>();

    private SymbolicDerivative(String variable) {
        this.variable = variable;
    }

    /** ∂e/∂variable as an expression (the constant 0 when e does not depend on it). */
    public static Expr of(Expr e, String variable) {
        Expr d = new SymbolicDerivative(variable).tangent(e);
        return d == null ? Constant.of(0) : d;
    }

    /** The tangent of e, or null for "identically zero" (e does not depend on the variable); iterative. */
    private Expr tangent(Expr root) {
        for (Expr e : Exprs.postOrder(root)) {
            Expr d;
            if (e instanceof Constant) {
                d = null;
            } else if (e instanceof Variable v) {
                d = v.name().equals(variable) ? Constant.of(1) : null;
            } else if (e instanceof Unary u) {
                Expr da = memo.get(u.arg());
                d = da == null ? null : times((Expr) u.function().derivative(u.arg()), da);
            } else {
                BinaryExpr b = (BinaryExpr) e;
                Expr da = memo.get(b.left());
                Expr db = memo.get(b.right());
                Expr left = da == null ? null : times((Expr) b.function().derivativeX(b.left(), b.right()), da);
                Expr right = db == null ? null : times((Expr) b.function().derivativeY(b.left(), b.right()), db);
                d = left == null ? right : right == null ? left : new BinaryExpr(Binary.ADD, left, right);
            }
            memo.put(e, d);
        }
        return memo.get(root);
    }

    /** partial · tangent, without writing a factor 1; a factor −1 becomes a negation; a zero partial drops the term. */
    private static Expr times(Expr partial, Expr tangent) {
        if (isConstant(partial, 0)) {
            return null;
        }
        if (isConstant(tangent, 1)) {
            return partial;
        }
        if (isConstant(partial, 1)) {
            return tangent;
        }
        if (isConstant(partial, -1)) {
            return new Unary(Elementary.NEG, tangent);
        }
        return new BinaryExpr(Binary.MUL, partial, tangent);
    }

    private static boolean isConstant(Expr e, double c) {
        return e instanceof Constant k && k.number() == c;
    }
}
