package dev.adjoint.sparse;

import java.util.Arrays;

/**
 * A colouring of a pattern's columns in which two columns that share a row have different colours (distance-2 in
 * the column-row graph), so the columns of one colour can be seeded together in one JVP and every entry of J read
 * back without overlap (Curtis, Powell and Reid). Immutable.
 */
public final class Colouring {

    private final int[] colours;
    private final int count;

    private Colouring(int[] colours, int count) {
        this.colours = colours;
        this.count = count;
    }

    /**
     * The greedy colouring: columns in order, each takes the smallest colour not used by a column it shares a row
     * with. Uses at most (max row count − 1) · (max column count) + 1 colours; for a banded or block pattern that is
     * about the row count.
     */
    static Colouring greedy(Sparsity p) {
        int n = p.cols();
        int[] ptr = p.ptr();
        int[] idx = p.idx();
        // Column-major view: the rows each column has entries in.
        int[] colPtr = new int[n + 1];
        for (int j : idx) {
            colPtr[j + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] colRows = new int[idx.length];
        int[] fill = Arrays.copyOf(colPtr, n);
        for (int i = 0; i < p.rows(); i++) {
            for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                colRows[fill[idx[e]]++] = i;
            }
        }
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        int[] forbiddenBy = new int[n + 1];
        Arrays.fill(forbiddenBy, -1);
        int count = 0;
        for (int j = 0; j < n; j++) {
            for (int e = colPtr[j]; e < colPtr[j + 1]; e++) {
                int i = colRows[e];
                for (int f = ptr[i]; f < ptr[i + 1]; f++) {
                    int c = colour[idx[f]];
                    if (c >= 0) {
                        forbiddenBy[c] = j;
                    }
                }
            }
            int c = 0;
            while (forbiddenBy[c] == j) {
                c++;
            }
            colour[j] = c;
            count = Math.max(count, c + 1);
        }
        return new Colouring(colour, count);
    }

    /** Number of colours (the number of JVPs that recover J). */
    public int count() {
        return count;
    }

    /** Column j's colour, in [0, count). */
    public int colour(int j) {
        return colours[j];
    }

    /** Every column's colour. A copy. */
    public int[] colours() {
        return colours.clone();
    }

    /** Whether no two columns of the pattern that share a row have the same colour. */
    public boolean isValidFor(Sparsity p) {
        if (p.cols() != colours.length) {
            return false;
        }
        int[] ptr = p.ptr();
        int[] idx = p.idx();
        int[] seenInRow = new int[count];
        Arrays.fill(seenInRow, -1);
        for (int i = 0; i < p.rows(); i++) {
            for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                int c = colours[idx[e]];
                if (seenInRow[c] == i) {
                    return false;
                }
                seenInRow[c] = i;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Colouring[" + colours.length + " columns, " + count + " colours]";
    }
}
