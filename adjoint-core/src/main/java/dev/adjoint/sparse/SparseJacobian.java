package dev.adjoint.sparse;

import dev.adjoint.Ad;
import dev.adjoint.Linearized;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.util.function.Function;

/**
 * Sparse Jacobians ∂f/∂x (rows: f's output flattened, columns: x flattened). With a known pattern, the columns are
 * coloured once ({@link Colouring}) and J comes from one JVP per colour, all colours in one batched pass over a
 * single recording of f; alternatively J is assembled from dense per-row blocks, e.g. {@code vmap(jacobian)} of a
 * function applied to many small pieces of x.
 */
public final class SparseJacobian {

    private SparseJacobian() {
    }

    /** The Jacobian of f at x with the given pattern, from one JVP per colour of the pattern's columns. */
    public static SparseMatrix of(Function<Tensor, Tensor> f, Tensor x, Sparsity pattern) {
        return of(f, pattern).apply(x);
    }

    /** The Jacobian of f at x, its pattern detected at x first ({@link Sparsity#detect}). */
    public static SparseMatrix detect(Function<Tensor, Tensor> f, Tensor x) {
        return of(f, x, Sparsity.detect(f, x));
    }

    /**
     * x ↦ ∂f/∂x for a fixed pattern: colours and seed vectors are made once, then each call records f once and
     * pushes all colours' seeds through it in one batched JVP.
     */
    public static Function<Tensor, SparseMatrix> of(Function<Tensor, Tensor> f, Sparsity pattern) {
        Colouring colouring = pattern.colouring();
        int n = pattern.cols();
        int k = colouring.count();
        double[] seeds = new double[Math.multiplyExact(k, n)];
        for (int j = 0; j < n; j++) {
            seeds[colouring.colour(j) * n + j] = 1;
        }
        return x -> {
            if (x.size() != n) {
                throw new IllegalArgumentException("SparseJacobian: the pattern has " + n + " columns but x has shape "
                        + x.shape() + " (" + x.size() + " entries)");
            }
            Linearized lin = Ad.linearize(f, x);
            int m = lin.value().size();
            if (m != pattern.rows()) {
                throw new IllegalArgumentException("SparseJacobian: the pattern has " + pattern.rows()
                        + " rows but f's output has shape " + lin.value().shape() + " (" + m + " entries)");
            }
            double[] values = new double[pattern.nnz()];
            if (k > 0) {
                Tensor basis = Tensor.of(Shape.of(k).concat(x.shape()), seeds);
                double[] t = Ad.vmap((Tensor v) -> lin.jvp().apply(v)).apply(basis).toArray();
                int[] ptr = pattern.ptr();
                int[] idx = pattern.idx();
                for (int i = 0; i < m; i++) {
                    for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                        values[e] = t[colouring.colour(idx[e]) * m + i];
                    }
                }
            }
            return SparseMatrix.of(pattern, values);
        };
    }

    /**
     * The matrix assembled from dense blocks: block b, of shape [r, c] in {@code blocks} [B, r, c], goes to rows
     * {@code rowIndex[b]} (length r) and columns {@code colIndex[b]} (length c); entries that land on the same
     * place are summed. Blocks usually come from {@code Ad.vmap(Ad.jacobian(piece))} over B pieces of x.
     */
    public static SparseMatrix fromBlocks(int rows, int cols, Tensor blocks, int[][] rowIndex, int[][] colIndex) {
        if (blocks.shape().rank() != 3) {
            throw new IllegalArgumentException("SparseJacobian.fromBlocks: blocks must be [B, r, c], got shape "
                    + blocks.shape());
        }
        int nb = blocks.dim(0);
        int r = blocks.dim(1);
        int c = blocks.dim(2);
        if (rowIndex.length != nb || colIndex.length != nb) {
            throw new IllegalArgumentException("SparseJacobian.fromBlocks: " + nb + " blocks but " + rowIndex.length
                    + " row-index and " + colIndex.length + " column-index lists");
        }
        double[] v = blocks.toArray();
        int[] ri = new int[v.length];
        int[] ci = new int[v.length];
        int e = 0;
        for (int b = 0; b < nb; b++) {
            if (rowIndex[b].length != r || colIndex[b].length != c) {
                throw new IllegalArgumentException("SparseJacobian.fromBlocks: block " + b + " is " + r + " x " + c
                        + " but has " + rowIndex[b].length + " row and " + colIndex[b].length + " column indices");
            }
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    ri[e] = rowIndex[b][i];
                    ci[e++] = colIndex[b][j];
                }
            }
        }
        return SparseMatrix.fromCoo(rows, cols, ri, ci, v);
    }
}
