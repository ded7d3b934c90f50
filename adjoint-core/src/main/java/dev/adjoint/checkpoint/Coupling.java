package dev.adjoint.checkpoint;

import dev.adjoint.scalar.FastMath;
import java.util.Random;

/**
 * A RevNet additive coupling layer on double[] states of even width w, the same weights at every layer:
 * y₁ = x₁ + tanh(A·x₂), y₂ = x₂ + tanh(B·y₁) with x = [x₁; x₂] and A, B of size w/2 × w/2. It is a
 * {@link ReversibleStep}, so a chain of them can be reversed by inversion as well as by any {@link Schedule}.
 */
public final class Coupling implements ReversibleStep<double[]> {

    private final int half;
    private final double[] a;
    private final double[] b;

    private Coupling(int half, double[] a, double[] b) {
        this.half = half;
        this.a = a;
        this.b = b;
    }

    /** A coupling of the given even width with weights drawn from N(0, 1/(w/2)), seeded. */
    public static Coupling random(int width, long seed) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("a coupling needs an even width of at least 2, got " + width);
        }
        int h = width / 2;
        Random r = new Random(seed);
        double[] a = new double[h * h];
        double[] b = new double[h * h];
        double scale = 1 / Math.sqrt(h);
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian() * scale;
            b[i] = r.nextGaussian() * scale;
        }
        return new Coupling(h, a, b);
    }

    /** The state width w. */
    public int width() {
        return 2 * half;
    }

    /** tanh(M·u) for u = s[offset .. offset + w/2). */
    private double[] branch(double[] m, double[] s, int offset) {
        double[] out = new double[half];
        for (int r = 0; r < half; r++) {
            double acc = 0;
            for (int c = 0; c < half; c++) {
                acc += m[r * half + c] * s[offset + c];
            }
            out[r] = FastMath.tanh(acc);
        }
        return out;
    }

    /** Adds Mᵀ·(v ⊙ (1 − t²)) to out[offset ..], the VJP of u ↦ tanh(M·u) with t = tanh(M·u). */
    private void branchVjp(double[] m, double[] t, double[] v, int vOffset, double[] out, int offset) {
        for (int r = 0; r < half; r++) {
            double g = v[vOffset + r] * (1 - t[r] * t[r]);
            for (int c = 0; c < half; c++) {
                out[offset + c] += m[r * half + c] * g;
            }
        }
    }

    @Override
    public double[] forward(int i, double[] x) {
        double[] y = x.clone();
        double[] f = branch(a, x, half);
        for (int r = 0; r < half; r++) {
            y[r] += f[r];
        }
        double[] g = branch(b, y, 0);
        for (int r = 0; r < half; r++) {
            y[half + r] += g[r];
        }
        return y;
    }

    @Override
    public double[] inverse(int i, double[] y) {
        double[] x = y.clone();
        double[] g = branch(b, y, 0);
        for (int r = 0; r < half; r++) {
            x[half + r] -= g[r];
        }
        double[] f = branch(a, x, half);
        for (int r = 0; r < half; r++) {
            x[r] -= f[r];
        }
        return x;
    }

    @Override
    public double[] backward(int i, double[] x, double[] ybar) {
        double[] f = branch(a, x, half);
        double[] y1 = x.clone();
        for (int r = 0; r < half; r++) {
            y1[r] += f[r];
        }
        double[] g = branch(b, y1, 0);
        double[] xbar = ybar.clone();
        branchVjp(b, g, ybar, half, xbar, 0);
        branchVjp(a, f, xbar, 0, xbar, half);
        return xbar;
    }
}
