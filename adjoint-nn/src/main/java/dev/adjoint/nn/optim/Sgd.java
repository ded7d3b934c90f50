package dev.adjoint.nn.optim;

import java.util.Map;
import java.util.Set;

/**
 * Stochastic gradient descent with optional momentum (v ← μv + g, x ← x − ηv), Nesterov momentum
 * (x ← x − η(g + μv)) and weight decay (g ← g + λx), as PyTorch defines them.
 */
public final class Sgd extends FirstOrder {

    private final double momentum;
    private final boolean nesterov;
    private double[] velocity;

    private Sgd(Common common, double momentum, boolean nesterov) {
        super(common);
        if (momentum < 0 || momentum >= 1 || nesterov && momentum == 0) {
            throw new IllegalArgumentException("Sgd: momentum " + momentum + (nesterov ? " with Nesterov" : "")
                    + " (need 0 ≤ μ < 1, and μ > 0 for Nesterov)");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /** Plain SGD with a constant rate. */
    public static Sgd of(double rate) {
        return of(Schedule.constant(rate));
    }

    /** Plain SGD with a schedule. */
    public static Sgd of(Schedule rate) {
        return new Sgd(new Common(rate, 0, 0), 0, false);
    }

    /** This configuration with momentum μ (fresh state). */
    public Sgd momentum(double mu) {
        return new Sgd(common(), mu, nesterov);
    }

    /** This configuration with Nesterov momentum μ (fresh state). */
    public Sgd nesterov(double mu) {
        return new Sgd(common(), mu, true);
    }

    /** This configuration with weight decay λ (fresh state). */
    public Sgd weightDecay(double lambda) {
        return new Sgd(new Common(common().rate(), lambda, common().clipNorm()), momentum, nesterov);
    }

    /** This configuration with the gradient's global norm clipped to {@code max} (fresh state). */
    public Sgd clipNorm(double max) {
        return new Sgd(new Common(common().rate(), common().weightDecay(), max), momentum, nesterov);
    }

    @Override
    protected void apply(double[] x, double[] g, double lr, int t) {
        addWeightDecay(g, x);
        if (momentum == 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] -= lr * g[i];
            }
            return;
        }
        if (velocity == null) {
            velocity = new double[x.length];
        }
        for (int i = 0; i < x.length; i++) {
            double v = momentum * velocity[i] + g[i];
            velocity[i] = v;
            x[i] -= lr * (nesterov ? g[i] + momentum * v : v);
        }
    }

    @Override
    protected String kind() {
        return "sgd";
    }

    @Override
    protected Set<String> vectorNames() {
        return momentum == 0 ? Set.of() : Set.of("velocity");
    }

    @Override
    protected Map<String, double[]> vectors() {
        return velocity == null ? Map.of() : Map.of("velocity", velocity);
    }

    @Override
    protected void setVectors(OptimizerState state) {
        velocity = state.vectorNames().isEmpty() ? null : state.vector("velocity");
    }

    @Override
    public String name() {
        return nesterov ? "sgd (nesterov " + momentum + ")" : momentum > 0 ? "sgd (momentum " + momentum + ")" : "sgd";
    }
}
