package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;

import dev.adjoint.ValueAndGrad;
import dev.adjoint.examples.Gmm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GMM objective ({@code examples.Gmm}) and its gradient on ADBench's files: against ADBench's PyTorch module
 * (reference files) and against central differences on sampled entries.
 */
class GmmAdbenchTest {

    @ParameterizedTest
    @ValueSource(strings = {"gmm_d2_K10", "gmm_d10_K25"})
    void valueAndGradientMatchAdbenchPyTorch(String name) {
        GmmInput in = GmmInput.resource("gmm/1k/" + name + ".txt", false);
        Reference ref = Reference.load("gmm_" + name + ".json");
        ValueAndGrad<Gmm.Params> vg = GmmAdbench.valueAndGrad(in);
        assertNear("objective", vg.value().item(), ref.number("objective"), 1e-11);
        assertNear("gradient", GmmAdbench.flatten(vg.grad()), ref.numbers("gradient"), 1e-10);
        ValueAndGrad<Gmm.Params> compiled = GmmAdbench.compiled(in).apply(in.params());
        assertNear("compiled objective", compiled.value().item(), ref.number("objective"), 1e-11);
        assertNear("compiled gradient", GmmAdbench.flatten(compiled.grad()), ref.numbers("gradient"), 1e-10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmm_d2_K10", "gmm_d10_K25"})
    void gradientMatchesCentralDifferences(String name) {
        GmmInput in = GmmInput.resource("gmm/1k/" + name + ".txt", false);
        double[] g = GmmAdbench.flatten(GmmAdbench.valueAndGrad(in).grad());
        double[] x = GmmAdbench.flatten(in.params());
        int k = in.params().alphas().size();
        int d = in.problem().x().dim(1);
        java.util.function.Function<double[], double[]> f = v -> new double[] {
                Gmm.objective(GmmAdbench.unflatten(v, k, d), in.problem()).item()};
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int s = 0; s < 12; s++) {
            int i = s < 3 ? s : rng.nextInt(x.length);
            double fd = Near.central(f, x, i, 1e-6)[0];
            assertNear("d/dx" + i, g[i], fd, 1e-5);
        }
    }
}
