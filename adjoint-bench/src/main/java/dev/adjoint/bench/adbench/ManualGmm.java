package dev.adjoint.bench.adbench;

import dev.adjoint.scalar.Elementary;

/**
 * The GMM objective and its gradient written by hand in plain Java (ADBench's "manual" row, the lower anchor): one
 * pass over points and components computes, with z = x_i − μ_k, y = Q_k z and the responsibilities r_ik (softmax over
 * k of the inner term), ∂/∂α_k = Σ_i r_ik − n softmax(α)_k, ∂/∂μ_k = Q_kᵀ Σ_i r_ik y, ∂/∂q_kj (log-diagonal) =
 * Σ_i r_ik (1 − y_j z_j e^{q_kj}) + γ² e^{2 q_kj} − m and ∂/∂L_k[a, b] = −Σ_i r_ik y_a z_b + γ² L_k[a, b].
 */
public final class ManualGmm {

    private final int n;
    private final int d;
    private final int k;
    private final double[] x;
    private final double gamma;
    private final int m;
    // Scratch, reused between calls.
    private final double[] q;
    private final double[] main;
    private final double[] y;
    private final double[] z;

    /** Prepares the data of an input (its parameters are passed to {@link #valueAndGradient}). */
    public ManualGmm(GmmInput in) {
        this.n = in.problem().x().dim(0);
        this.d = in.problem().x().dim(1);
        this.k = in.params().alphas().size();
        this.x = in.problem().x().toArray();
        this.gamma = in.problem().gamma();
        this.m = in.problem().m();
        this.q = new double[k * d * d];
        this.main = new double[k];
        this.y = new double[k * d];
        this.z = new double[k * d];
    }

    /** The objective at (alphas, means, icf), its gradient written into {@code grad} (ADBench's layout). */
    public double valueAndGradient(double[] alphas, double[] means, double[] icf, double[] grad) {
        int t = d * (d + 1) / 2;
        java.util.Arrays.fill(grad, 0);
        int gMeans = k;
        int gIcf = k + k * d;
        // Q_k, row-major, lower triangular: exp(log-diagonal) on the diagonal, the rest column by column.
        java.util.Arrays.fill(q, 0);
        double sumLogDiag = 0;
        double wishart = 0;
        for (int c = 0; c < k; c++) {
            int l = d;
            for (int j = 0; j < d; j++) {
                double e = Math.exp(icf[c * t + j]);
                q[(c * d + j) * d + j] = e;
                sumLogDiag += icf[c * t + j];
                wishart += 0.5 * gamma * gamma * e * e - m * icf[c * t + j];
                grad[gIcf + c * t + j] += gamma * gamma * e * e - m;
                for (int a = j + 1; a < d; a++, l++) {
                    double v = icf[c * t + l];
                    q[(c * d + a) * d + j] = v;
                    wishart += 0.5 * gamma * gamma * v * v;
                    grad[gIcf + c * t + l] += gamma * gamma * v;
                }
            }
        }
        double[] logDiagSum = new double[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += icf[c * t + j];
            }
            logDiagSum[c] = s;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double sq = 0;
                for (int a = 0; a < d; a++) {
                    z[c * d + a] = x[i * d + a] - means[c * d + a];
                }
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    int row = (c * d + a) * d;
                    for (int b = 0; b <= a; b++) {
                        s += q[row + b] * z[c * d + b];
                    }
                    y[c * d + a] = s;
                    sq += s * s;
                }
                main[c] = alphas[c] + logDiagSum[c] - 0.5 * sq;
                max = Math.max(max, main[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                main[c] = Math.exp(main[c] - max);
                sum += main[c];
            }
            total += Math.log(sum) + max;
            for (int c = 0; c < k; c++) {
                double r = main[c] / sum;
                grad[c] += r;
                int l = d;
                for (int b = 0; b < d; b++) {
                    // ∂/∂μ_k[b] = Σ_a r y_a Q[a, b]; Q[a, b] nonzero for a ≥ b
                    double s = 0;
                    for (int a = b; a < d; a++) {
                        s += y[c * d + a] * q[(c * d + a) * d + b];
                    }
                    grad[gMeans + c * d + b] += r * s;
                    grad[gIcf + c * t + b] += r * (1 - y[c * d + b] * z[c * d + b] * q[(c * d + b) * d + b]);
                    for (int a = b + 1; a < d; a++, l++) {
                        grad[gIcf + c * t + l] -= r * y[c * d + a] * z[c * d + b];
                    }
                }
            }
        }
        double amax = Double.NEGATIVE_INFINITY;
        for (double a : alphas) {
            amax = Math.max(amax, a);
        }
        double asum = 0;
        for (double a : alphas) {
            asum += Math.exp(a - amax);
        }
        for (int c = 0; c < k; c++) {
            grad[c] -= n * Math.exp(alphas[c] - amax) / asum;
        }
        int nn = d + m + 1;
        double logGamma = 0.25 * d * (d - 1) * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) {
            logGamma += Elementary.LGAMMA.value(0.5 * nn + 0.5 * (1 - j));
        }
        double constant = nn * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logGamma;
        return total - n * (Math.log(asum) + amax) - n * d * 0.5 * Math.log(2 * Math.PI) + wishart - k * constant;
    }
}
