package dev.adjoint.examples.programs;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.examples.Rosenbrock;
import java.util.function.Function;

/**
 * Hessian-vector products of the Rosenbrock function by forward over reverse ({@code Ad.hvp}), which never forms
 * the Hessian, against the full Hessian times v and against differences of gradients.
 */
public final class Hvp {

    private Hvp() {
    }

    /** Computes H·v three ways and checks that they agree. */
    public static void main(String[] args) {
        int n = 60;
        Function<Tensor, Tensor> f = Rosenbrock::value;
        Tensor x = Rosenbrock.point(n, 1);
        Tensor v = Tensor.randn(Rng.seed(2), n);
        Tensor hv = Ad.hvp(f, x, v);
        Tensor full = Ad.hessian(f).apply(x).matmul(v.reshape(n, 1)).reshape(n);
        double h = 1e-5;
        Function<Tensor, Tensor> grad = Ad.grad(f);
        Tensor differences = grad.apply(x.add(v.mul(h))).sub(grad.apply(x.sub(v.mul(h)))).div(2 * h);
        System.out.printf("n = %d, |Hv| = %.6g, first entries %s%n", n, hv.norm().item(), hv.slice(0, 0, 3));
        Check.that(Check.maxError(hv.toArray(), full.toArray()) < 1e-12, "Ad.hvp equals the Hessian (" + n + "×" + n
                + ") times v");
        Check.that(Check.maxError(hv.toArray(), differences.toArray()) < 1e-6,
                "Ad.hvp matches central differences of the gradient");
        Tensor u = Tensor.randn(Rng.seed(3), n);
        Check.close(Ad.hvp(f, x, u).mul(v).sum().item(), hv.mul(u).sum().item(), 1e-12,
                "the Hessian is symmetric: uᵀ(Hv) = vᵀ(Hu)");
    }
}
