package dev.adjoint.nn.train;

import java.util.Locale;

/**
 * What one epoch measured: mean training loss and accuracy over its batches (each measured on the batch's forward
 * pass before its update), test loss and accuracy after the epoch, wall-clock seconds of training (evaluation
 * excluded) and training examples per second.
 */
public record Epoch(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                    double seconds, double examplesPerSecond) {

    /** One JSON object on one line, with the keys epoch, train_loss, test_loss, test_accuracy, seconds, .... */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"epoch\": %d, \"train_loss\": %s, \"train_accuracy\": %s,"
                + " \"test_loss\": %s, \"test_accuracy\": %s, \"seconds\": %.3f, \"examples_per_second\": %.1f}",
                epoch, num(trainLoss), num(trainAccuracy), num(testLoss), num(testAccuracy), seconds,
                examplesPerSecond);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    /** A one-line summary for the terminal. */
    public String summary() {
        return String.format(Locale.ROOT, "epoch %3d  train loss %.4f  acc %.4f  |  test loss %.4f  acc %.4f  |"
                + "  %.1f s  %.0f ex/s", epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds,
                examplesPerSecond);
    }
}
