package dev.adjoint.spark;

import java.io.Serializable;

/**
 * One partition's share of a pass, or the sum of several: Σ nᵢ·Lᵢ, Σ nᵢ·∇Lᵢ (flat, in {@code Flat}'s order), the
 * number of examples, correct predictions and compute time. What treeAggregate moves is this: one
 * {@code double[]} and five numbers. Adding mutates the receiver (Spark's aggregate contract allows it), and the
 * zero value has no gradient array, so empty partitions send a few bytes.
 */
final class Partial implements Serializable {

    private static final long serialVersionUID = 1L;

    double lossSum;
    long examples;
    long correct;
    double[] grad;
    long maxNanos;
    long totalNanos;

    /** The zero value: no examples, no gradient. */
    Partial() {
    }

    /** Adds a block's mean loss and mean gradient with weight n. */
    void addBlock(double meanLoss, double[] meanGrad, int n, long correctPredictions) {
        lossSum += n * meanLoss;
        examples += n;
        correct += correctPredictions;
        if (meanGrad != null) {
            if (grad == null) {
                grad = new double[meanGrad.length];
            }
            for (int i = 0; i < grad.length; i++) {
                grad[i] += n * meanGrad[i];
            }
        }
    }

    /** this + other, in place; returns this. */
    Partial add(Partial other) {
        lossSum += other.lossSum;
        examples += other.examples;
        correct += other.correct;
        maxNanos = Math.max(maxNanos, other.maxNanos);
        totalNanos += other.totalNanos;
        if (other.grad != null) {
            if (grad == null) {
                grad = other.grad.clone();
            } else {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] += other.grad[i];
                }
            }
        }
        return this;
    }

    /** The mean loss over all examples. */
    double meanLoss() {
        return examples == 0 ? Double.NaN : lossSum / examples;
    }

    /** The mean gradient over all examples ({@code size} zeros if there were none). */
    double[] meanGrad(int size) {
        double[] g = new double[size];
        if (grad != null && examples > 0) {
            for (int i = 0; i < size; i++) {
                g[i] = grad[i] / examples;
            }
        }
        return g;
    }

    /** The fraction of correct predictions. */
    double accuracy() {
        return examples == 0 ? Double.NaN : (double) correct / examples;
    }
}
