package dev.adjoint.nn;

import dev.adjoint.Rng;

/**
 * Training or evaluation: dropout and batch normalisation behave differently in the two, and dropout draws its
 * masks from the training phase's seeded generator.
 */
public final class Phase {

    private static final Phase EVAL = new Phase(false, null);

    private final boolean training;
    private final Rng rng;

    private Phase(boolean training, Rng rng) {
        this.training = training;
        this.rng = rng;
    }

    /** Evaluation: dropout off, batch normalisation uses its running statistics. */
    public static Phase eval() {
        return EVAL;
    }

    /** Training, drawing random masks from {@code rng}. */
    public static Phase train(Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Phase.train: a random generator is needed (dropout masks)");
        }
        return new Phase(true, rng);
    }

    /** Whether this is training. */
    public boolean training() {
        return training;
    }

    /** The generator for random masks (training only). */
    public Rng rng() {
        if (rng == null) {
            throw new IllegalStateException("Phase: no random generator in evaluation mode");
        }
        return rng;
    }

    @Override
    public String toString() {
        return training ? "train" : "eval";
    }
}
