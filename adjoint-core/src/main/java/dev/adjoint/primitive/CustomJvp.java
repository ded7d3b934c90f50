package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.interpret.Batching;
import dev.adjoint.interpret.Vjp;
import java.util.function.Function;

/**
 * A user function with a user forward rule. Forward mode uses the rule; reverse mode differentiates the function
 * itself on a fresh tape. Batching loops over the batch, keeping the rule.
 */
public record CustomJvp(String label, Function<Tensor[], Tensor> function, Rule rule) implements Custom {

    /** The forward rule: the output tangent from the inputs, their tangents (zeros when not perturbed) and y. */
    @FunctionalInterface
    public interface Rule {
        /** ẏ. */
        Tensor jvp(Tensor[] x, Tensor[] tangents, Tensor y);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor[] full = new Tensor[t.length];
        for (int i = 0; i < t.length; i++) {
            full[i] = t[i] != null ? t[i] : Tensor.zerosLike(x[i]);
        }
        return rule.jvp(x, full, y);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Vjp tape = new Vjp();
        Tensor[] watched = new Tensor[x.length];
        Tensor out;
        try {
            for (int i = 0; i < x.length; i++) {
                watched[i] = wanted[i] ? tape.watch(x[i]) : x[i];
            }
            out = function.apply(watched);
        } finally {
            tape.close();
        }
        Tensor[] grads = tape.backward(out, g, watched);
        for (int i = 0; i < x.length; i++) {
            if (!wanted[i]) {
                grads[i] = null;
            }
        }
        return grads;
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Batching.loop(this, x, batched, size);
    }
}
