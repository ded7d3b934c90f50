package dev.adjoint;

import java.util.function.Function;

/**
 * Derivatives checked against central differences on random directions: the JVP against (f(x + hu) − f(x − hu))/2h,
 * the VJP through ⟨w, J u⟩ = ⟨Jᵀ w, u⟩, and the Hessian-vector product of ⟨w, f⟩ against differences of gradients.
 */
public final class GradCheck {

    /** The largest relative errors found (|a − b| / (1 + max |a|, |b|)). */
    public record Report(double forward, double reverse, double secondOrder) {

        /** Whether every error is at most {@code tolerance}. */
        public boolean passed(double tolerance) {
            return forward <= tolerance && reverse <= tolerance && secondOrder <= tolerance;
        }
    }

    private GradCheck() {
    }

    /** Checks f at x along random directions drawn from {@code seed}, with step h = 1e-5. */
    public static Report check(Function<Tensor, Tensor> f, Tensor x, long seed) {
        double h = 1e-5;
        Rng rng = Rng.seed(seed);
        Tensor u = Tensor.uniform(rng, -1, 1, x.shape().dims());
        Tensor y = f.apply(x);
        Tensor w = Tensor.uniform(rng, -1, 1, y.shape().dims());
        Function<Tensor, Tensor> s = v -> f.apply(v).mul(w).sum();
        Tensor fd = central(f, x, u, h);
        double forward = error(Ad.jvp(f, x, u).tangent(), fd);
        Tensor g = Ad.grad(s).apply(x);
        double reverse = error(g.mul(u).sum(), fd.mul(w).sum());
        double second = error(Ad.hvp(s, x, u), central(Ad.grad(s), x, u, h));
        return new Report(forward, reverse, second);
    }

    private static Tensor central(Function<Tensor, Tensor> f, Tensor x, Tensor u, double h) {
        return f.apply(x.add(u.mul(h))).sub(f.apply(x.sub(u.mul(h)))).div(2 * h);
    }

    private static double error(Tensor a, Tensor b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        for (int i = 0; i < x.length; i++) {
            double e = Math.abs(x[i] - y[i]) / scale;
            worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(worst, e);
        }
        return worst;
    }
}
