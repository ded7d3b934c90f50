package dev.adjoint.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Adam (Kingma &amp; Ba): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², x ← x − η m̂/(√v̂ + ε) with bias-corrected
 * m̂, v̂. Weight decay is either added to the gradient (Adam) or decoupled, x ← x − ηλx (AdamW, Loshchilov &amp;
 * Hutter).
 */
public final class Adam extends FirstOrder {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean decoupled;
    private double[] m;
    private double[] v;

    private Adam(Common common, double beta1, double beta2, double eps, boolean decoupled) {
        super(common);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0)) {
            throw new IllegalArgumentException("Adam: β₁ " + beta1 + ", β₂ " + beta2 + ", ε " + eps
                    + " (need 0 ≤ β < 1, ε > 0)");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupled = decoupled;
    }

    /** Adam with a constant rate and β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static Adam of(double rate) {
        return of(Schedule.constant(rate));
    }

    /** Adam with a schedule and the usual β₁, β₂, ε. */
    public static Adam of(Schedule rate) {
        return new Adam(new Common(rate, 0, 0), 0.9, 0.999, 1e-8, false);
    }

    /** AdamW: decoupled weight decay λ. */
    public static Adam adamW(Schedule rate, double lambda) {
        return new Adam(new Common(rate, lambda, 0), 0.9, 0.999, 1e-8, true);
    }

    /** This configuration with other β₁, β₂ (fresh state). */
    public Adam betas(double b1, double b2) {
        return new Adam(common(), b1, b2, eps, decoupled);
    }

    /** This configuration with coupled weight decay λ (L2 added to the gradient; fresh state). */
    public Adam weightDecay(double lambda) {
        return new Adam(new Common(common().rate(), lambda, common().clipNorm()), beta1, beta2, eps, false);
    }

    /** This configuration with the gradient's global norm clipped to {@code max} (fresh state). */
    public Adam clipNorm(double max) {
        return new Adam(new Common(common().rate(), common().weightDecay(), max), beta1, beta2, eps, decoupled);
    }

    @Override
    protected void apply(double[] x, double[] g, double lr, int t) {
        if (m == null) {
            m = new double[x.length];
            v = new double[x.length];
        }
        if (decoupled) {
            double k = 1 - lr * common().weightDecay();
            for (int i = 0; i < x.length; i++) {
                x[i] *= k;
            }
        } else {
            addWeightDecay(g, x);
        }
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        // Locals, not fields, in the loop: the JIT can then keep them in registers.
        double[] mm = m;
        double[] vv = v;
        double b1 = beta1;
        double b2 = beta2;
        double e = eps;
        // One division per element instead of three: lr·m̂ = (lr/c1)·m, v̂ = v·(1/c2).
        double step = lr / c1;
        double inv = 1 / c2;
        for (int i = 0; i < x.length; i++) {
            double gi = g[i];
            double mi = b1 * mm[i] + (1 - b1) * gi;
            double vi = b2 * vv[i] + (1 - b2) * gi * gi;
            mm[i] = mi;
            vv[i] = vi;
            x[i] -= step * mi / (Math.sqrt(vi * inv) + e);
        }
    }

    @Override
    protected String kind() {
        return "adam";
    }

    @Override
    protected Set<String> vectorNames() {
        return Set.of("m", "v");
    }

    @Override
    protected Map<String, double[]> vectors() {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (m != null) {
            out.put("m", m);
            out.put("v", v);
        }
        return out;
    }

    @Override
    protected void setVectors(OptimizerState state) {
        boolean fresh = state.vectorNames().isEmpty();
        m = fresh ? null : state.vector("m");
        v = fresh ? null : state.vector("v");
    }

    @Override
    public String name() {
        return decoupled ? "adamw" : "adam";
    }
}
