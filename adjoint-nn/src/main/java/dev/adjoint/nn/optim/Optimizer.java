package dev.adjoint.nn.optim;

import dev.adjoint.Tensor;
import java.util.function.Function;

/**
 * An optimiser: one update of the parameters of a scalar objective. Optimisers keep state between steps (moments,
 * curvature pairs, damping), so use one instance per training run.
 *
 * <p><b>Threads.</b> Not thread-safe, since optimisers keep state between steps: one instance per training
 * run, on one thread. Models are immutable records of tensors, so they may be shared between threads.
 */
public interface Optimizer {

    /** One update from {@code params}; the result holds the new parameters and the objective at the old ones. */
    <T> Step<T> step(Function<T, Tensor> objective, T params);

    /** A short name for logs and plots. */
    String name();

    /**
     * The state this optimiser carries between steps, for saving a run ({@code TrainingState}); optimisers that
     * cannot save it say so.
     */
    default OptimizerState state() {
        throw new UnsupportedOperationException(name() + " cannot save its state (it does not implement"
                + " Optimizer.state)");
    }

    /**
     * Continues from a saved state, which is checked whole (family, names, counts) before anything changes; the
     * vectors must be laid out like the parameters the next step receives.
     */
    default void restore(OptimizerState state) {
        throw new UnsupportedOperationException(name() + " cannot restore a saved state (it does not implement"
                + " Optimizer.restore)");
    }
}
