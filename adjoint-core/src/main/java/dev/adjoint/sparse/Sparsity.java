package dev.adjoint.sparse;

import dev.adjoint.Ad;
import dev.adjoint.Linearized;
import dev.adjoint.Tensor;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The nonzero pattern of an m × n matrix in compressed-row form: which columns each row may have an entry in.
 * Immutable; rows are sorted, with no repeated columns.
 */
public final class Sparsity {

    private final int rows;
    private final int cols;
    private final int[] rowPointers;
    private final int[] columnIndices;

    private Sparsity(int rows, int cols, int[] rowPointers, int[] columnIndices) {
        this.rows = rows;
        this.cols = cols;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
    }

    /** The pattern with an entry at each (rowIndex[e], colIndex[e]); repeated pairs count once. */
    public static Sparsity of(int rows, int cols, int[] rowIndex, int[] colIndex) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Sparsity.of: negative size " + rows + " x " + cols);
        }
        if (rowIndex.length != colIndex.length) {
            throw new IllegalArgumentException("Sparsity.of: " + rowIndex.length + " row indices but "
                    + colIndex.length + " column indices");
        }
        long[] keys = new long[rowIndex.length];
        for (int e = 0; e < keys.length; e++) {
            check(rowIndex[e], rows, "row", e);
            check(colIndex[e], cols, "column", e);
            keys[e] = (long) rowIndex[e] * cols + colIndex[e];
        }
        if (!strictlyIncreasing(keys)) {
            Arrays.sort(keys);
        }
        int[] ptr = new int[rows + 1];
        int[] idx = new int[keys.length];
        int nnz = 0;
        for (int e = 0; e < keys.length; e++) {
            if (e > 0 && keys[e] == keys[e - 1]) {
                continue;
            }
            int r = (int) (keys[e] / cols);
            idx[nnz++] = (int) (keys[e] % cols);
            ptr[r + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            ptr[r + 1] += ptr[r];
        }
        return new Sparsity(rows, cols, ptr, Arrays.copyOf(idx, nnz));
    }

    /** Whether the keys are already in CSR order without repeats (then no sort is needed). */
    static boolean strictlyIncreasing(long[] keys) {
        for (int e = 1; e < keys.length; e++) {
            if (keys[e] <= keys[e - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The CSR keys row · cols + column of COO pairs (unchecked). */
    static long[] keys(int cols, int[] rowIndex, int[] colIndex) {
        long[] keys = new long[rowIndex.length];
        for (int e = 0; e < keys.length; e++) {
            keys[e] = (long) rowIndex[e] * cols + colIndex[e];
        }
        return keys;
    }

    private static void check(int index, int size, String what, int entry) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Sparsity.of: entry " + entry + " has " + what + " index " + index
                    + ", outside [0, " + size + ")");
        }
    }

    /** The pattern of the nonzero entries of a matrix (a rank-2 tensor). */
    public static Sparsity ofNonzeros(Tensor matrix) {
        if (matrix.shape().rank() != 2) {
            throw new IllegalArgumentException("Sparsity.ofNonzeros: expected a matrix, got shape " + matrix.shape());
        }
        int m = matrix.dim(0);
        int n = matrix.dim(1);
        double[] a = matrix.toArray();
        int nnz = 0;
        for (double v : a) {
            nnz += v != 0 ? 1 : 0;
        }
        int[] r = new int[nnz];
        int[] c = new int[nnz];
        int e = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i * n + j] != 0) {
                    r[e] = i;
                    c[e++] = j;
                }
            }
        }
        return of(m, n, r, c);
    }

    /**
     * The pattern of ∂f/∂x at x (rows: f's output flattened, columns: x flattened), from one recorded evaluation
     * of f whose linearisation is applied to the unit vectors, {@code chunk} at a time in one batched pass each.
     * An entry that happens to be exactly zero at x is left out, so pass a generic point (e.g. random), not one with
     * special values such as zeros.
     */
    public static Sparsity detect(Function<Tensor, Tensor> f, Tensor x) {
        Linearized lin = Ad.linearize(f, x);
        int n = x.size();
        int m = lin.value().size();
        int chunk = Math.max(1, Math.min(n, (1 << 22) / Math.max(1, m)));
        int[] counts = new int[0];
        int[] rowsOf = new int[16];
        int[] colsOf = new int[16];
        int nnz = 0;
        for (int start = 0; start < n; start += chunk) {
            int w = Math.min(chunk, n - start);
            double[] seeds = new double[w * n];
            for (int k = 0; k < w; k++) {
                seeds[k * n + start + k] = 1;
            }
            Tensor basis = Tensor.of(dev.adjoint.array.Shape.of(w).concat(x.shape()), seeds);
            double[] t = Ad.vmap((Tensor v) -> lin.jvp().apply(v)).apply(basis).toArray();
            for (int k = 0; k < w; k++) {
                for (int i = 0; i < m; i++) {
                    if (t[k * m + i] != 0) {
                        if (nnz == rowsOf.length) {
                            rowsOf = Arrays.copyOf(rowsOf, 2 * nnz);
                            colsOf = Arrays.copyOf(colsOf, 2 * nnz);
                        }
                        rowsOf[nnz] = i;
                        colsOf[nnz++] = start + k;
                    }
                }
            }
        }
        return of(m, n, Arrays.copyOf(rowsOf, nnz), Arrays.copyOf(colsOf, nnz));
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of entries. */
    public int nnz() {
        return columnIndices.length;
    }

    /** CSR row pointers (length rows + 1): row i's entries are at [ptr[i], ptr[i+1]). A copy. */
    public int[] rowPointers() {
        return rowPointers.clone();
    }

    /** CSR column indices, row by row, ascending within a row. A copy. */
    public int[] columnIndices() {
        return columnIndices.clone();
    }

    /** COO row indices, in the order of {@link #columnIndices()}. */
    public int[] rowIndices() {
        int[] r = new int[nnz()];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(r, rowPointers[i], rowPointers[i + 1], i);
        }
        return r;
    }

    /** The most entries any row has. */
    public int maxRowCount() {
        int max = 0;
        for (int i = 0; i < rows; i++) {
            max = Math.max(max, rowPointers[i + 1] - rowPointers[i]);
        }
        return max;
    }

    /** Whether (i, j) is in the pattern. */
    public boolean contains(int i, int j) {
        return i >= 0 && i < rows && Arrays.binarySearch(columnIndices, rowPointers[i], rowPointers[i + 1], j) >= 0;
    }

    /** The greedy distance-2 colouring of the columns (columns sharing a row get different colours). */
    public Colouring colouring() {
        return Colouring.greedy(this);
    }

    // Shared, unchecked access for this package's kernels.
    int[] ptr() {
        return rowPointers;
    }

    int[] idx() {
        return columnIndices;
    }

    @Override
    public String toString() {
        return "Sparsity[" + rows + " x " + cols + ", " + nnz() + " entries]";
    }
}
