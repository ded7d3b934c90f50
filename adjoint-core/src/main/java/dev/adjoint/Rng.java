package dev.adjoint;

import java.util.SplittableRandom;

/**
 * A seeded, reproducible random generator (on {@link SplittableRandom}); {@link #split()} gives an independent
 * stream, so parallel or nested code can draw without sharing state.
 */
public final class Rng {

    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** A generator whose draws are determined by {@code seed}. */
    public static Rng seed(long seed) {
        return new Rng(new SplittableRandom(seed));
    }

    /** An independent generator split off this one. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** One uniform draw in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** One standard normal draw. */
    public double normal() {
        return random.nextGaussian();
    }

    /** {@code n} uniform draws in [lo, hi). */
    public double[] uniform(int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = lo + (hi - lo) * random.nextDouble();
        }
        return d;
    }

    /** {@code n} standard normal draws. */
    public double[] normal(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextGaussian();
        }
        return d;
    }
}
