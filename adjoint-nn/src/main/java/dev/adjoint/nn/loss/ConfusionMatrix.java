package dev.adjoint.nn.loss;

import java.util.Arrays;

/** Counts of (true class, predicted class) pairs; rows are true classes. */
public final class ConfusionMatrix {

    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /** The matrix for k classes from true and predicted classes. */
    public static ConfusionMatrix of(int k, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("confusion: " + truth.length + " labels but " + predicted.length
                    + " predictions");
        }
        int[][] c = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /** The number of classes. */
    public int classes() {
        return counts.length;
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** The fraction on the diagonal. */
    public double accuracy() {
        long total = 0;
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                total += counts[i][j];
                if (i == j) {
                    right += counts[i][j];
                }
            }
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /** The fraction of class {@code k}'s examples predicted as k. */
    public double recall(int k) {
        int row = Arrays.stream(counts[k]).sum();
        return row == 0 ? 0 : (double) counts[k][k] / row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix && Arrays.deepEquals(counts, ((ConfusionMatrix) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** The table, rows true classes and columns predictions. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("true\\pred");
        for (int j = 0; j < counts.length; j++) {
            sb.append(String.format("%7d", j));
        }
        sb.append('\n');
        for (int i = 0; i < counts.length; i++) {
            sb.append(String.format("%9d", i));
            for (int j = 0; j < counts.length; j++) {
                sb.append(String.format("%7d", counts[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
