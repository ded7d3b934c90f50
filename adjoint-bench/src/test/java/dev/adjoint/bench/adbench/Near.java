package dev.adjoint.bench.adbench;

import static org.assertj.core.api.Assertions.fail;

import dev.adjoint.Tensor;
import java.util.function.Function;

/** Tolerant comparisons and central differences for the ADBench tests. */
final class Near {

    private Near() {
    }

    /** Asserts |a − b| ≤ tol · max(1, |a|, |b|) elementwise. */
    static void assertNear(String what, double[] a, double[] b, double tol) {
        if (a.length != b.length) {
            fail(what + ": lengths " + a.length + " and " + b.length + " differ");
        }
        for (int i = 0; i < a.length; i++) {
            double scale = Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(Math.abs(a[i] - b[i]) <= tol * scale)) {
                fail(what + ": element " + i + ": " + a[i] + " vs " + b[i] + " (tolerance " + tol * scale + ")");
            }
        }
    }

    /** Asserts |a − b| ≤ tol · max(1, |a|, |b|). */
    static void assertNear(String what, double a, double b, double tol) {
        assertNear(what, new double[] {a}, new double[] {b}, tol);
    }

    /** The central difference (f(x + h e_k) − f(x − h e_k)) / 2h of every output of f along coordinate k. */
    static double[] central(Function<double[], double[]> f, double[] x, int k, double h) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[k] += h;
        down[k] -= h;
        double[] a = f.apply(up);
        double[] b = f.apply(down);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (a[i] - b[i]) / (2 * h);
        }
        return d;
    }

    /** The data of a tensor. */
    static double[] data(Tensor t) {
        return t.toArray();
    }
}
