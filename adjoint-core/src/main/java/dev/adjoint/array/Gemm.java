package dev.adjoint.array;

/**
 * Batched matrix products {@code op(A) op(B)} on row-major arrays through BLAS dgemm, where op transposes the last
 * two axes when asked. Batch axes (all but the last two) must be equal, or one operand must be a plain matrix.
 * Two float32 operands go through sgemm and give float32; otherwise the product is float64.
 */
public final class Gemm {

    private Gemm() {
    }

    /** The result shape, or an error naming the operation and both shapes. */
    public static Shape shape(Shape a, Shape b, boolean ta, boolean tb) {
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: " + a + " @ " + b + ": operands must have rank >= 2");
        }
        int m = a.dim(ta ? -1 : -2);
        int k = a.dim(ta ? -2 : -1);
        int k2 = b.dim(tb ? -1 : -2);
        int n = b.dim(tb ? -2 : -1);
        if (k != k2) {
            throw new IllegalArgumentException("matmul: " + a + (ta ? "ᵀ" : "") + " @ " + b + (tb ? "ᵀ" : "")
                    + ": inner dimensions " + k + " and " + k2 + " differ");
        }
        Shape batchA = a.sub(0, a.rank() - 2);
        Shape batchB = b.sub(0, b.rank() - 2);
        Shape batch;
        if (batchA.equals(batchB) || batchB.rank() == 0) {
            batch = batchA;
        } else if (batchA.rank() == 0) {
            batch = batchB;
        } else {
            throw new IllegalArgumentException("matmul: " + a + " @ " + b + ": batch dimensions " + batchA
                    + " and " + batchB + " differ");
        }
        return batch.concat(Shape.of(m, n));
    }

    /** {@code op(A) op(B)}: sgemm when both are float32, else dgemm (a float32 operand widened). */
    public static NdArray matmul(NdArray a, NdArray b, boolean ta, boolean tb) {
        Shape out = shape(a.shape, b.shape, ta, tb);
        boolean f32 = a.f32() && b.f32();
        if (!f32) {
            a = a.f64();
            b = b.f64();
        }
        int m = out.dim(-2);
        int n = out.dim(-1);
        int k = a.shape.dim(ta ? -2 : -1);
        NdArray result = NdArray.zeros(out, f32 ? DType.FLOAT32 : DType.FLOAT64);
        if (out.size() == 0 || k == 0) {
            return result;
        }
        int batchA = a.shape.size() / (m * k);
        int batchB = b.shape.size() / (k * n);
        int batch = out.size() / (m * n);
        if (batchB == 1 && b.shape.rank() == 2 && !ta) {
            rows(a, 0, b, 0, result, 0, batch * m, n, k, false, tb);
        } else if (batch == 1) {
            rows(a, 0, b, 0, result, 0, m, n, k, ta, tb);
        } else {
            NdArray x = a;
            NdArray y = b;
            Parallel.forRange(batch, (long) m * n * k, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    gemm(x, batchA == 1 ? 0 : i * m * k, y, batchB == 1 ? 0 : i * k * n, result, i * m * n,
                            m, n, k, ta, tb, 0);
                }
            });
        }
        return result;
    }

    /** At most this many row blocks per product: a constant, so the blocks (and the bits) never depend on threads. */
    private static final int MAX_BLOCKS = 8;

    /** Rows per block at least: thinner blocks cost BLAS more in packing than they gain in threads. */
    private static final int MIN_ROWS = 64;

    /**
     * One product C = op(A) op(B) split into blocks of rows of C over {@link Parallel}'s threads, each block one
     * single-threaded BLAS call. Threads live in one place (Parallel; the launcher runs OpenBLAS on one thread), so
     * a product inside a parallel kernel does not oversubscribe the cores, and each row of C is computed by the
     * same call shape for every thread count.
     */
    private static void rows(NdArray a, int offA, NdArray b, int offB, NdArray c, int offC, int m, int n, int k,
                             boolean ta, boolean tb) {
        int blocks = (long) m * n * k < 64L * Parallel.GRAIN ? 1 : Math.max(1, Math.min(MAX_BLOCKS, m / MIN_ROWS));
        int lda = ta ? m : k;
        Parallel.run(m, blocks, (block, from, to) -> {
            // Row r of op(A) starts at r·k (A is [m, k]) or at column r (A is [k, m]).
            int at = offA + (ta ? from : from * k);
            blas(a, at, lda, b, offB, c, offC + from * n, to - from, n, k, ta, tb, 0);
        });
    }

    /** Row-major C[m,n] = op(A) op(B) + beta C on arrays of one dtype. */
    static void gemm(NdArray a, int offA, NdArray b, int offB, NdArray c, int offC, int m, int n, int k,
                     boolean ta, boolean tb, double beta) {
        blas(a, offA, ta ? m : k, b, offB, c, offC, m, n, k, ta, tb, beta);
    }

    /** The BLAS call: row-major C = op(A) op(B) + beta C as the column-major Cᵀ = op(B)ᵀ op(A)ᵀ, sgemm for float32. */
    private static void blas(NdArray a, int offA, int lda, NdArray b, int offB, NdArray c, int offC, int m, int n,
                             int k, boolean ta, boolean tb, double beta) {
        if (c.f32()) {
            Blas.instance().sgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0f, b.floats, offB, tb ? k : n,
                    a.floats, offA, lda, (float) beta, c.floats, offC, n);
        } else {
            Blas.instance().dgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0, b.data, offB, tb ? k : n,
                    a.data, offA, lda, beta, c.data, offC, n);
        }
    }
}
