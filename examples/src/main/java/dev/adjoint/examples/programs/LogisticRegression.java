package dev.adjoint.examples.programs;

import dev.adjoint.Ad;
import dev.adjoint.GradCheck;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import java.util.function.Function;

/** Logistic regression by gradient descent on generated data: the gradient comes from {@code Ad.valueAndGrad}. */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** Fits, prints the loss and accuracy, and checks the gradient and the fit. */
    public static void main(String[] args) {
        Rng rng = Rng.seed(1);
        int n = 400;
        Tensor x = Tensor.randn(rng, n, 3);
        Tensor wTrue = Tensor.of(2, -1, 0.5).reshape(3, 1);
        Tensor labels = x.matmul(wTrue).reshape(n).add(Tensor.randn(rng, n).mul(0.3)).gt(0);
        // Mean binary cross-entropy from logits z: softplus(z) − y·z, stable for any z.
        Function<Tensor, Tensor> loss = w -> {
            Tensor z = x.matmul(w.reshape(3, 1)).reshape(n);
            return z.softplus().sub(labels.mul(z)).mean();
        };
        Tensor w = Tensor.zeros(3);
        GradCheck.Report report = GradCheck.check(loss, Tensor.randn(Rng.seed(2), 3), 3);
        Check.that(report.passed(1e-6), "gradient and Hessian-vector product match finite differences: " + report);
        double first = loss.apply(w).item();
        for (int step = 0; step < 300; step++) {
            ValueAndGrad<Tensor> vg = Ad.valueAndGrad(loss).apply(w);
            w = w.sub(vg.grad().mul(1.0));
        }
        double last = loss.apply(w).item();
        Tensor wFinal = w;
        double accuracy = x.matmul(wFinal.reshape(3, 1)).reshape(n).gt(0).eq(labels).mean().item();
        double cosine = w.mul(wTrue.reshape(3)).sum().item() / (w.norm().item() * wTrue.norm().item());
        System.out.printf("loss %.4f -> %.4f, weights %s, training accuracy %.3f%n", first, last, w, accuracy);
        Check.that(last < 0.5 * first, "the loss fell by more than half");
        Check.that(accuracy > 0.9, "training accuracy above 0.9");
        Check.that(cosine > 0.98, "the weights point along the true ones (cosine " + cosine + ")");
    }
}
