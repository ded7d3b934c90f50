package dev.adjoint.bench.run;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Parallel;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Phase;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.Step;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java side of {@code python/fashion_mnist_torch.py --steps N}: the median wall and process-CPU time of a full
 * training step (forward, backward, Adam) of {@code adjoint train}'s MLP or CNN on a random batch of 128, after 5
 * warm-up steps. Run: {@code java -Ddev.adjoint.threads=N -cp adjoint-cli/target/adjoint.jar
 * dev.adjoint.bench.run.TrainSteps mlp|cnn STEPS}.
 */
public final class TrainSteps {

    private TrainSteps() {
    }

    /** Prints one line: model, threads, median and fastest wall time, median process CPU time. */
    public static void main(String[] args) {
        if (args.length != 2 || !args[0].matches("mlp|cnn") || !args[1].matches("[1-9][0-9]*")) {
            System.err.println("usage: TrainSteps mlp|cnn STEPS");
            System.exit(2);
        }
        boolean cnn = args[0].equals("cnn");
        int steps = Integer.parseInt(args[1]);
        Rng rng = Rng.seed(1);
        Sequential model = cnn ? Models.cnn(rng, 28, 1, 16, 32, 128, 10)
                : Models.mlp(rng, Activation.RELU, 784, 256, 128, 100, 10);
        Tensor x = cnn ? Tensor.randn(rng, 128, 28, 28, 1) : Tensor.randn(rng, 128, 784);
        double[] labels = new double[128];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        Tensor y = Tensor.of(labels);
        Adam adam = Adam.of(0.001);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[steps];
        double[] cpu = new double[steps];
        for (int r = 0; r < steps + 5; r++) {
            long w0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            Step<Sequential> s = adam.step((Sequential m) -> Losses.crossEntropy(m.apply(x, Phase.eval()), y), model);
            model = s.params();
            if (r >= 5) {
                wall[r - 5] = (System.nanoTime() - w0) / 1e6;
                cpu[r - 5] = (os.getProcessCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "adjoint %s threads %d: step median %.2f ms (min %.2f), process CPU median %.2f ms,"
                + " over %d steps%n", args[0], Parallel.threads(), wall[steps / 2], wall[0], cpu[steps / 2], steps);
    }
}
