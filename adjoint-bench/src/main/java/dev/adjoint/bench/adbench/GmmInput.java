package dev.adjoint.bench.adbench;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.examples.Gmm;
import java.nio.file.Path;

/**
 * An ADBench GMM input: header {@code d K n}, then K lines of one alpha, K lines of a mean (d numbers), K lines of
 * inverse-covariance factors (d(d+1)/2 numbers: log-diagonal, then the lower triangle by columns), n lines of a
 * point (or one line replicated n times), and the Wishart prior's {@code gamma m}.
 *
 * @param params  alphas [K], means [K, d], icf [K, d(d+1)/2]
 * @param problem the points x [n, d] and the prior's constants
 */
public record GmmInput(Gmm.Params params, Gmm.Problem problem) {

    /** Reads a file; with {@code replicatePoint} it holds one point, used n times (ADBench's 2.5M inputs). */
    public static GmmInput read(Path file, boolean replicatePoint) {
        return read(Lines.of(file), replicatePoint);
    }

    /** Reads an input shipped under {@code /adbench/} on the class path, e.g. {@code gmm/1k/gmm_d2_K10.txt}. */
    public static GmmInput resource(String path, boolean replicatePoint) {
        return read(Lines.resource(path, null), replicatePoint);
    }

    static GmmInput read(Lines in, boolean replicatePoint) {
        int[] h = in.header(1, "d", "K", "n");
        int d = h[0];
        int k = h[1];
        int n = h[2];
        int t = d * (d + 1) / 2;
        double[] alphas = new double[k];
        for (int i = 0; i < k; i++) {
            alphas[i] = in.numbers(1, "alpha " + i)[0];
        }
        double[] means = rows(in, k, d, "mean");
        double[] icf = rows(in, k, t, "icf");
        double[] x;
        if (replicatePoint) {
            double[] one = in.numbers(d, "the point");
            x = new double[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(one, 0, x, i * d, d);
            }
        } else {
            x = rows(in, n, d, "point");
        }
        String[] w = in.fields("the Wishart prior 'gamma m'");
        if (w.length != 2) {
            throw in.error("expected the Wishart prior 'gamma m' (2 numbers), found " + w.length + " fields");
        }
        double gamma = in.number(w[0], "gamma");
        int m = in.integer(w[1], "m", 0, Integer.MAX_VALUE);
        return new GmmInput(new Gmm.Params(Tensor.of(alphas), Tensor.of(Shape.of(k, d), means),
                Tensor.of(Shape.of(k, t), icf)), new Gmm.Problem(Tensor.of(Shape.of(n, d), x), gamma, m));
    }

    /** {@code count} lines of {@code width} numbers each, row-major. */
    static double[] rows(Lines in, int count, int width, String what) {
        double[] out = new double[Math.multiplyExact(count, width)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(in.numbers(width, what + " " + i), 0, out, i * width, width);
        }
        return out;
    }
}
