package dev.adjoint.nn.optim;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.nn.Flat;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the gradient methods share: one gradient per step, optional clipping of its global norm and a learning-rate
 * schedule; the update itself works on the parameters and gradient as flat vectors, in place.
 */
public abstract class FirstOrder implements Optimizer {

    /** Settings every gradient method has. */
    protected record Common(Schedule rate, double weightDecay, double clipNorm) {
    }

    private final Common common;
    private int steps;
    /** The length of restored vectors until the first update checks it against the parameters; −1 otherwise. */
    private int restoredLength = -1;
    /** The parameters and gradient as flat vectors, reused from step to step (the update works on them in place). */
    private double[] x;
    private double[] g;

    /** With the shared settings. */
    protected FirstOrder(Common common) {
        this.common = common;
    }

    /** The shared settings. */
    protected Common common() {
        return common;
    }

    /** The number of updates so far. */
    public int steps() {
        return steps;
    }

    @Override
    public <T> Step<T> step(Function<T, Tensor> objective, T params) {
        ValueAndGrad<T> vg = Ad.valueAndGrad(objective).apply(params);
        return new Step<>(update(params, vg.grad()), vg.value().item());
    }

    /** The parameters after one update with a given gradient (of the same structure). */
    public <T> T update(T params, T grad) {
        Flat<T> flat = Flat.of(params);
        if (x == null || x.length != flat.size()) {
            x = new double[flat.size()];
            g = new double[flat.size()];
        }
        flat.pack(params, x);
        flat.pack(grad, g);
        if (restoredLength >= 0 && restoredLength != x.length) {
            throw new IllegalStateException(name() + ": the restored state has " + restoredLength
                    + " entries per vector, but the parameters have " + x.length);
        }
        restoredLength = -1;
        if (common.clipNorm() > 0) {
            Clip.byNorm(g, common.clipNorm());
        }
        apply(x, g, common.rate().rate(steps), steps + 1);
        steps++;
        return flat.unpack(x);
    }

    @Override
    public OptimizerState state() {
        return OptimizerState.of(kind(), Map.of("step", (double) steps), vectors());
    }

    @Override
    public void restore(OptimizerState state) {
        state.expect(kind(), Set.of("step"), state.vectorNames().isEmpty() ? Set.of() : vectorNames());
        int step = state.count("step");
        if (step > 0 && state.vectorNames().isEmpty() && !vectorNames().isEmpty()) {
            throw new IllegalArgumentException("the saved " + kind() + " state is at step " + step + " but has none"
                    + " of its vectors " + vectorNames());
        }
        setVectors(state);
        restoredLength = state.length();
        steps = step;
    }

    /** The optimiser family, the same for every configuration of it (the kind of its {@link OptimizerState}). */
    protected abstract String kind();

    /** The names of the vectors this method keeps once it has taken a step (its moments), maybe none. */
    protected abstract Set<String> vectorNames();

    /** The vectors by name (not copied), or none before the first step. */
    protected abstract Map<String, double[]> vectors();

    /** Takes the vectors of a checked state (all of {@link #vectorNames}, or none: a fresh start). */
    protected abstract void setVectors(OptimizerState state);

    /** The update of x in place from gradient g with learning rate lr at step t (counted from 1). */
    protected abstract void apply(double[] x, double[] g, double lr, int t);

    /** g + λx (coupled weight decay, L2 regularisation), in place. */
    protected final void addWeightDecay(double[] g, double[] x) {
        double wd = common.weightDecay();
        if (wd != 0) {
            for (int i = 0; i < g.length; i++) {
                g[i] += wd * x[i];
            }
        }
    }
}
