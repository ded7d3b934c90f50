package dev.adjoint.nn.loss;

import dev.adjoint.Tensor;

/**
 * Losses as means over the batch, composed from tensor operations (so they are differentiable to any order).
 * Class labels are integer-valued tensors of shape {@code [N]}.
 */
public final class Losses {

    private Losses() {
    }

    /** mean((prediction − target)²). */
    public static Tensor mse(Tensor prediction, Tensor target) {
        same("mse", prediction, target);
        return prediction.sub(target).square().mean();
    }

    /**
     * Cross-entropy of integer labels under softmax(logits), from the logits: mean(logsumexp(z) − z_label), stable
     * for any logits.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return nll(logits.logSoftmax(-1), labels);
    }

    /** Cross-entropy against target distributions (rows summing to 1): mean(−Σ p log softmax(z)). */
    public static Tensor softCrossEntropy(Tensor logits, Tensor targets) {
        same("softCrossEntropy", logits, targets);
        return logits.logSoftmax(-1).mul(targets).sum(new int[] {-1}, false).mean().neg();
    }

    /** Negative log-likelihood of integer labels from log-probabilities {@code [N, K]}: mean(−logp[label]). */
    public static Tensor nll(Tensor logProbs, Tensor labels) {
        labels(logProbs, labels, "nll");
        return logProbs.gather(1, labels.reshape(-1, 1)).mean().neg();
    }

    /** Binary cross-entropy of targets in [0, 1] from logits: mean(softplus(z) − y·z), stable for any z. */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        same("bceWithLogits", logits, targets);
        return logits.softplus().sub(targets.mul(logits)).mean();
    }

    /** Huber: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond, averaged; r = prediction − target. */
    public static Tensor huber(Tensor prediction, Tensor target, double delta) {
        same("huber", prediction, target);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber: delta must be positive, got " + delta);
        }
        Tensor r = prediction.sub(target);
        Tensor a = r.abs();
        return Tensor.where(a.le(delta), r.square().mul(0.5), a.sub(0.5 * delta).mul(delta)).mean();
    }

    private static void same(String op, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(op + ": prediction shape " + a.shape() + " differs from target shape "
                    + b.shape());
        }
    }

    static void labels(Tensor scores, Tensor labels, String op) {
        if (scores.rank() != 2 || labels.rank() != 1 || labels.dim(0) != scores.dim(0)) {
            throw new IllegalArgumentException(op + ": scores of shape " + scores.shape() + " and labels of shape "
                    + labels.shape() + " (need [N, K] and [N])");
        }
        int k = scores.dim(1);
        for (double d : labels.stopGradient().toArray()) {
            if (d != Math.rint(d) || d < 0 || d >= k) {
                throw new IllegalArgumentException(op + ": label " + d + " is not a class in [0, " + k + ")");
            }
        }
    }
}
