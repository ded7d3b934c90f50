package dev.adjoint.nn.train;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.loss.Metrics;
import dev.adjoint.nn.optim.Objective;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Step;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Mini-batch training of a classifier: each epoch shuffles the training set with the seed, takes one optimiser step
 * per batch on the objective "loss of the model's outputs" (an {@link Objective}, so Hessian-free can use
 * Gauss–Newton), shows a progress bar (loss, accuracy, examples per second), then evaluates on the test set.
 */
public final class Trainer {

    /** The settings of a run. */
    public record Config(int epochs, int batch, long seed, PrintStream progress) {

        /** Checks the numbers. */
        public Config {
            if (epochs < 1 || batch < 1) {
                throw new IllegalArgumentException("Trainer: epochs and batch must be ≥ 1, got " + epochs + ", "
                        + batch);
            }
        }
    }

    /** The trained model and the per-epoch measurements. */
    public record Result<M>(M model, List<Epoch> history) {
    }

    private final BiFunction<Tensor, Tensor, Tensor> loss;

    private Trainer(BiFunction<Tensor, Tensor, Tensor> loss) {
        this.loss = loss;
    }

    /** A trainer for classification with cross-entropy from logits and integer labels. */
    public static Trainer classification() {
        return new Trainer(Losses::crossEntropy);
    }

    /** Trains {@code model}, calling {@code onEpoch} after each epoch's evaluation. */
    public <M extends Layer> Result<M> fit(M model, Dataset train, Dataset test, Optimizer optimizer, Config config,
                                           Consumer<Epoch> onEpoch) {
        return fit(model, 0, train, test, optimizer, config, (e, m) -> {
            if (onEpoch != null) {
                onEpoch.accept(e);
            }
        });
    }

    /**
     * Continues a run after {@code done} of its {@code config.epochs()} epochs, from the model and optimiser state
     * it had then (see {@link TrainingState}): the shuffling and dropout draws of the finished epochs are replayed
     * without training, so the result is bit for bit that of an uninterrupted run. {@code onEpoch} receives each
     * epoch's figures and the model after it (to save it, for instance).
     */
    public <M extends Layer> Result<M> fit(M model, int done, Dataset train, Dataset test, Optimizer optimizer,
                                           Config config, BiConsumer<Epoch, M> onEpoch) {
        if (done < 0) {
            throw new IllegalArgumentException("Trainer: " + done + " finished epochs (need ≥ 0)");
        }
        Rng shuffle = Rng.seed(config.seed());
        int batchCount = (train.size() + config.batch() - 1) / config.batch();
        for (int e = 1; e <= Math.min(done, config.epochs()); e++) {
            Dataset.permutation(train.size(), shuffle);
            for (int b = 0; b < batchCount; b++) {
                shuffle.uniform();
            }
        }
        List<Epoch> history = new ArrayList<>();
        for (int e = done + 1; e <= config.epochs(); e++) {
            List<Dataset> batches = train.batches(config.batch(), shuffle);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            long start = System.nanoTime();
            try (ProgressBar bar = progressBar(config, e, train.size())) {
                for (Dataset b : batches) {
                    long dropoutSeed = (long) (shuffle.uniform() * Long.MAX_VALUE);
                    NdArray[] lastOutputs = new NdArray[1];
                    Tensor bx = b.x();
                    Tensor by = b.y();
                    Objective<M> objective = new Objective<>(m -> {
                        Tensor z = m.apply(bx, Phase.train(Rng.seed(dropoutSeed)));
                        lastOutputs[0] = z.array();
                        return z;
                    }, z -> loss.apply(z, by));
                    Step<M> step = optimizer.step(objective, model);
                    model = step.params();
                    if (!Double.isFinite(step.loss())) {
                        throw new ArithmeticException("Trainer: the loss became " + step.loss() + " in epoch " + e
                                + " (learning rate too high?)");
                    }
                    int n = b.size();
                    lossSum += step.loss() * n;
                    if (lastOutputs[0] != null) {
                        correct += Metrics.correct(Tensor.of(lastOutputs[0]), by);
                    }
                    seen += n;
                    if (bar != null) {
                        bar.stepBy(n);
                        double secs = (System.nanoTime() - start) / 1e9;
                        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f acc %.3f %.0f ex/s",
                                lossSum / seen, (double) correct / seen, seen / Math.max(secs, 1e-9)));
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] eval = evaluate(model, test);
            Epoch ep = new Epoch(e, lossSum / seen, (double) correct / seen, eval[0], eval[1], seconds,
                    seen / seconds);
            history.add(ep);
            if (onEpoch != null) {
                onEpoch.accept(ep, model);
            }
        }
        return new Result<>(model, history);
    }

    /** Mean loss and accuracy of a model (evaluation phase) on a data set, in batches of 1000. */
    public double[] evaluate(Layer model, Dataset data) {
        double lossSum = 0;
        long correct = 0;
        for (Dataset b : data.batches(1000)) {
            Tensor z = model.apply(b.x(), Phase.eval());
            lossSum += loss.apply(z, b.y()).item() * b.size();
            correct += Metrics.correct(z, b.y());
        }
        int n = data.size();
        return new double[] {n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n};
    }

    /** The progress bar of one epoch over {@code examples} examples, or null when the config shows no progress. */
    public static ProgressBar progressBar(Config config, int epoch, long examples) {
        if (config.progress() == null) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, config.epochs()))
                .setInitialMax(examples)
                .setUnit(" ex", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setMaxRenderedLength(110)
                .setConsumer(new ConsoleProgressBarConsumer(config.progress(), 110))
                .build();
    }
}
