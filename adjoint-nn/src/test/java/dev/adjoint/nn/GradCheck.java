package dev.adjoint.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.function.Function;

/**
 * Finite-difference checks of derivatives of a scalar function of a structure, along seeded random directions:
 * reverse mode ⟨∇f, u⟩ and forward mode ∂f·u against central differences, and the Hessian-vector product
 * (forward over reverse) against central differences of the gradient.
 */
public final class GradCheck {

    private static final double H = 1e-5;

    private GradCheck() {
    }

    /** First order in both modes; with {@code second}, also H·u. */
    public static <T> void check(Function<T, Tensor> f, T at, long seed, boolean second) {
        Flat<T> flat = Flat.of(at);
        double[] x = flat.pack(at);
        Function<Tensor, Tensor> g = v -> f.apply(flat.unflatten(v));
        double[] grad = flat.pack(Ad.valueAndGrad(f).apply(at).grad());
        Rng rng = Rng.seed(seed);
        for (int k = 0; k < 3; k++) {
            double[] u = rng.normal(x.length);
            double fd = (value(f, flat, axpy(x, H, u)) - value(f, flat, axpy(x, -H, u))) / (2 * H);
            double rev = dot(grad, u);
            double fwd = Ad.jvp(g, Tensor.of(x), Tensor.of(u)).tangent().item();
            double tol = 1e-6 * Math.max(1, Math.abs(fd));
            assertThat(rev).as("reverse mode ⟨∇f, u⟩ vs central difference").isCloseTo(fd,
                    org.assertj.core.api.Assertions.within(tol));
            assertThat(fwd).as("forward mode ∂f·u vs central difference").isCloseTo(fd,
                    org.assertj.core.api.Assertions.within(tol));
            if (second) {
                double[] hu = Ad.hvp(g, Tensor.of(x), Tensor.of(u)).toArray();
                Function<Tensor, Tensor> grad1 = Ad.grad(g);
                double[] gp = grad1.apply(Tensor.of(axpy(x, H, u))).toArray();
                double[] gm = grad1.apply(Tensor.of(axpy(x, -H, u))).toArray();
                double scale = 1;
                for (int i = 0; i < hu.length; i++) {
                    scale = Math.max(scale, Math.abs((gp[i] - gm[i]) / (2 * H)));
                }
                for (int i = 0; i < hu.length; i++) {
                    double fdi = (gp[i] - gm[i]) / (2 * H);
                    assertThat(hu[i]).as("Hessian-vector product component %d vs central difference of ∇f", i)
                            .isCloseTo(fdi, org.assertj.core.api.Assertions.within(2e-5 * scale));
                }
            }
        }
    }

    private static <T> double value(Function<T, Tensor> f, Flat<T> flat, double[] x) {
        return f.apply(flat.unpack(x)).item();
    }

    private static double[] axpy(double[] x, double a, double[] u) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += a * u[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
