package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.interpret.Batching;
import dev.adjoint.interpret.Jvp;
import java.util.function.Function;

/**
 * A user function with a user reverse rule. Reverse mode uses the rule; forward mode (and so forward-over-reverse
 * Hessians) differentiates the function itself, unless a forward rule is given, and the rules, being tensor code,
 * are differentiated like any other code when a Hessian needs their derivative. Batching loops over the batch,
 * keeping the rules.
 *
 * @param forward the output's tangent, or null to differentiate {@code function} as it runs (a structured loop
 *                gives a rule so that its tangent is again one loop, not the unrolled body)
 */
public record CustomVjp(String label, Function<Tensor[], Tensor> function, Rule rule, ForwardRule forward)
        implements Custom {

    /** A user function with a reverse rule; forward mode differentiates the function. */
    public CustomVjp(String label, Function<Tensor[], Tensor> function, Rule rule) {
        this(label, function, rule, null);
    }

    /** The reverse rule: cotangents of the inputs from the inputs, the output and the output's cotangent. */
    @FunctionalInterface
    public interface Rule {
        /** x̄ for each input (null for zero). */
        Tensor[] vjp(Tensor[] x, Tensor y, Tensor cotangent);
    }

    /** The forward rule: the output's tangent from the inputs, their tangents (null for zero) and the output. */
    @FunctionalInterface
    public interface ForwardRule {
        /** ẏ. */
        Tensor jvp(Tensor[] x, Tensor[] tangents, Tensor y);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (forward != null) {
            Tensor tangent = forward.jvp(x, t, y);
            if (tangent != null && !tangent.shape().equals(y.shape())) {
                throw new IllegalStateException(label + ": forward rule returned a tangent of shape "
                        + tangent.shape() + " for an output of shape " + y.shape());
            }
            return tangent;
        }
        try (Jvp jvp = new Jvp()) {
            Tensor[] seeded = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) {
                seeded[i] = t[i] == null ? x[i] : jvp.seed(x[i], t[i]);
            }
            return jvp.tangentOrNull(function.apply(seeded));
        }
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor[] r = rule.vjp(x, y, g);
        if (r.length != x.length) {
            throw new IllegalStateException(label + ": custom VJP rule returned " + r.length
                    + " cotangents for " + x.length + " inputs");
        }
        for (int i = 0; i < r.length; i++) {
            if (r[i] != null && !r[i].shape().equals(x[i].shape())) {
                throw new IllegalStateException(label + ": custom VJP rule returned a cotangent of shape "
                        + r[i].shape() + " for input " + i + " of shape " + x[i].shape());
            }
            if (!wanted[i]) {
                r[i] = null;
            }
        }
        return r;
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Batching.loop(this, x, batched, size);
    }
}
