package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;

import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.array.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The LSTM loss and gradient on ADBench's lstm_l2_c1024: against ADBench's PyTorch module and central differences. */
class LstmTest {

    static final LstmInput IN = LstmInput.resource("lstm/lstm_l2_c1024.txt");

    @Test
    void lossAndGradientMatchAdbenchPyTorch() {
        Reference ref = Reference.load("lstm_lstm_l2_c1024.json");
        ValueAndGrad<Lstm.Params> vg = Lstm.valueAndGrad(IN);
        assertNear("loss", vg.value().item(), ref.number("objective"), 1e-12);
        assertNear("gradient", Lstm.flatten(vg.grad()), ref.numbers("gradient"), 1e-11);
    }

    @Test
    void gradientMatchesCentralDifferencesOnAShortSequence() {
        LstmInput in = new LstmInput(IN.main(), IN.extra(), IN.state(), IN.sequence().slice(0, 0, 20));
        double[] g = Lstm.flatten(Lstm.valueAndGrad(in).grad());
        double[] x = Lstm.flatten(Lstm.params(in));
        int nm = in.main().size();
        Function<double[], double[]> f = v -> new double[] {Lstm.objective(new Lstm.Params(
                Tensor.of(in.main().shape(), Arrays.copyOf(v, nm)),
                Tensor.of(Shape.of(3, in.extra().dim(1)), Arrays.copyOfRange(v, nm, v.length))),
                in.state(), in.sequence()).item()};
        SplittableRandom rng = new SplittableRandom(3);
        for (int s = 0; s < 16; s++) {
            int i = s < 2 ? s : s < 4 ? x.length - 1 - s : rng.nextInt(x.length);
            assertNear("d/dθ" + i, g[i], Near.central(f, x, i, 1e-6)[0], 1e-7);
        }
    }
}
