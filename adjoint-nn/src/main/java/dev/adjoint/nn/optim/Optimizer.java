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
}
