package dev.adjoint.nn.loss;

import dev.adjoint.Tensor;

/** Classification metrics (plain numbers, not differentiable). */
public final class Metrics {

    private Metrics() {
    }

    /** The predicted class of each row of {@code [N, K]} scores. */
    public static int[] predictions(Tensor scores) {
        double[] p = scores.stopGradient().argmax(1, false).toArray();
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (int) p[i];
        }
        return out;
    }

    /** The number of rows whose largest score is at the label. */
    public static int correct(Tensor scores, Tensor labels) {
        Losses.labels(scores, labels, "accuracy");
        int[] p = predictions(scores);
        double[] y = labels.stopGradient().toArray();
        int c = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == (int) y[i]) {
                c++;
            }
        }
        return c;
    }

    /** The fraction of rows whose largest score is at the label. */
    public static double accuracy(Tensor scores, Tensor labels) {
        return labels.size() == 0 ? 0 : (double) correct(scores, labels) / labels.size();
    }

    /** The confusion matrix of the predictions from {@code [N, K]} scores against the labels. */
    public static ConfusionMatrix confusion(Tensor scores, Tensor labels) {
        Losses.labels(scores, labels, "confusion");
        int k = scores.dim(1);
        int[] p = predictions(scores);
        double[] y = labels.stopGradient().toArray();
        int[] truth = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            truth[i] = (int) y[i];
        }
        return ConfusionMatrix.of(k, truth, p);
    }
}
