package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;
import dev.adjoint.primitive.Primitive;

/**
 * Forward mode: each traced value carries a primal and a tangent; a primitive's output tangent comes from its JVP
 * rule. Tangents that are zero are not carried at all (the value is then simply not traced).
 */
public final class Jvp extends Interpreter {

    private static final class JvpTracer extends Tracer {
        final Tensor primal;
        final Tensor tangent;

        JvpTracer(Jvp owner, Tensor primal, Tensor tangent) {
            super(owner);
            this.primal = primal;
            this.tangent = tangent;
        }

        @Override
        public Shape shape() {
            return primal.shape();
        }

        @Override
        public DType dtype() {
            return primal.dtype();
        }

        @Override
        public Tensor primal() {
            return primal;
        }
    }

    /** Opens a forward-mode scope. */
    public Jvp() {
        super("jvp");
    }

    /** {@code x} perturbed in direction {@code tangent} (same shape). */
    public Tensor seed(Tensor x, Tensor tangent) {
        if (!x.shape().equals(tangent.shape())) {
            throw new IllegalArgumentException("jvp: tangent shape " + tangent.shape() + " differs from primal shape "
                    + x.shape());
        }
        // A tangent has its primal's dtype (a float32 input is perturbed in float32).
        return Tensor.traced(new JvpTracer(this, x, tangent.astype(x.dtype())));
    }

    private JvpTracer mine(Tensor t) {
        Tracer tr = t.tracer();
        return tr != null && tr.owner() == this ? (JvpTracer) tr : null;
    }

    /** The primal of a value computed in this scope. */
    public Tensor primalOf(Tensor y) {
        JvpTracer t = mine(y);
        return t == null ? y : t.primal;
    }

    /** The tangent of a value computed in this scope, or null when it is zero. */
    public Tensor tangentOrNull(Tensor y) {
        JvpTracer t = mine(y);
        return t == null ? null : t.tangent;
    }

    /** The tangent of a value computed in this scope (zeros when it does not depend on the seeds). */
    public Tensor tangentOf(Tensor y) {
        Tensor t = tangentOrNull(y);
        return t == null ? Tensor.zerosLike(primalOf(y)) : t;
    }

    @Override
    protected Tensor process(Primitive p, Tensor[] args) {
        Tensor[] primals = new Tensor[args.length];
        Tensor[] tangents = new Tensor[args.length];
        boolean any = false;
        for (int i = 0; i < args.length; i++) {
            JvpTracer t = mine(args[i]);
            primals[i] = t == null ? args[i] : t.primal;
            tangents[i] = t == null ? null : t.tangent;
            any |= t != null;
        }
        Tensor out = Interpreter.bind(p, primals);
        if (!any || !tracking()) {
            return out;
        }
        Tensor tangent = p.jvp(primals, tangents, out);
        return tangent == null ? out : Tensor.traced(new JvpTracer(this, out, tangent.astype(out.dtype())));
    }
}
