package dev.adjoint.examples;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.scalar.Elementary;

/**
 * The ADBench Gaussian-mixture objective (Srajer, Kucak and Fitzgibbon, "A benchmark of selected algorithmic
 * differentiation tools on some problems in computer vision and machine learning", 2018): the log-likelihood
 * (with ADBench's sign and constants) of n points in d dimensions under K components, each with an inverse-covariance factor
 * Q = exp(diag) + strictly-lower part stored in icf (log-diagonal first, then the lower triangle column by column),
 * plus the Wishart prior term. Vectorised over points and components: the products Q x go through batched BLAS.
 */
public final class Gmm {

    /** The parameters: weights' logits alphas [K], means [K, d], inverse-covariance factors icf [K, d(d+1)/2]. */
    public record Params(Tensor alphas, Tensor means, Tensor icf) {
    }

    /** The data and the Wishart prior's constants. */
    public record Problem(Tensor x, double gamma, int m) {
    }

    private Gmm() {
    }

    /** A reproducible random problem as ADBench generates it (points and means normal, icf small). */
    public static Problem problem(Rng rng, int n, int d) {
        return new Problem(Tensor.randn(rng, n, d), 1.0, 0);
    }

    /** Reproducible random parameters for K components in d dimensions. */
    public static Params params(Rng rng, int k, int d) {
        return new Params(Tensor.randn(rng, k), Tensor.randn(rng, k, d), Tensor.randn(rng, k, d * (d + 1) / 2).mul(0.1));
    }

    /** The objective: the ADBench GMM error value (log-likelihood with constants, plus the Wishart prior). */
    public static Tensor objective(Params p, Problem prob) {
        Tensor x = prob.x();
        int n = x.dim(0);
        int d = x.dim(1);
        int k = p.alphas().dim(0);
        Tensor logDiag = p.icf().slice(1, 0, d);
        Tensor lower = p.icf().slice(1, d, p.icf().dim(1));
        Tensor q = factor(logDiag.exp(), lower, d);
        Tensor sumQs = logDiag.sum(1);
        // ‖Q_k (x_i − μ_k)‖² via Q_k x_i − Q_k μ_k: [K, d, n]
        Tensor qx = q.matmul(x.transpose());
        Tensor qmu = q.matmul(p.means().unsqueeze(2));
        Tensor sq = qx.sub(qmu).square().sum(1);
        Tensor main = p.alphas().add(sumQs).unsqueeze(1).sub(sq.mul(0.5));
        Tensor slse = main.logsumexp(new int[] {0}, false).sum();
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        Tensor lseAlphas = p.alphas().logsumexp();
        return slse.sub(lseAlphas.mul(n)).add(constant).add(wishart(logDiag, lower, sumQs, prob, d, k));
    }

    /** Q_k = diag(exp(log-diagonal)) + L_k with L's entries placed column by column below the diagonal. */
    static Tensor factor(Tensor diag, Tensor lower, int d) {
        int k = diag.dim(0);
        // One gather places both parts: position 0 is a zero, then the diagonal, then the lower triangle.
        Tensor entries = Tensor.concat(1, Tensor.zeros(k, 1), diag, lower);
        double[] index = new double[d * d];
        int l = 0;
        for (int i = 0; i < d; i++) {
            index[i * d + i] = 1 + i;
            for (int j = i + 1; j < d; j++) {
                index[j * d + i] = 1 + d + l++;
            }
        }
        return entries.take(1, Tensor.of(index)).reshape(k, d, d);
    }

    /** The Wishart prior term of ADBench's GMM. */
    static Tensor wishart(Tensor logDiag, Tensor lower, Tensor sumQs, Problem prob, int d, int k) {
        double gamma = prob.gamma();
        int m = prob.m();
        int nn = d + m + 1;
        Tensor frobenius = logDiag.exp().square().sum().add(lower.square().sum());
        Tensor out = frobenius.mul(0.5 * gamma * gamma).sub(sumQs.sum().mul(m));
        double c = nn * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logGammaDistribution(0.5 * nn, d);
        return out.sub(k * c);
    }

    /** log Γ_p(a), the multivariate log-gamma function. */
    static double logGammaDistribution(double a, int p) {
        double out = 0.25 * p * (p - 1) * Math.log(Math.PI);
        for (int j = 1; j <= p; j++) {
            out += Elementary.LGAMMA.value(a + 0.5 * (1 - j));
        }
        return out;
    }
}
