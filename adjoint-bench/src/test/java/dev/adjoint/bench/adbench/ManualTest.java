package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;

import dev.adjoint.ValueAndGrad;
import dev.adjoint.examples.Gmm;
import dev.adjoint.sparse.SparseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written derivatives (the "manual" rows) equal this library's AD and ADBench's PyTorch reference. */
class ManualTest {

    @ParameterizedTest
    @ValueSource(strings = {"gmm_d2_K10", "gmm_d10_K25"})
    void gmmGradientByHandEqualsAd(String name) {
        GmmInput in = GmmInput.resource("gmm/1k/" + name + ".txt", false);
        ValueAndGrad<Gmm.Params> vg = GmmAdbench.valueAndGrad(in);
        double[] ad = GmmAdbench.flatten(vg.grad());
        double[] grad = new double[ad.length];
        double value = new ManualGmm(in).valueAndGradient(in.params().alphas().toArray(),
                in.params().means().toArray(), in.params().icf().toArray(), grad);
        assertNear("value", value, vg.value().item(), 1e-12);
        assertNear("gradient", grad, ad, 1e-11);
        Reference ref = Reference.load("gmm_" + name + ".json");
        assertNear("gradient vs PyTorch", grad, ref.numbers("gradient"), 1e-10);
    }

    @Test
    void gmmWithWishartDegreesOfFreedom() {
        GmmInput file = GmmInput.resource("gmm/1k/gmm_d2_K10.txt", false);
        GmmInput in = new GmmInput(file.params(), new Gmm.Problem(file.problem().x(), 1.7, 3));
        ValueAndGrad<Gmm.Params> vg = GmmAdbench.valueAndGrad(in);
        double[] grad = new double[GmmAdbench.flatten(vg.grad()).length];
        double value = new ManualGmm(in).valueAndGradient(in.params().alphas().toArray(),
                in.params().means().toArray(), in.params().icf().toArray(), grad);
        assertNear("value", value, vg.value().item(), 1e-12);
        assertNear("gradient", grad, GmmAdbench.flatten(vg.grad()), 1e-11);
    }

    @Test
    void baJacobianByHandEqualsAd() {
        for (long seed = 0; seed < 3; seed++) {
            BaInput in = BundleAdjustmentTest.small(seed);
            assertEqual(ManualBa.jacobian(in), BundleAdjustment.jacobian(in), 1e-12);
        }
        BaInput ba1 = BundleAdjustmentTest.BA1;
        assertEqual(ManualBa.jacobian(ba1), BundleAdjustment.jacobian(ba1), 1e-12);
    }

    private static void assertEqual(SparseMatrix a, SparseMatrix b, double tol) {
        // Arrays.equals: AssertJ's element diff of two million-entry arrays would take minutes.
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.equals(a.rowPointers(), b.rowPointers()))
                .as("row pointers").isTrue();
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.equals(a.columnIndices(), b.columnIndices()))
                .as("column indices").isTrue();
        assertNear("values", a.values(), b.values(), tol);
    }
}
