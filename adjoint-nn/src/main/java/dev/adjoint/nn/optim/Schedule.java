package dev.adjoint.nn.optim;

/** A learning rate as a function of the step number (0, 1, 2, ...). */
@FunctionalInterface
public interface Schedule {

    /** The rate at a step. */
    double rate(int step);

    /** The same rate at every step. */
    static Schedule constant(double rate) {
        return step -> rate;
    }

    /** base·γ^⌊step/every⌋. */
    static Schedule step(double base, int every, double gamma) {
        if (every < 1) {
            throw new IllegalArgumentException("Schedule.step: every must be ≥ 1, got " + every);
        }
        return step -> base * Math.pow(gamma, step / every);
    }

    /** Cosine annealing from base to floor over {@code total} steps, then floor. */
    static Schedule cosine(double base, int total, double floor) {
        if (total < 1) {
            throw new IllegalArgumentException("Schedule.cosine: total must be ≥ 1, got " + total);
        }
        return step -> step >= total ? floor
                : floor + 0.5 * (base - floor) * (1 + Math.cos(Math.PI * step / total));
    }

    /** This schedule scaled by a linear ramp (step + 1)/steps during the first {@code steps} steps. */
    default Schedule withWarmup(int steps) {
        Schedule after = this;
        return step -> step < steps ? after.rate(step) * (step + 1) / steps : after.rate(step);
    }
}
