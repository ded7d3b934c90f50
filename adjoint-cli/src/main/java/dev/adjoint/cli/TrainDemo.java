package dev.adjoint.cli;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Metrics;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.array.Blas;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backpropagation as reverse mode: a small MLP trained on the two-spirals problem with gradients from
 * {@code Ad.valueAndGrad} on the model record, then its decision regions drawn in text.
 */
final class TrainDemo implements DemoSection {

    static final int EPOCHS = 20;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String title() {
        return "Backpropagation is reverse-mode AD: an MLP learns the two spirals";
    }

    @Override
    public void run(PrintWriter out) {
        // The BLAS choice is logged once on first use; the demo prints it on stdout instead of logging to stderr.
        Logger[] quiet = {Logger.getLogger("dev.ludovic.netlib"), Logger.getLogger("dev.adjoint.array.Blas")};
        Level[] old = new Level[quiet.length];
        for (int i = 0; i < quiet.length; i++) {
            old[i] = quiet[i].getLevel();
            quiet[i].setLevel(Level.OFF);
        }
        try {
            train(out);
        } finally {
            for (int i = 0; i < quiet.length; i++) {
                quiet[i].setLevel(old[i]);
            }
        }
    }

    private void train(PrintWriter out) {
        out.println("BLAS: " + Blas.name());
        Rng rng = Rng.seed(0);
        Dataset all = Spirals.generate(300, 2, 0.03, rng.split());
        Dataset.Split split = all.split(0.2, rng.split());
        Sequential net = Models.mlp(rng.split(), Activation.RELU, 2, 64, 64, 2);
        out.println("model: 2 → 64 → relu → 64 → relu → 2, a record of tensors; each step is");
        out.println("  ValueAndGrad<Sequential> vg = Ad.valueAndGrad(loss).apply(model);  model = adam.step(...)");
        out.println();
        Trainer.Result<Sequential> r = Trainer.classification().fit(net, split.train(), split.test(), Adam.of(0.01),
                new Trainer.Config(EPOCHS, 32, 0, null), e -> {
                    if (e.epoch() == 1 || e.epoch() % 5 == 0) {
                        out.println(e.summary());
                        out.flush();
                    }
                });
        out.println();
        out.println("decision regions (a, b: training points of classes A and B):");
        draw(out, r.model(), split.train());
    }

    private static void draw(PrintWriter out, Sequential model, Dataset train) {
        int w = 56;
        int h = 24;
        double[] g = new double[w * h * 2];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                g[2 * (i * w + j)] = -1.1 + 2.2 * (j + 0.5) / w;
                g[2 * (i * w + j) + 1] = 1.1 - 2.2 * (i + 0.5) / h;
            }
        }
        int[] pred = Metrics.predictions(model.apply(Tensor.of(dev.adjoint.array.Shape.of(w * h, 2), g)));
        char[][] canvas = new char[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                canvas[i][j] = pred[i * w + j] == 0 ? '·' : ' ';
            }
        }
        double[] x = train.x().toArray();
        double[] y = train.y().toArray();
        for (int k = 0; k < y.length; k++) {
            int j = (int) Math.floor((x[2 * k] + 1.1) / 2.2 * w);
            int i = (int) Math.floor((1.1 - x[2 * k + 1]) / 2.2 * h);
            if (i >= 0 && i < h && j >= 0 && j < w) {
                canvas[i][j] = y[k] == 0 ? 'a' : 'b';
            }
        }
        for (char[] row : canvas) {
            out.println("  " + new String(row));
        }
        out.println("  (· region: class A, blank region: class B)");
    }
}
