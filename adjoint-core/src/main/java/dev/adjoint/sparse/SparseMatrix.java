package dev.adjoint.sparse;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.util.Arrays;

/**
 * An immutable sparse m × n matrix: a {@link Sparsity} pattern and one value per entry, stored row by row (CSR),
 * with a COO view ({@link #rowIndices()}, {@link #columnIndices()}, {@link #values()}) of the same entries.
 */
public final class SparseMatrix {

    private final Sparsity pattern;
    private final double[] values;

    private SparseMatrix(Sparsity pattern, double[] values) {
        this.pattern = pattern;
        this.values = values;
    }

    /** The matrix with these values, in the pattern's CSR order (one per entry). */
    public static SparseMatrix of(Sparsity pattern, double[] values) {
        if (values.length != pattern.nnz()) {
            throw new IllegalArgumentException("SparseMatrix.of: " + values.length + " values for a pattern with "
                    + pattern.nnz() + " entries");
        }
        return new SparseMatrix(pattern, values.clone());
    }

    /** The matrix from COO triplets; values at repeated (row, column) pairs are summed. */
    public static SparseMatrix fromCoo(int rows, int cols, int[] rowIndex, int[] colIndex, double[] values) {
        if (values.length != rowIndex.length) {
            throw new IllegalArgumentException("SparseMatrix.fromCoo: " + rowIndex.length + " index pairs but "
                    + values.length + " values");
        }
        Sparsity p = Sparsity.of(rows, cols, rowIndex, colIndex);
        if (p.nnz() == values.length && Sparsity.strictlyIncreasing(Sparsity.keys(cols, rowIndex, colIndex))) {
            return new SparseMatrix(p, values.clone());   // already in CSR order: nothing to place
        }
        double[] v = new double[p.nnz()];
        int[] ptr = p.ptr();
        int[] idx = p.idx();
        for (int e = 0; e < values.length; e++) {
            int r = rowIndex[e];
            v[Arrays.binarySearch(idx, ptr[r], ptr[r + 1], colIndex[e])] += values[e];
        }
        return new SparseMatrix(p, v);
    }

    /** The nonzero entries of a matrix (a rank-2 tensor). */
    public static SparseMatrix fromDense(Tensor matrix) {
        Sparsity p = Sparsity.ofNonzeros(matrix);
        double[] a = matrix.toArray();
        double[] v = new double[p.nnz()];
        int n = p.cols();
        int[] ptr = p.ptr();
        int[] idx = p.idx();
        for (int i = 0; i < p.rows(); i++) {
            for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                v[e] = a[i * n + idx[e]];
            }
        }
        return new SparseMatrix(p, v);
    }

    /** The matrices on top of each other (the rows of the first, then the second's, …); all have equal columns. */
    public static SparseMatrix stackRows(SparseMatrix... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("SparseMatrix.stackRows: no matrices");
        }
        int cols = parts[0].cols();
        int rows = 0;
        int nnz = 0;
        for (SparseMatrix a : parts) {
            if (a.cols() != cols) {
                throw new IllegalArgumentException("SparseMatrix.stackRows: " + a.rows() + " x " + a.cols()
                        + " under a matrix with " + cols + " columns");
            }
            rows += a.rows();
            nnz += a.nnz();
        }
        int[] r = new int[nnz];
        int[] c = new int[nnz];
        double[] v = new double[nnz];
        int e = 0;
        int offset = 0;
        for (SparseMatrix a : parts) {
            int[] ri = a.rowIndices();
            System.arraycopy(a.pattern.idx(), 0, c, e, a.nnz());
            System.arraycopy(a.values, 0, v, e, a.nnz());
            for (int k = 0; k < ri.length; k++) {
                r[e + k] = ri[k] + offset;
            }
            e += a.nnz();
            offset += a.rows();
        }
        return fromCoo(rows, cols, r, c, v);
    }

    /** The pattern. */
    public Sparsity pattern() {
        return pattern;
    }

    /** Number of rows. */
    public int rows() {
        return pattern.rows();
    }

    /** Number of columns. */
    public int cols() {
        return pattern.cols();
    }

    /** Number of stored entries. */
    public int nnz() {
        return values.length;
    }

    /** The values in CSR (and COO) order. A copy. */
    public double[] values() {
        return values.clone();
    }

    /** CSR row pointers (length rows + 1). A copy. */
    public int[] rowPointers() {
        return pattern.rowPointers();
    }

    /** CSR (and COO) column indices. A copy. */
    public int[] columnIndices() {
        return pattern.columnIndices();
    }

    /** COO row indices. */
    public int[] rowIndices() {
        return pattern.rowIndices();
    }

    /** Entry (i, j): its stored value, or 0 outside the pattern. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows() || j < 0 || j >= cols()) {
            throw new IndexOutOfBoundsException("SparseMatrix.get(" + i + ", " + j + ") outside " + rows() + " x "
                    + cols());
        }
        int[] ptr = pattern.ptr();
        int e = Arrays.binarySearch(pattern.idx(), ptr[i], ptr[i + 1], j);
        return e >= 0 ? values[e] : 0;
    }

    /** The matrix-vector product A v. */
    public double[] multiply(double[] v) {
        if (v.length != cols()) {
            throw new IllegalArgumentException("SparseMatrix.multiply: vector of length " + v.length + " for a "
                    + rows() + " x " + cols() + " matrix");
        }
        int[] ptr = pattern.ptr();
        int[] idx = pattern.idx();
        double[] out = new double[rows()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                s += values[e] * v[idx[e]];
            }
            out[i] = s;
        }
        return out;
    }

    /** The dense matrix (for small matrices and tests). */
    public Tensor toDense() {
        int n = cols();
        double[] a = new double[Math.multiplyExact(rows(), n)];
        int[] ptr = pattern.ptr();
        int[] idx = pattern.idx();
        for (int i = 0; i < rows(); i++) {
            for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                a[i * n + idx[e]] = values[e];
            }
        }
        return Tensor.of(Shape.of(rows(), n), a);
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + rows() + " x " + cols() + ", " + nnz() + " entries]";
    }
}
