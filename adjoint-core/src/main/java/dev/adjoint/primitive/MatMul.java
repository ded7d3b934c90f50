package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.Gemm;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/**
 * C = op(A) op(B) over the last two axes (op transposes when the flag is set), batched over equal leading axes or
 * with one plain matrix, through BLAS. Bilinear: Ċ = op(Ȧ) op(B) + op(A) op(Ḃ); for C = A B, Ā = C̄ Bᵀ and
 * B̄ = Aᵀ C̄, expressed with the flags so that no transpose is copied.
 */
public record MatMul(boolean transposeA, boolean transposeB) implements Primitive {

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public Shape shape(Shape... in) {
        return Gemm.shape(in[0], in[1], transposeA, transposeB);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return Gemm.matmul(x[0], x[1], transposeA, transposeB);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor a = t[0] == null ? null : Interpreter.bind(this, t[0], x[1]);
        Tensor b = t[1] == null ? null : Interpreter.bind(this, x[0], t[1]);
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor a = x[0];
        Tensor b = x[1];
        Tensor ga = null;
        Tensor gb = null;
        if (wanted[0]) {
            ga = transposeA ? Interpreter.bind(new MatMul(transposeB, true), b, g)
                    : Interpreter.bind(new MatMul(false, !transposeB), g, b);
            ga = fit(ga, a.shape());
        }
        if (wanted[1]) {
            gb = transposeB ? Interpreter.bind(new MatMul(true, transposeA), g, a)
                    : Interpreter.bind(new MatMul(!transposeA, false), a, g);
            gb = fit(gb, b.shape());
        }
        return new Tensor[] {ga, gb};
    }

    /** Sums the batch axes a plain-matrix operand was reused over. */
    private static Tensor fit(Tensor t, Shape s) {
        int extra = t.shape().rank() - s.rank();
        if (extra == 0) {
            return t;
        }
        int[] axes = new int[extra];
        for (int i = 0; i < extra; i++) {
            axes[i] = i;
        }
        return Interpreter.bind(new Sum(axes, false), t);
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        Shape batchA = x[0].shape().sub(batched[0] ? 1 : 0, x[0].shape().rank() - 2);
        Shape batchB = x[1].shape().sub(batched[1] ? 1 : 0, x[1].shape().rank() - 2);
        Shape batch = Shape.of(size).concat(batchA.rank() > 0 ? batchA : batchB);
        Tensor a = expand(x[0], batched[0], batched[1], batch);
        Tensor b = expand(x[1], batched[1], batched[0], batch);
        return Interpreter.bind(this, a, b);
    }

    /** The operand broadcast to the full batch, unless it is a plain matrix the kernel can reuse. */
    private static Tensor expand(Tensor t, boolean batched, boolean otherBatched, Shape batch) {
        Shape s = t.shape();
        Shape mat = s.sub(s.rank() - 2, s.rank());
        if (!batched && s.rank() == 2 && otherBatched) {
            return t;
        }
        Shape current = s.sub(0, s.rank() - 2);
        if (current.equals(batch)) {
            return t;
        }
        if (batched) {
            int[] d = new int[batch.rank() + 2];
            java.util.Arrays.fill(d, 1);
            d[0] = current.dim(0);
            d[d.length - 2] = mat.dim(0);
            d[d.length - 1] = mat.dim(1);
            t = t.reshape(Shape.of(d));
        }
        return t.broadcastTo(batch.concat(mat));
    }
}
