package dev.adjoint.nn.optim;

import java.util.Map;
import java.util.Set;

/** RMSProp (Hinton): s ← ρs + (1 − ρ)g², x ← x − η g/(√s + ε). */
public final class RmsProp extends FirstOrder {

    private final double rho;
    private final double eps;
    private double[] s;

    private RmsProp(Common common, double rho, double eps) {
        super(common);
        if (!(rho >= 0 && rho < 1 && eps > 0)) {
            throw new IllegalArgumentException("RmsProp: ρ " + rho + ", ε " + eps + " (need 0 ≤ ρ < 1, ε > 0)");
        }
        this.rho = rho;
        this.eps = eps;
    }

    /** RMSProp with a constant rate, ρ = 0.99 and ε = 1e-8. */
    public static RmsProp of(double rate) {
        return of(Schedule.constant(rate));
    }

    /** RMSProp with a schedule, ρ = 0.99 and ε = 1e-8. */
    public static RmsProp of(Schedule rate) {
        return new RmsProp(new Common(rate, 0, 0), 0.99, 1e-8);
    }

    /** This configuration with decay ρ (fresh state). */
    public RmsProp rho(double r) {
        return new RmsProp(common(), r, eps);
    }

    /** This configuration with weight decay λ (fresh state). */
    public RmsProp weightDecay(double lambda) {
        return new RmsProp(new Common(common().rate(), lambda, common().clipNorm()), rho, eps);
    }

    @Override
    protected void apply(double[] x, double[] g, double lr, int t) {
        if (s == null) {
            s = new double[x.length];
        }
        addWeightDecay(g, x);
        for (int i = 0; i < x.length; i++) {
            s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
            x[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    protected String kind() {
        return "rmsprop";
    }

    @Override
    protected Set<String> vectorNames() {
        return Set.of("s");
    }

    @Override
    protected Map<String, double[]> vectors() {
        return s == null ? Map.of() : Map.of("s", s);
    }

    @Override
    protected void setVectors(OptimizerState state) {
        s = state.vectorNames().isEmpty() ? null : state.vector("s");
    }

    @Override
    public String name() {
        return "rmsprop";
    }
}
