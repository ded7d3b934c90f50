package dev.adjoint.bench;

import java.util.SplittableRandom;

/**
 * The one input generator: {@code n} numbers {@code lo + (hi − lo)·u} where u is
 * {@code new SplittableRandom(seed).nextDouble()} drawn n times, in order.
 *
 * <p>The algorithm is fixed by the JDK (SplitMix64: the state starts at {@code seed} and grows by the golden gamma
 * {@code 0x9e3779b97f4a7c15} per draw; a draw is the state mixed by the Stafford-13 finaliser; u = draw >>> 11 times
 * 2⁻⁵³), so {@code python/compare_torch.py} regenerates the same doubles bit for bit.
 *
 * @param seed the generator's seed
 * @param n    how many numbers
 * @param lo   lower end of the range (inclusive)
 * @param hi   upper end of the range (exclusive, or equal to {@code lo} for a constant)
 */
public record Inputs(long seed, int n, double lo, double hi) {

    /** Checks the range and the count. */
    public Inputs {
        if (n < 0 || !(lo <= hi)) {
            throw new IllegalArgumentException("Inputs: need n >= 0 and lo <= hi, got n=" + n + ", [" + lo + ", " + hi
                    + ")");
        }
    }

    /** The numbers, freshly generated. */
    public double[] generate() {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * random.nextDouble();
        }
        return x;
    }
}
