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
            gemm(a, 0, b, 0, result, 0, batch * m, n, k, false, tb, 0);
        } else {
            for (int i = 0; i < batch; i++) {
                gemm(a, batchA == 1 ? 0 : i * m * k, b, batchB == 1 ? 0 : i * k * n, result, i * m * n,
                        m, n, k, ta, tb, 0);
            }
        }
        return result;
    }

    /** {@link #gemm(double[], int, double[], int, double[], int, int, int, int, boolean, boolean, double)} on the
     * buffers of arrays of one dtype (sgemm for float32). */
    static void gemm(NdArray a, int offA, NdArray b, int offB, NdArray c, int offC, int m, int n, int k,
                     boolean ta, boolean tb, double beta) {
        if (c.f32()) {
            gemm(a.floats, offA, b.floats, offB, c.floats, offC, m, n, k, ta, tb, (float) beta);
        } else {
            gemm(a.data, offA, b.data, offB, c.data, offC, m, n, k, ta, tb, beta);
        }
    }

    /** Row-major C[m,n] = op(A) op(B) as the column-major product Cᵀ = op(B)ᵀ op(A)ᵀ. */
    static void gemm(double[] a, int offA, double[] b, int offB, double[] c, int offC, int m, int n, int k,
                     boolean ta, boolean tb) {
        gemm(a, offA, b, offB, c, offC, m, n, k, ta, tb, 0.0);
    }

    /** Row-major C[m,n] = op(A) op(B) + beta C. */
    static void gemm(double[] a, int offA, double[] b, int offB, double[] c, int offC, int m, int n, int k,
                     boolean ta, boolean tb, double beta) {
        Blas.instance().dgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0, b, offB, tb ? k : n,
                a, offA, ta ? m : k, beta, c, offC, n);
    }

    /** Row-major C[m,n] = op(A) op(B) + beta C in float32 (BLAS sgemm). */
    static void gemm(float[] a, int offA, float[] b, int offB, float[] c, int offC, int m, int n, int k,
                     boolean ta, boolean tb, float beta) {
        Blas.instance().sgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0f, b, offB, tb ? k : n,
                a, offA, ta ? m : k, beta, c, offC, n);
    }
}
