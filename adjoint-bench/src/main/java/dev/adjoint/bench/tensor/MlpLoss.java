package dev.adjoint.bench.tensor;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.bench.Task;
import dev.adjoint.examples.Mlp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** {@code mlp}: 784-256-256-10 tanh MLP, softmax cross-entropy, batch 128, gradient with respect to all weights. */
public final class MlpLoss extends TensorWorkload {

    /** Layer sizes, input first. */
    static final int[] SIZES = {784, 256, 256, 10};
    /** Batch size. */
    static final int BATCH = 128;
    /** The seed of weights and data. */
    static final long SEED = 4101;

    /** The workload with weights and a batch from seed {@value #SEED}. */
    public MlpLoss() {
        super("mlp", "MLP 784-256-256-10, tanh, softmax cross-entropy, batch " + BATCH + ", gradient wrt all weights");
    }

    /** A model and batch drawn in a fixed order from one generator. */
    record Setup(Mlp model, Mlp.Data data) {
        static Setup of(int[] sizes, int batch) {
            Rng rng = Rng.seed(SEED);
            Mlp m = Mlp.init(rng, sizes);
            return new Setup(m, Mlp.data(rng, batch, sizes[0], sizes[sizes.length - 1]));
        }
    }

    @Override
    public Task valueTask() {
        Setup s = Setup.of(SIZES, BATCH);
        return () -> s.model().loss(s.data()).item();
    }

    @Override
    public Task derivativeTask() {
        Setup s = Setup.of(SIZES, BATCH);
        Function<Mlp, ValueAndGrad<Mlp>> vg = Ad.valueAndGrad((Mlp q) -> q.loss(s.data()));
        return () -> {
            ValueAndGrad<Mlp> r = vg.apply(s.model());
            return r.value().item() + r.grad().layers().get(0).bias().toArray()[0];
        };
    }

    @Override
    protected Map<String, Tensor> exported() {
        Setup s = Setup.of(SIZES, BATCH);
        ValueAndGrad<Mlp> r = Ad.valueAndGrad((Mlp q) -> q.loss(s.data())).apply(s.model());
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("inputs", s.data().inputs());
        m.put("labels", s.data().labels());
        for (int i = 0; i < s.model().layers().size(); i++) {
            m.put("w" + i, s.model().layers().get(i).weight());
            m.put("b" + i, s.model().layers().get(i).bias());
        }
        m.put("value", r.value());
        for (int i = 0; i < s.model().layers().size(); i++) {
            m.put("grad.w" + i, r.grad().layers().get(i).weight());
            m.put("grad.b" + i, r.grad().layers().get(i).bias());
        }
        return m;
    }
}
