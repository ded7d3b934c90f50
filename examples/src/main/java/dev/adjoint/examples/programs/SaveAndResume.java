package dev.adjoint.examples.programs;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.io.Npy;
import dev.adjoint.io.Npz;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Schedule;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.nn.train.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tensors and training runs in NumPy's formats: a tensor to {@code .npy} and back, and a run saved after two of
 * four epochs (parameters, Adam's moments and step count) and resumed, which ends bit for bit where the
 * uninterrupted run ends.
 */
public final class SaveAndResume {

    private SaveAndResume() {
    }

    /** Saves, loads, resumes and checks every step bit for bit. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("adjoint-save");
        try {
            Tensor t = Tensor.randn(Rng.seed(1), 3, 4);
            Npy.write(dir.resolve("t.npy"), t);
            Check.that(Arrays.equals(Npy.read(dir.resolve("t.npy")).toArray(), t.toArray()),
                    "a tensor survives t.npy bit for bit (numpy.load reads it)");

            Dataset.Split data = Spirals.generate(100, 2, 0.05, Rng.seed(2)).split(0.2, Rng.seed(3));
            Trainer.Config config = new Trainer.Config(4, 32, 5, null);
            Sequential whole = Trainer.classification().fit(model(), data.train(), data.test(), adam(), config, e -> {
            }).model();

            Path run = dir.resolve("run.npz");
            Optimizer first = adam();
            Trainer.classification().fit(model(), 0, data.train(), data.test(), first,
                    new Trainer.Config(4, 32, 5, null), (e, m) -> {
                        if (e.epoch() == 2) {
                            TrainingState.save(run, m, first, e.epoch());
                        }
                    });
            System.out.println(run.getFileName() + " holds " + Npz.read(run).keySet().size() + " arrays, e.g. "
                    + Npz.read(run).keySet().stream().limit(4).toList());
            Optimizer second = adam();
            TrainingState.Resumed<Sequential> resumed = TrainingState.load(run, model(), second);
            Sequential continued = Trainer.classification().fit(resumed.params(), resumed.epoch(), data.train(),
                    data.test(), second, config, (e, m) -> {
                    }).model();
            Check.that(bitsEqual(continued, whole), "resumed after epoch " + resumed.epoch()
                    + ", the run ends bit for bit where the uninterrupted one does");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static Sequential model() {
        return Models.mlp(Rng.seed(7), Activation.RELU, 2, 16, 2);
    }

    private static Optimizer adam() {
        return Adam.of(Schedule.cosine(0.02, 4 * 6, 0));
    }

    private static boolean bitsEqual(Object a, Object b) {
        var x = Params.named(a);
        var y = Params.named(b);
        for (String k : x.keySet()) {
            if (!Arrays.equals(x.get(k).toArray(), y.get(k).toArray())) {
                return false;
            }
        }
        return x.keySet().equals(y.keySet());
    }
}
