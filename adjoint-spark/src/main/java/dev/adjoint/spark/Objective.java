package dev.adjoint.spark;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.loss.Metrics;
import java.io.Serializable;

/** The per-block loss an executor differentiates, optionally counting correct predictions. */
interface Objective<M> extends Serializable {

    /** The block's mean loss; adds the block's correct predictions to {@code correct[0]} if it knows them. */
    Tensor loss(M model, Batch batch, boolean training, long[] correct);

    /** A user loss (no accuracy). */
    static <M> Objective<M> of(DataParallel.Loss<M> loss) {
        return (m, b, training, correct) -> loss.apply(m, b);
    }

    /** Cross-entropy from the logits of a classifier, with dropout drawn from the batch's seed in training. */
    static <M extends Layer> Objective<M> classification() {
        return (m, b, training, correct) -> {
            Tensor y = b.y();
            Tensor z = m.apply(b.x(), training ? Phase.train(b.rng()) : Phase.eval());
            correct[0] += Metrics.correct(Tensor.of(z.array()), y);
            return Losses.crossEntropy(z, y);
        };
    }
}
