package dev.adjoint.examples.programs;

import dev.adjoint.GradCheck;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.Phase;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/** A multi-layer perceptron learns two spirals with Adam; its parameters are saved as NumPy {@code .npz}. */
public final class Mlp {

    private Mlp() {
    }

    /** Trains, prints each epoch, checks the gradient, the accuracy and a save/load round trip. */
    public static void main(String[] args) throws Exception {
        Rng rng = Rng.seed(0);
        Dataset.Split data = Spirals.generate(200, 2, 0.03, rng.split()).split(0.2, rng.split());
        Sequential model = Models.mlp(rng.split(), Activation.RELU, 2, 48, 48, 2);

        Dataset probe = data.train().range(0, 16);
        Flat<Sequential> flat = Flat.of(model);
        Function<Tensor, Tensor> loss = v -> Losses.crossEntropy(flat.unflatten(v).apply(probe.x(), Phase.eval()),
                probe.y());
        GradCheck.Report report = GradCheck.check(loss, flat.flatten(model), 1);
        Check.that(report.passed(1e-5), "the network's gradient matches finite differences: " + report);

        Trainer.Result<Sequential> r = Trainer.classification().fit(model, data.train(), data.test(), Adam.of(0.01),
                new Trainer.Config(30, 32, 1, null), e -> {
                    if (e.epoch() % 10 == 0) {
                        System.out.println(e.summary());
                    }
                });
        double accuracy = r.history().get(r.history().size() - 1).testAccuracy();
        Check.that(accuracy > 0.9, "test accuracy " + accuracy + " above 0.9");

        Path file = Files.createTempFile("mlp", ".npz");
        try {
            Params.save(r.model(), file);
            Sequential loaded = Params.load(file, Models.mlp(Rng.seed(42), Activation.RELU, 2, 48, 48, 2));
            Tensor x = data.test().x();
            Check.that(Arrays.equals(loaded.apply(x, Phase.eval()).toArray(), r.model().apply(x, Phase.eval())
                    .toArray()), "the model loaded from " + file.getFileName() + " computes the same bits");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
