package dev.adjoint.nn.optim;

import dev.adjoint.Ad;
import dev.adjoint.Linearized;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndPullback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Hessian-free optimisation (Martens 2010): each step minimises the local quadratic model
 * q(p) = f + gᵀp + ½pᵀBp by conjugate gradient on (B + λI)p = −g, never forming B. B is the Gauss–Newton matrix
 * Jᵀ∇²L J when the objective is an {@link Objective} (J v by forward mode along the recorded outputs, Jᵀu by reverse
 * mode), else the Hessian (forward over reverse on the gradient's tape). CG starts from the previous solution
 * scaled by 0.95 and stops on Martens' relative-progress test; the damping λ follows the Levenberg–Marquardt rule
 * on ρ = (f(θ + p) − f(θ))/(q(p) − q(0)): ×3/2 when ρ &lt; 1/4, ×2/3 when ρ &gt; 3/4; a backtracking (Armijo)
 * search along p ends the step.
 */
public final class HessianFree implements Optimizer {

    /** Which curvature matrix B the model uses. */
    public enum Curvature {
        /** Jᵀ∇²L J (needs an {@link Objective}; Hessian otherwise). */
        GAUSS_NEWTON,
        /** ∇²f. */
        HESSIAN
    }

    private final Curvature curvature;
    private final int maxCg;
    private double lambda;
    private double[] previous;
    private int cgIterations;
    private double lastRho = Double.NaN;

    private HessianFree(Curvature curvature, double lambda, int maxCg) {
        if (!(lambda >= 0) || maxCg < 1) {
            throw new IllegalArgumentException("HessianFree: damping " + lambda + ", maxCg " + maxCg
                    + " (need λ ≥ 0, maxCg ≥ 1)");
        }
        this.curvature = curvature;
        this.lambda = lambda;
        this.maxCg = maxCg;
    }

    /** Gauss–Newton curvature, initial damping 1, at most 100 CG iterations per step. */
    public static HessianFree create() {
        return new HessianFree(Curvature.GAUSS_NEWTON, 1, 100);
    }

    /** With the given curvature, initial damping and CG budget. */
    public static HessianFree of(Curvature curvature, double lambda, int maxCg) {
        return new HessianFree(curvature, lambda, maxCg);
    }

    /** The current damping λ. */
    public double damping() {
        return lambda;
    }

    /** The reduction ratio ρ of the last step. */
    public double lastRho() {
        return lastRho;
    }

    /** CG iterations so far. */
    public int cgIterations() {
        return cgIterations;
    }

    /** The damping λ, the last ρ, the CG iteration count and the previous CG solution (when there is one). */
    @Override
    public OptimizerState state() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("damping", lambda);
        s.put("last_rho", lastRho);
        s.put("cg_iterations", (double) cgIterations);
        return OptimizerState.of("hf", s, previous == null ? Map.of() : Map.of("previous", previous));
    }

    @Override
    public void restore(OptimizerState state) {
        state.expect("hf", Set.of("damping", "last_rho", "cg_iterations"),
                state.vectorNames().isEmpty() ? Set.of() : Set.of("previous"));
        int cg = state.count("cg_iterations");
        double damping = state.scalars().get("damping");
        if (!(damping >= 0)) {
            throw new IllegalArgumentException("the saved hf state has damping " + damping + " (need λ ≥ 0)");
        }
        lambda = damping;
        lastRho = state.scalars().get("last_rho");
        cgIterations = cg;
        previous = state.vectorNames().isEmpty() ? null : state.vector("previous");
    }

    @Override
    public <T> Step<T> step(Function<T, Tensor> objective, T params) {
        FlatObjective<T> f = new FlatObjective<>(objective, params);
        double[] x = f.flat.pack(params);
        FlatObjective.Eval e = f.eval(x);
        double[] g = e.grad();
        UnaryOperator<double[]> b = curvature(objective, f, x);
        double[] p = cg(b, g);
        double[] bp = b.apply(p);
        double model = Vec.dot(g, p) + 0.5 * Vec.dot(p, bp);
        double fNew = f.value(Vec.axpy(x, 1, p));
        lastRho = model < 0 ? (fNew - e.value()) / model : Double.NEGATIVE_INFINITY;
        if (lastRho < 0.25 || !Double.isFinite(fNew)) {
            lambda *= 1.5;
        } else if (lastRho > 0.75) {
            lambda *= 2.0 / 3;
        }
        double slope = Vec.dot(g, p);
        double alpha = 1;
        double fa = fNew;
        int tries = 0;
        while (!(Double.isFinite(fa) && fa <= e.value() + 1e-2 * alpha * slope) && tries < 40) {
            alpha *= 0.8;
            fa = f.value(Vec.axpy(x, alpha, p));
            tries++;
        }
        if (!(Double.isFinite(fa) && fa <= e.value() + 1e-2 * alpha * slope) || !(slope < 0)) {
            previous = null;
            return new Step<>(params, e.value());
        }
        previous = p;
        return new Step<>(f.flat.unpack(Vec.axpy(x, alpha, p)), e.value());
    }

    private <T> UnaryOperator<double[]> curvature(Function<T, Tensor> objective, FlatObjective<T> f, double[] x) {
        Tensor theta = Tensor.of(x);
        if (curvature == Curvature.GAUSS_NEWTON && objective instanceof Objective) {
            Objective<T> o = (Objective<T>) objective;
            Function<Tensor, Tensor> net = v -> o.outputs().apply(f.flat.unflatten(v));
            Linearized lin = Ad.linearize(net, theta);
            ValueAndPullback back = Ad.vjp(net, theta);
            Tensor z = lin.value();
            Linearized lossCurvature = Ad.linearize(Ad.grad(o.loss()), z);
            return v -> {
                Tensor jv = lin.jvp().apply(Tensor.of(v));
                Tensor hjv = lossCurvature.jvp().apply(jv);
                return back.pullback().apply(hjv).toArray();
            };
        }
        Linearized hess = Ad.linearize(Ad.grad(f.asTensorFunction()), theta);
        return v -> hess.jvp().apply(Tensor.of(v)).toArray();
    }

    /** Solves (B + λI)p = −g approximately by CG, from the previous solution scaled by 0.95. */
    private double[] cg(UnaryOperator<double[]> b, double[] g) {
        int n = g.length;
        double[] p = previous != null && previous.length == n ? Vec.scale(0.95, previous) : new double[n];
        double[] ap = damped(b, p);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = -g[i] - ap[i];
        }
        double[] d = r.clone();
        double rr = Vec.dot(r, r);
        double[] history = new double[maxCg + 1];
        history[0] = quadratic(g, p, ap);
        for (int k = 1; k <= maxCg; k++) {
            cgIterations++;
            double[] bd = damped(b, d);
            double dbd = Vec.dot(d, bd);
            if (!(dbd > 0)) {
                break; // negative curvature direction: stop with what we have
            }
            double a = rr / dbd;
            for (int i = 0; i < n; i++) {
                p[i] += a * d[i];
                r[i] -= a * bd[i];
            }
            double rrNew = Vec.dot(r, r);
            // φ(p) = gᵀp + ½pᵀ(B + λI)p = ½(gᵀp − rᵀp) since (B + λI)p = −g − r.
            history[k] = 0.5 * (Vec.dot(g, p) - Vec.dot(r, p));
            int lag = Math.max(10, k / 10);
            if (k > lag && history[k] < 0 && (history[k] - history[k - lag]) / history[k] < lag * 5e-4) {
                break;
            }
            if (rrNew < 1e-20) {
                break;
            }
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) {
                d[i] = r[i] + beta * d[i];
            }
            rr = rrNew;
        }
        return p;
    }

    private double[] damped(UnaryOperator<double[]> b, double[] v) {
        double[] bv = b.apply(v);
        for (int i = 0; i < v.length; i++) {
            bv[i] += lambda * v[i];
        }
        return bv;
    }

    private static double quadratic(double[] g, double[] p, double[] ap) {
        return Vec.dot(g, p) + 0.5 * Vec.dot(p, ap);
    }

    @Override
    public String name() {
        return "hessian-free";
    }
}
