package dev.adjoint;

import dev.adjoint.interpret.Vjp;

/**
 * Imperative reverse mode, for those who think in PyTorch or TensorFlow terms: open a tape, watch tensors, run
 * code, ask for gradients. Nested tapes give higher derivatives (the inner tape's gradient is recorded by the outer).
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.open()) {
 *     Tensor x = tape.watch(x0);
 *     Tensor y = x.sin().sum();
 *     Tensor dx = tape.gradient(y, x);
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> A tape belongs to the thread that opened it (it is a scope on that thread's
 * interpreter stack); open one per thread.
 */
public final class GradientTape implements AutoCloseable {

    private final Vjp tape = new Vjp();

    private GradientTape() {
    }

    /** Opens a tape (close it with try-with-resources). */
    public static GradientTape open() {
        return new GradientTape();
    }

    /** The tensor as recorded by this tape: use the returned value in the code to differentiate. */
    public Tensor watch(Tensor x) {
        if (!tape.isActive()) {
            throw new IllegalStateException("GradientTape.watch: the tape is closed; open a new tape");
        }
        return tape.watch(x);
    }

    /** ∂(Σ y)/∂x for a watched x (zeros when y does not depend on x). */
    public Tensor gradient(Tensor y, Tensor x) {
        return gradient(y, new Tensor[] {x})[0];
    }

    /** ∂(Σ y)/∂xᵢ for each watched xᵢ. */
    public Tensor[] gradient(Tensor y, Tensor... xs) {
        return vjp(y, Tensor.onesLike(y), xs);
    }

    /** The vector-Jacobian products ⟨cotangent, ∂y/∂xᵢ⟩ for each watched xᵢ (zeros where y does not depend on it). */
    public Tensor[] vjp(Tensor y, Tensor cotangent, Tensor... xs) {
        Tensor[] g = tape.backward(y, cotangent, xs);
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null) {
                g[i] = Tensor.zerosLike(xs[i]);
            }
        }
        return g;
    }

    /** Stops recording; gradients can still be asked for. */
    @Override
    public void close() {
        tape.close();
    }
}
