package dev.adjoint.ode;

/** One explicit Runge–Kutta step of a {@link Tableau}, forward and in reverse. */
final class RungeKutta {

    private RungeKutta() {
    }

    /** y′ = y + h·Σ bᵢkᵢ; the stages are written to {@code k} (stages × n). */
    static double[] step(Tableau tb, VectorField f, double t, double[] y, double h, double[][] k) {
        int n = y.length;
        for (int i = 0; i < tb.stages(); i++) {
            k[i] = f.apply(t + tb.c(i) * h, stageInput(tb, i, y, h, k));
            if (k[i].length != n) {
                throw new IllegalArgumentException("the vector field returned " + k[i].length
                        + " entries for a state of " + n);
            }
        }
        double[] out = y.clone();
        for (int i = 0; i < tb.stages(); i++) {
            double w = h * tb.b(i);
            if (w != 0) {
                for (int r = 0; r < n; r++) {
                    out[r] += w * k[i][r];
                }
            }
        }
        return out;
    }

    /** The embedded error estimate h·Σ eᵢkᵢ of the last step. */
    static double[] error(Tableau tb, double[][] k, double h) {
        double[] err = new double[k[0].length];
        for (int i = 0; i < tb.stages(); i++) {
            double w = h * tb.e(i);
            if (w != 0) {
                for (int r = 0; r < err.length; r++) {
                    err[r] += w * k[i][r];
                }
            }
        }
        return err;
    }

    /**
     * The step's VJP: returns ȳ = (∂y′/∂y)ᵀ·ȳ′ and adds (∂y′/∂θ)ᵀ·ȳ′ to {@code thetaBar}. Recomputes the stages,
     * then sweeps them last to first: k̄ᵢ = h·bᵢ·ȳ′ + Σⱼ&gt;ᵢ h·aⱼᵢ·Ȳⱼ, Ȳᵢ = (∂f/∂z)ᵀk̄ᵢ at the stage input Yᵢ.
     */
    static double[] reverse(Tableau tb, Dynamics f, double[] theta, double t, double[] y, double h,
            double[] yNextBar, double[] thetaBar) {
        int s = tb.stages();
        int n = y.length;
        double[][] k = new double[s][];
        double[][] stageInputs = new double[s][];
        for (int i = 0; i < s; i++) {
            stageInputs[i] = stageInput(tb, i, y, h, k);
            k[i] = f.apply(t + tb.c(i) * h, stageInputs[i], theta);
        }
        double[][] kBar = new double[s][n];
        for (int i = 0; i < s; i++) {
            double w = h * tb.b(i);
            for (int r = 0; r < n; r++) {
                kBar[i][r] = w * yNextBar[r];
            }
        }
        double[] yBar = yNextBar.clone();
        for (int i = s - 1; i >= 0; i--) {
            if (isZero(kBar[i])) {
                continue;
            }
            double[] stageBar = new double[n];
            f.vjp(t + tb.c(i) * h, stageInputs[i], theta, kBar[i], stageBar, thetaBar);
            for (int r = 0; r < n; r++) {
                yBar[r] += stageBar[r];
            }
            for (int j = 0; j < i; j++) {
                double w = h * tb.a(i, j);
                if (w != 0) {
                    for (int r = 0; r < n; r++) {
                        kBar[j][r] += w * stageBar[r];
                    }
                }
            }
        }
        return yBar;
    }

    private static double[] stageInput(Tableau tb, int i, double[] y, double h, double[][] k) {
        double[] yi = y.clone();
        for (int j = 0; j < i; j++) {
            double w = h * tb.a(i, j);
            if (w != 0) {
                for (int r = 0; r < yi.length; r++) {
                    yi[r] += w * k[j][r];
                }
            }
        }
        return yi;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
