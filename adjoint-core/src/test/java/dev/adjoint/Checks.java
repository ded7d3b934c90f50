package dev.adjoint;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.Function;

/** Finite differences and tolerant comparisons for the derivative tests. */
final class Checks {

    static final double H = 1e-5;

    private Checks() {
    }

    /** Central difference of f at x along u: (f(x + hu) − f(x − hu)) / 2h. */
    static Tensor central(Function<Tensor, Tensor> f, Tensor x, Tensor u) {
        return f.apply(x.add(u.mul(H))).sub(f.apply(x.sub(u.mul(H)))).div(2 * H);
    }

    /** Asserts |a − b| ≤ tol (1 + max |a|, |b|) elementwise. */
    static void close(String what, Tensor a, Tensor b, double tol) {
        if (!a.shape().equals(b.shape())) {
            fail(what + ": shapes " + a.shape() + " and " + b.shape() + " differ");
        }
        double[] x = a.toArray();
        double[] y = b.toArray();
        double scale = 1;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        for (int i = 0; i < x.length; i++) {
            if (!(Math.abs(x[i] - y[i]) <= tol * scale)) {
                fail(what + ": element " + i + ": " + x[i] + " vs " + y[i] + " (tolerance " + tol * scale + ")\n"
                        + a + "\n" + b);
            }
        }
    }

    /** ⟨a, b⟩ as a double. */
    static double inner(Tensor a, Tensor b) {
        return a.mul(b).sum().item();
    }
}
