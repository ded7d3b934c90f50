package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.interpret.Vjp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointTest {

    private static final int D = 4;

    /** Layer i: x ← tanh(W·x + sin(i)/10) with W = θ reshaped to D×D. */
    private static List<BiFunction<Tensor, Tensor, Tensor>> layers(int n) {
        List<BiFunction<Tensor, Tensor, Tensor>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double shift = Math.sin(i) / 10;
            out.add((x, theta) -> theta.reshape(D, D).matmul(x).add(shift).tanh());
        }
        return out;
    }

    private static BiFunction<Tensor, Tensor, Tensor> plain(List<BiFunction<Tensor, Tensor, Tensor>> layers) {
        return (x, theta) -> {
            Tensor y = x;
            for (BiFunction<Tensor, Tensor, Tensor> l : layers) {
                y = l.apply(y, theta);
            }
            return y;
        };
    }

    private static List<Tensor> grads(BiFunction<Tensor, Tensor, Tensor> net, Tensor x, Tensor theta) {
        return Ad.grad((Tensor a, Tensor b) -> net.apply(a, b).square().sum()).apply(x, theta);
    }

    /** Nodes an enclosing tape records for the loss: a measure of the memory reverse mode holds. */
    private static int tapeNodes(BiFunction<Tensor, Tensor, Tensor> net, Tensor x, Tensor theta) {
        try (Vjp tape = new Vjp()) {
            net.apply(tape.watch(x), tape.watch(theta)).square().sum();
            return tape.size();
        }
    }

    @ParameterizedTest(name = "N={0}, k={1}")
    @CsvSource({"1,1", "6,2", "12,3", "12,4", "16,4", "10,20"})
    void sequentialCheckpointsGiveThePlainGradientWithASmallerTape(int n, int k) {
        Rng rng = Rng.seed(n * 31L + k);
        Tensor x = Tensor.randn(rng, D);
        Tensor theta = Tensor.randn(rng, D * D).mul(0.5);
        List<BiFunction<Tensor, Tensor, Tensor>> ls = layers(n);
        BiFunction<Tensor, Tensor, Tensor> full = plain(ls);
        BiFunction<Tensor, Tensor, Tensor> ck = Checkpoint.sequential(ls, k);
        assertThat(ck.apply(x, theta).toArray()).containsExactly(full.apply(x, theta).toArray(), within(1e-15));
        List<Tensor> expected = grads(full, x, theta);
        List<Tensor> actual = grads(ck, x, theta);
        for (int i = 0; i < 2; i++) {
            assertThat(actual.get(i).toArray()).containsExactly(expected.get(i).toArray(), within(1e-12));
        }
        int segments = Math.min(k, n);
        int plainNodes = tapeNodes(full, x, theta);
        int ckNodes = tapeNodes(ck, x, theta);
        assertThat(ckNodes).as("one node per segment instead of the layers' nodes").isLessThan(plainNodes + 1)
                .isLessThanOrEqualTo(2 + segments + 2);
    }

    @Test
    void checkpointedGradientMatchesFiniteDifferences() {
        Rng rng = Rng.seed(5);
        Tensor x = Tensor.randn(rng, D);
        Tensor theta = Tensor.randn(rng, D * D).mul(0.5);
        BiFunction<Tensor, Tensor, Tensor> ck = Checkpoint.sequential(layers(8), 3);
        Tensor g = grads(ck, x, theta).get(1);
        double[] t = theta.toArray();
        double h = 1e-6;
        for (int i = 0; i < t.length; i++) {
            double[] up = t.clone();
            double[] down = t.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (ck.apply(x, Tensor.of(up)).square().sum().item()
                    - ck.apply(x, Tensor.of(down)).square().sum().item()) / (2 * h);
            assertThat(g.toArray()[i]).isCloseTo(fd, within(1e-7));
        }
    }

    @Test
    void twoInputCheckpointKeepsSecondOrderDerivatives() {
        BiFunction<Tensor, Tensor, Tensor> f = (v, w) -> v.sin().mul(v.mul(w).exp()).sum();
        BiFunction<Tensor, Tensor, Tensor> ck = Checkpoint.of(f);
        Tensor x = Tensor.of(0.3, -0.8, 1.1);
        Tensor w = Tensor.of(0.5, 0.2, -0.4);
        Function<Tensor, Tensor> plainX = v -> f.apply(v, w);
        Function<Tensor, Tensor> ckX = v -> ck.apply(v, w);
        assertThat(Ad.grad(ckX).apply(x).toArray()).containsExactly(Ad.grad(plainX).apply(x).toArray(), within(1e-14));
        assertThat(Ad.hessian(ckX).apply(x).toArray()).containsExactly(Ad.hessian(plainX).apply(x).toArray(),
                within(1e-12));
        Function<Tensor, Tensor> ckW = v -> ck.apply(x, v);
        Function<Tensor, Tensor> plainW = v -> f.apply(x, v);
        assertThat(Ad.grad(ckW).apply(w).toArray()).containsExactly(Ad.grad(plainW).apply(w).toArray(), within(1e-14));
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> Checkpoint.sequential(List.of(), 2)).hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Checkpoint.sequential(layers(3), 0)).hasMessageContaining("0 segments");
    }
}
