package dev.adjoint.spark;

import dev.adjoint.Rng;
import dev.adjoint.nn.data.Dataset;
import java.io.Serializable;

/**
 * Which rows of each block a training step uses. Every epoch each block is shuffled by a generator seeded from
 * (seed, epoch, partition, block), and step i of S takes the i-th of S near-equal slices: each example is seen once
 * per epoch, and a retried task draws the same rows, because everything follows from the numbers.
 */
record Selection(long seed, int epoch, int step, int steps) implements Serializable {

    /** The rows of block {@code block} of partition {@code partition} for this step, with their dropout seed. */
    Batch rows(Batch b, int partition, int block) {
        int n = b.size();
        int[] order = Dataset.permutation(n, Rng.seed(mix(seed, epoch, partition, block)));
        int from = SparkData.start(n, steps, step);
        int to = SparkData.start(n, steps, step + 1);
        int[] idx = new int[to - from];
        System.arraycopy(order, from, idx, 0, idx.length);
        return b.rows(idx, mix(seed ^ 0x5DEECE66DL, epoch, partition, block) + step);
    }

    /** A well-spread hash of a few numbers (SplitMix64's finaliser after each one). */
    static long mix(long seed, long... parts) {
        long h = seed;
        for (long p : parts) {
            h = finish(h + 0x9E3779B97F4A7C15L * (p + 1));
        }
        return h;
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
