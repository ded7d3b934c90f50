package dev.adjoint.ode.demo;

/** Adam (Kingma and Ba 2015) on a flat parameter vector, updated in place. */
final class Adam {

    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int size) {
        this.m = new double[size];
        this.v = new double[size];
    }

    /** θ ← θ − α·m̂/(√v̂ + ε) with the bias-corrected moments of the gradients so far. */
    void step(double[] theta, double[] grad, double rate) {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < theta.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
            v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
            theta[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }
}
