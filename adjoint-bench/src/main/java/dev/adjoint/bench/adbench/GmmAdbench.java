package dev.adjoint.bench.adbench;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.array.Shape;
import dev.adjoint.examples.Gmm;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;

/**
 * ADBench's GMM on its own files: the objective is core's {@link Gmm} (the same one the {@code gmm} workload uses),
 * its gradient with respect to all parameters by reverse mode, flattened in ADBench's order (alphas, means, icf).
 */
public final class GmmAdbench {

    private GmmAdbench() {
    }

    /** The objective and its gradient with respect to (alphas, means, icf). */
    public static ValueAndGrad<Gmm.Params> valueAndGrad(GmmInput in) {
        return Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, in.problem())).apply(in.params());
    }

    /** The objective's value and gradient traced, fused and compiled to JVM bytecode by {@code Jit}. */
    public static CompiledFunction<Gmm.Params, ValueAndGrad<Gmm.Params>> compiled(GmmInput in) {
        return Jit.compile(Ad.valueAndGrad((Gmm.Params q) -> Gmm.objective(q, in.problem())), in.params());
    }

    /** alphas, means and icf, each row-major, one after the other (ADBench's gradient layout). */
    public static double[] flatten(Gmm.Params p) {
        double[] a = p.alphas().toArray();
        double[] m = p.means().toArray();
        double[] q = p.icf().toArray();
        double[] out = new double[a.length + m.length + q.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(m, 0, out, a.length, m.length);
        System.arraycopy(q, 0, out, a.length + m.length, q.length);
        return out;
    }

    /** The inverse of {@link #flatten} for K components in d dimensions. */
    public static Gmm.Params unflatten(double[] v, int k, int d) {
        int t = d * (d + 1) / 2;
        if (v.length != k + k * d + k * t) {
            throw new IllegalArgumentException("GmmAdbench.unflatten: " + v.length + " numbers for K = " + k
                    + ", d = " + d + " (expected " + (k + k * d + k * t) + ")");
        }
        return new Gmm.Params(Tensor.of(java.util.Arrays.copyOfRange(v, 0, k)),
                Tensor.of(Shape.of(k, d), java.util.Arrays.copyOfRange(v, k, k + k * d)),
                Tensor.of(Shape.of(k, t), java.util.Arrays.copyOfRange(v, k + k * d, v.length)));
    }
}
