package dev.adjoint.ode;

import dev.adjoint.scalar.Real;

/** Test dynamics written against {@link Real}. */
final class Problems {

    private Problems() {
    }

    /** Lotka–Volterra: x′ = αx − βxy, y′ = δxy − γy with θ = (α, β, δ, γ). */
    static final RealDynamics LOTKA_VOLTERRA = (t, z, p) -> new Real[] {
        p[0].mul(z[0]).sub(p[1].mul(z[0]).mul(z[1])),
        p[2].mul(z[0]).mul(z[1]).sub(p[3].mul(z[1]))
    };

    /** A forced, damped non-linear oscillator: x′ = y, y′ = −θ₀x − θ₁y − θ₂x³ + θ₃ sin t (time-dependent). */
    static final RealDynamics DUFFING = (t, z, p) -> new Real[] {
        z[1].mul(1.0),
        p[0].mul(z[0]).neg().sub(p[1].mul(z[1])).sub(p[2].mul(z[0].pow(3))).add(p[3].mul(Math.sin(t)))
    };

    static final double[] LV_THETA = {1.1, 0.4, 0.3, 0.9};
    static final double[] LV_Z0 = {1.5, 0.8};
    static final double[] DUFFING_THETA = {1.0, 0.2, 0.3, 0.5};
    static final double[] DUFFING_Z0 = {0.7, -0.3};

    /** L = Σᵢ ½·wᵢ·‖z(tᵢ) − targetᵢ‖² with wᵢ = (i + 1)/K and targetᵢ = (cos i, sin i). */
    static double loss(double[][] states) {
        double l = 0;
        for (int i = 0; i < states.length; i++) {
            double w = (i + 1.0) / states.length;
            double dx = states[i][0] - Math.cos(i);
            double dy = states[i][1] - Math.sin(i);
            l += 0.5 * w * (dx * dx + dy * dy);
        }
        return l;
    }

    static LossGradient lossGradient(int observations) {
        return (i, z) -> {
            double w = (i + 1.0) / observations;
            return new double[] {w * (z[0] - Math.cos(i)), w * (z[1] - Math.sin(i))};
        };
    }

    static double[][] states(Trajectory tr) {
        double[][] s = new double[tr.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = tr.state(i);
        }
        return s;
    }
}
