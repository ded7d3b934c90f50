package dev.adjoint.spark;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.array.NdArray;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.optim.FirstOrder;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Step;
import dev.adjoint.nn.train.Epoch;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.primitive.CustomVjp;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data parallelism on Spark for a model (any record of tensors) and a loss. A pass broadcasts the parameters as
 * one {@code double[]}, each partition rebuilds the model and differentiates its blocks' losses with
 * {@link Ad#valueAndGrad}, and {@code treeAggregate} adds the example-weighted shares; the result is the value and
 * gradient of the mean loss over the whole data set, as one JVM would compute it. Training reuses adjoint-nn's
 * optimisers: first-order ones take synchronous mini-batch steps, the others (L-BFGS) full-batch steps on
 * {@link #objective}. Immutable.
 */
public final class DataParallel<M> {

    /** The loss of a model on a block of examples: a scalar, the mean over the block. Sent to the executors. */
    @FunctionalInterface
    public interface Loss<M> extends Serializable {
        /** The mean loss over {@code batch}. */
        Tensor apply(M model, Batch batch);
    }

    /** Independent work on one element with the model (per-example gradients, one fit of a sweep, ...). */
    @FunctionalInterface
    public interface Task<M, T, R> extends Serializable {
        /** The result for one element. */
        R apply(M model, T element);
    }

    /**
     * What one pass over the data measured: mean loss, accuracy (NaN without a classifier), examples, the slowest
     * and the summed per-partition compute time, and the wall time of the whole pass (broadcast, schedule, compute,
     * aggregate).
     */
    public record Stats(double loss, double accuracy, long examples, double maxComputeSeconds,
                        double totalComputeSeconds, double seconds) {
    }

    private final M model;
    private final Objective<M> objective;
    private final Skeleton<M> skeleton;
    private final int depth;
    private final boolean counts;

    private DataParallel(M model, Objective<M> objective, Skeleton<M> skeleton, int depth, boolean counts) {
        this.model = model;
        this.objective = objective;
        this.skeleton = skeleton;
        this.depth = depth;
        this.counts = counts;
    }

    /** Data parallelism for {@code model} and a loss (the loss and what it captures must be serializable). */
    public static <M> DataParallel<M> of(M model, Loss<M> loss) {
        if (model == null || loss == null) {
            throw new IllegalArgumentException("DataParallel.of: model and loss must not be null");
        }
        return new DataParallel<>(model, Objective.of(loss), Skeleton.of(model), 2, false);
    }

    /**
     * A classifier trained with cross-entropy from its logits against integer labels, which also counts correct
     * predictions; dropout draws from {@link Batch#rng()} in training.
     */
    public static <M extends Layer> DataParallel<M> classifier(M model) {
        if (model == null) {
            throw new IllegalArgumentException("DataParallel.classifier: model must not be null");
        }
        return new DataParallel<>(model, Objective.classification(), Skeleton.of(model), 2, true);
    }

    /** The same with another {@code treeAggregate} depth (1: every partition's share goes to the driver). */
    public DataParallel<M> treeDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("DataParallel.treeDepth: depth must be ≥ 1, got " + depth);
        }
        return new DataParallel<>(model, objective, skeleton, depth, counts);
    }

    /** The same loss from other starting parameters (same structure). */
    public DataParallel<M> withModel(M start) {
        checkLayout(start);
        return new DataParallel<>(start, objective, skeleton, depth, counts);
    }

    /** The model (the starting point of {@link #fit}). */
    public M model() {
        return model;
    }

    /** The {@code treeAggregate} depth. */
    public int treeDepth() {
        return depth;
    }

    /** The number of parameters (what a broadcast and a gradient carry, as doubles). */
    public int parameters() {
        return skeleton.size();
    }

    /** Value and gradient of the mean loss over all examples, at the model. */
    public ValueAndGrad<M> valueAndGrad(DistributedDataset<Batch> data) {
        return valueAndGrad(data, model);
    }

    /** Value and gradient of the mean loss over all examples, at {@code at}; the gradient is an M. */
    public ValueAndGrad<M> valueAndGrad(DistributedDataset<Batch> data, M at) {
        Partial r = pass(data, pack(at), true, false, null);
        return new ValueAndGrad<>(Tensor.scalar(r.meanLoss()), skeleton.flat().unpack(r.meanGrad(parameters())));
    }

    /** Mean loss and accuracy (evaluation phase, no gradient) over all examples, at {@code at}. */
    public Stats evaluate(DistributedDataset<Batch> data, M at) {
        return stats(data, at, false);
    }

    /** One gradient pass at {@code at} with its timings (for benchmarks). */
    public Stats measure(DistributedDataset<Batch> data, M at) {
        return stats(data, at, true);
    }

    private Stats stats(DistributedDataset<Batch> data, M at, boolean gradient) {
        long t0 = System.nanoTime();
        Partial r = pass(data, pack(at), gradient, false, null);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Stats(r.meanLoss(), counts ? r.accuracy() : Double.NaN, r.examples, r.maxNanos / 1e9,
                r.totalNanos / 1e9, secs);
    }

    /**
     * The mean loss over all examples as a function of the parameters, differentiable in reverse mode: its value and
     * gradient come from one distributed pass, so any adjoint-nn optimiser (L-BFGS with its line search, or a
     * full-batch gradient method) can step on it. Forward mode (Hessian-vector products, Hessian-free) is refused.
     */
    public Function<M, Tensor> objective(DistributedDataset<Batch> data) {
        return new DistributedObjective(data)::apply;
    }

    /** Trains from the model with a batch of 128 and seed 0; returns the trained model. */
    public M fit(DistributedDataset<Batch> data, Optimizer optimizer, int epochs, PrintStream progress) {
        return fit(data, null, optimizer, new Trainer.Config(epochs, 128, 0, progress), null).model();
    }

    /**
     * Trains from the model: a first-order optimiser takes synchronous data-parallel mini-batch steps (every
     * partition contributes its share of each global batch of about {@code config.batch()} examples, drawn with
     * seeds from {@code config.seed()}); any other optimiser (L-BFGS) takes one full-batch step per epoch on
     * {@link #objective}. After each epoch the test set (if given) is evaluated, and {@code onEpoch} is called with
     * the same measurements as adjoint-nn's {@link Trainer}.
     */
    public Trainer.Result<M> fit(DistributedDataset<Batch> train, DistributedDataset<Batch> test, Optimizer optimizer,
                                 Trainer.Config config, Consumer<Epoch> onEpoch) {
        if (optimizer instanceof HessianFree) {
            throw forwardMode();
        }
        long n = train.examples();
        if (n == 0) {
            throw new IllegalArgumentException("DataParallel.fit: the training set has no examples");
        }
        M current = model;
        List<Epoch> history = new ArrayList<>();
        DistributedObjective full = optimizer instanceof FirstOrder ? null : new DistributedObjective(train);
        Function<M, Tensor> fullLoss = full == null ? null : full::apply;
        for (int e = 1; e <= config.epochs(); e++) {
            long start = System.nanoTime();
            double[] trained;
            if (full == null) {
                trained = new double[3];
                current = epoch((FirstOrder) optimizer, train, current, config, e, n, trained);
            } else {
                Step<M> step = optimizer.step(fullLoss, current);
                Partial at = full.find(pack(current));
                trained = new double[] {step.loss(), at == null ? Double.NaN : at.accuracy(), n * full.passes};
                full.passes = 0;
                current = step.params();
                if (config.progress() != null) {
                    config.progress().printf(Locale.ROOT, "epoch %d/%d: %s step, loss %.4f%n", e, config.epochs(),
                            optimizer.name(), step.loss());
                }
            }
            finite(trained[0], e);
            double seconds = (System.nanoTime() - start) / 1e9;
            Stats eval = test == null ? null : evaluate(test, current);
            Epoch ep = new Epoch(e, trained[0], counts ? trained[1] : Double.NaN,
                    eval == null ? Double.NaN : eval.loss(), eval == null ? Double.NaN : eval.accuracy(), seconds,
                    trained[2] / seconds);
            history.add(ep);
            if (onEpoch != null) {
                onEpoch.accept(ep);
            }
        }
        return new Trainer.Result<>(current, history);
    }

    /** One epoch of synchronous mini-batch steps; fills {loss, accuracy, examples}. */
    private M epoch(FirstOrder optimizer, DistributedDataset<Batch> train, M current, Trainer.Config config, int e,
                    long n, double[] out) {
        int steps = (int) Math.max(1, (n + config.batch() - 1) / config.batch());
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        long start = System.nanoTime();
        try (ProgressBar bar = Trainer.progressBar(config, e, n)) {
            for (int i = 0; i < steps; i++) {
                Partial r = pass(train, pack(current), true, true, new Selection(config.seed(), e, i, steps));
                if (r.examples == 0) {
                    continue;
                }
                finite(r.meanLoss(), e);
                current = optimizer.update(current, skeleton.flat().unpack(r.meanGrad(parameters())));
                lossSum += r.lossSum;
                correct += r.correct;
                seen += r.examples;
                if (bar != null) {
                    bar.stepBy(r.examples);
                    double secs = (System.nanoTime() - start) / 1e9;
                    String acc = counts ? String.format(Locale.ROOT, " acc %.3f", (double) correct / seen) : "";
                    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f%s %.0f ex/s", lossSum / seen, acc,
                            seen / Math.max(secs, 1e-9)));
                }
            }
        }
        out[0] = lossSum / seen;
        out[1] = (double) correct / seen;
        out[2] = seen;
        return current;
    }

    /**
     * Runs {@code task} on every element with the model rebuilt once per partition from one broadcast: per-example
     * gradients, hyper-parameter sweeps, independent fits. Lazy, like any RDD transformation.
     */
    public <T, R> DistributedDataset<R> map(DistributedDataset<T> data, Task<M, T, R> task) {
        Broadcast<double[]> params = context(data).broadcast(pack(model));
        Skeleton<M> s = skeleton;
        return DistributedDataset.of(data.rdd().mapPartitions(it -> {
            M m = s.build(params.value());
            List<R> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(task.apply(m, it.next()));
            }
            return out.iterator();
        }, true));
    }

    /** One distributed pass at {@code params}: every partition's share, summed by treeAggregate. */
    private Partial pass(DistributedDataset<Batch> data, double[] params, boolean gradient, boolean training,
                         Selection selection) {
        Broadcast<double[]> b = context(data).broadcast(params);
        try {
            Function2<Partial, Partial, Partial> add = Partial::add;
            Partial r = data.rdd()
                    .mapPartitionsWithIndex(new Worker<>(skeleton, objective, b, gradient, training, selection), true)
                    .treeAggregate(new Partial(), add, add, depth);
            if (r.examples == 0 && selection == null) {
                throw new IllegalArgumentException("DataParallel: the data set has no examples");
            }
            return r;
        } finally {
            b.destroy();
        }
    }

    /** What each partition runs: rebuild the model from the broadcast, differentiate each block's loss. */
    private static final class Worker<M> implements Function2<Integer, Iterator<Batch>, Iterator<Partial>> {

        private static final long serialVersionUID = 1L;
        private static final int CHUNK = 2048;

        private final Skeleton<M> skeleton;
        private final Objective<M> objective;
        private final Broadcast<double[]> params;
        private final boolean gradient;
        private final boolean training;
        private final Selection selection;

        Worker(Skeleton<M> skeleton, Objective<M> objective, Broadcast<double[]> params, boolean gradient,
               boolean training, Selection selection) {
            this.skeleton = skeleton;
            this.objective = objective;
            this.params = params;
            this.gradient = gradient;
            this.training = training;
            this.selection = selection;
        }

        @Override
        public Iterator<Partial> call(Integer partition, Iterator<Batch> blocks) {
            long t0 = System.nanoTime();
            M model = skeleton.build(params.value());
            Partial acc = new Partial();
            for (int k = 0; blocks.hasNext(); k++) {
                Batch block = blocks.next();
                Batch b = selection == null ? block : selection.rows(block, partition, k);
                if (b.size() == 0) {
                    continue;
                }
                // Large blocks (full-batch passes) in chunks, so the tape holds one chunk's activations at a time.
                for (int from = 0; from < b.size(); from += CHUNK) {
                    Batch c = b.size() <= CHUNK ? b : b.range(from, Math.min(b.size(), from + CHUNK));
                    long[] correct = {0};
                    if (gradient) {
                        ValueAndGrad<M> vg = Ad.valueAndGrad((M m) -> scalar(objective.loss(m, c, training,
                                correct))).apply(model);
                        acc.addBlock(vg.value().item(), skeleton.flat().pack(vg.grad()), c.size(), correct[0]);
                    } else {
                        acc.addBlock(scalar(objective.loss(model, c, training, correct)).item(), null, c.size(),
                                correct[0]);
                    }
                }
            }
            acc.maxNanos = System.nanoTime() - t0;
            acc.totalNanos = acc.maxNanos;
            return Collections.singletonList(acc).iterator();
        }

        private static Tensor scalar(Tensor loss) {
            if (loss.rank() != 0) {
                throw new IllegalArgumentException("DataParallel: the loss must be a scalar (the mean over the"
                        + " batch), got shape " + loss.shape());
            }
            return loss;
        }
    }

    /** The distributed mean loss as one custom-VJP primitive of the model's tensors. */
    private final class DistributedObjective {

        private static final int REMEMBERED = 64;

        private final DistributedDataset<Batch> data;
        private final Deque<Object[]> recent = new ArrayDeque<>();
        int passes;

        DistributedObjective(DistributedDataset<Batch> data) {
            this.data = data;
        }

        Tensor apply(M m) {
            Tensor[] leaves = Tree.leaves(m).toArray(new Tensor[0]);
            CustomVjp p = new CustomVjp("DataParallel.objective", xs -> Tensor.scalar(eval(xs).meanLoss()),
                    (xs, y, g) -> {
                        for (Tensor x : xs) {
                            if (x.tracer() != null) {
                                throw forwardMode();
                            }
                        }
                        double[] grad = eval(xs).meanGrad(parameters());
                        Tensor[] out = new Tensor[xs.length];
                        int o = 0;
                        for (int i = 0; i < xs.length; i++) {
                            double[] d = Arrays.copyOfRange(grad, o, o + xs[i].size());
                            o += d.length;
                            out[i] = g.mul(Tensor.of(NdArray.adopt(xs[i].shape(), d)));
                        }
                        return out;
                    },
                    (xs, ts, y) -> {
                        throw forwardMode();
                    });
            return Interpreter.bind(p, leaves);
        }

        /** The pass at the values of {@code xs}, remembered so that the value and the rule share one pass. */
        private Partial eval(Tensor[] xs) {
            double[] params = new double[parameters()];
            int o = 0;
            for (Tensor x : xs) {
                double[] v = x.array().toArray();
                System.arraycopy(v, 0, params, o, v.length);
                o += v.length;
            }
            Partial known = find(params);
            if (known != null) {
                return known;
            }
            Partial r = pass(data, params, true, false, null);
            passes++;
            recent.addLast(new Object[] {params, r});
            if (recent.size() > REMEMBERED) {
                recent.removeFirst();
            }
            return r;
        }

        /** A remembered pass at exactly these parameters, or null. */
        Partial find(double[] params) {
            for (Iterator<Object[]> it = recent.descendingIterator(); it.hasNext(); ) {
                Object[] e = it.next();
                if (Arrays.equals((double[]) e[0], params)) {
                    return (Partial) e[1];
                }
            }
            return null;
        }
    }

    private static UnsupportedOperationException forwardMode() {
        return new UnsupportedOperationException("DataParallel.objective: forward mode and second derivatives (JVPs,"
                + " Hessian-vector products, Hessian-free) are not available over a distributed data set; use L-BFGS"
                + " or a first-order optimiser");
    }

    private double[] pack(M at) {
        checkLayout(at);
        return skeleton.flat().pack(at);
    }

    private void checkLayout(M at) {
        if (at == null) {
            throw new IllegalArgumentException("DataParallel: the model must not be null");
        }
        int n = Flat.of(at).size();
        if (n != parameters()) {
            throw new IllegalArgumentException("DataParallel: a model of " + n + " parameters, expected "
                    + parameters() + " (the structure the DataParallel was made for)");
        }
    }

    private static JavaSparkContext context(DistributedDataset<?> data) {
        return JavaSparkContext.fromSparkContext(data.rdd().context());
    }

    private static void finite(double loss, int epoch) {
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("DataParallel: the loss became " + loss + " in epoch " + epoch
                    + " (learning rate too high?)");
        }
    }
}
