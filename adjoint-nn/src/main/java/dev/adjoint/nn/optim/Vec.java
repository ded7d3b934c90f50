package dev.adjoint.nn.optim;

/** Small vector helpers for the optimisers. */
final class Vec {

    private Vec() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** x + a·y (new array). */
    static double[] axpy(double[] x, double a, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] + a * y[i];
        }
        return r;
    }

    static double[] scale(double a, double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = a * x[i];
        }
        return r;
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
