package dev.adjoint.nn.optim;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.nn.Flat;
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
        double[] x = flat.pack(params);
        double[] g = flat.pack(grad);
        if (common.clipNorm() > 0) {
            Clip.byNorm(g, common.clipNorm());
        }
        apply(x, g, common.rate().rate(steps), steps + 1);
        steps++;
        return flat.unpack(x);
    }

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
