package dev.adjoint.examples.programs;

import dev.adjoint.Ad;
import dev.adjoint.GradCheck;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.function.Function;

/**
 * A user reverse rule: the Euclidean norm ‖x‖, whose derivative x/‖x‖ is 0/0 at the origin, gets the rule
 * x̄ = ȳ·x/max(‖x‖, tiny), which gives the subgradient 0 there. The rule is tensor code, so Hessians still work.
 */
public final class CustomRule {

    private CustomRule() {
    }

    /** Checks the rule against finite differences, then shows the plain and the ruled gradient at 0. */
    public static void main(String[] args) {
        Function<Tensor, Tensor> plain = x -> x.square().sum().sqrt();
        Function<Tensor, Tensor> safe = Ad.customVjp(plain, (x, y, g) -> x.mul(g.div(y.maximum(1e-300))));
        Tensor x = Tensor.randn(Rng.seed(4), 5);
        GradCheck.Report report = GradCheck.check(safe, x, 5);
        Check.that(report.passed(1e-6), "the rule's gradient and Hessian match finite differences: " + report);
        double[] ruled = Ad.grad(safe).apply(x).toArray();
        double[] auto = Ad.grad(plain).apply(x).toArray();
        Check.that(Check.maxError(ruled, auto) < 1e-15, "away from 0 the rule equals the derived gradient");
        Tensor zero = Tensor.zeros(5);
        System.out.println("gradient of ||x|| at 0, derived: " + Ad.grad(plain).apply(zero));
        System.out.println("gradient of ||x|| at 0, with the rule: " + Ad.grad(safe).apply(zero));
        Check.that(Ad.grad(plain).apply(zero).array().hasNonFinite(), "the derived gradient is 0/0 = NaN at the origin");
        Check.that(Ad.grad(safe).apply(zero).abs().max().item() == 0, "the rule gives the subgradient 0 at the origin");
    }
}
