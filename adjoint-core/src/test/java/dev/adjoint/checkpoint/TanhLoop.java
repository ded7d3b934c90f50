package dev.adjoint.checkpoint;

import java.util.Random;

/**
 * A test loop on double[] states [x (d entries); W (d×d); b (d)]: xᵢ₊₁ = tanh(W·xᵢ + b + sin(i)/10), parameters
 * carried along unchanged so their cotangents accumulate through the loop. Its VJP is written by hand.
 */
final class TanhLoop implements Step<double[]> {

    final int d;
    int forwardCalls;

    TanhLoop(int d) {
        this.d = d;
    }

    int size() {
        return d + d * d + d;
    }

    double[] randomState(long seed) {
        Random r = new Random(seed);
        double[] s = new double[size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextGaussian() * (i < d ? 1 : 0.6);
        }
        return s;
    }

    private double[] preActivation(int i, double[] s) {
        double[] u = new double[d];
        for (int r = 0; r < d; r++) {
            double acc = s[d + d * d + r] + Math.sin(i) / 10;
            for (int c = 0; c < d; c++) {
                acc += s[d + r * d + c] * s[c];
            }
            u[r] = acc;
        }
        return u;
    }

    @Override
    public double[] forward(int i, double[] s) {
        forwardCalls++;
        double[] out = s.clone();
        double[] u = preActivation(i, s);
        for (int r = 0; r < d; r++) {
            out[r] = Math.tanh(u[r]);
        }
        return out;
    }

    @Override
    public double[] backward(int i, double[] s, double[] g) {
        double[] u = preActivation(i, s);
        double[] out = g.clone();
        for (int r = 0; r < d; r++) {
            out[r] = 0;
        }
        for (int r = 0; r < d; r++) {
            double y = Math.tanh(u[r]);
            double ubar = g[r] * (1 - y * y);
            out[d + d * d + r] += ubar;
            for (int c = 0; c < d; c++) {
                out[c] += s[d + r * d + c] * ubar;
                out[d + r * d + c] += ubar * s[c];
            }
        }
        return out;
    }

    /** L(x_N) = Σ x_N,r², as the seed ∂L/∂x_N (zero on the parameters). */
    double[] seed(double[] out) {
        double[] g = new double[out.length];
        for (int r = 0; r < d; r++) {
            g[r] = 2 * out[r];
        }
        return g;
    }

    double loss(double[] out) {
        double l = 0;
        for (int r = 0; r < d; r++) {
            l += out[r] * out[r];
        }
        return l;
    }
}
