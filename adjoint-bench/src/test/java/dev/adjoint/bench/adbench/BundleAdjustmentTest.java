package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.sparse.SparseMatrix;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bundle adjustment on ADBench's ba1: residuals and sparse-Jacobian blocks against ADBench's PyTorch module, the
 * Jacobian's structure, and sampled columns against central differences.
 */
class BundleAdjustmentTest {

    static final BaInput BA1 = BaInput.resource("ba/ba1_n49_m7776_p31843.txt");

    @Test
    void residualsMatchAdbenchPyTorch() {
        Reference ref = Reference.load("ba_ba1_n49_m7776_p31843.json");
        BundleAdjustment.Residuals r = BundleAdjustment.residuals(BA1);
        double[] reproj = r.reprojection().toArray();
        assertThat(reproj).hasSize((int) ref.number("reprojection_error_count"));
        assertNear("reprojection", java.util.Arrays.copyOf(reproj, 10), ref.numbers("reprojection_error_head"),
                1e-12);
        assertNear("weight", java.util.Arrays.copyOf(r.weight().toArray(), 10), ref.numbers("weight_error_head"),
                1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jacobianBlocksMatchAdbenchPyTorch() {
        Reference ref = Reference.load("ba_ba1_n49_m7776_p31843.json");
        SparseMatrix j = BundleAdjustment.jacobian(BA1);
        int n = BA1.n();
        int m = BA1.m();
        int p = BA1.p();
        for (Object o : (List<Object>) ref.get("observations")) {
            Map<String, Object> obs = (Map<String, Object>) o;
            int i = ((Number) obs.get("observation")).intValue();
            int cam = ((Number) obs.get("camera")).intValue();
            int pt = ((Number) obs.get("point")).intValue();
            double[] block = Reference.numbers(obs.get("block"));
            for (int r = 0; r < 2; r++) {
                double[] ours = new double[15];
                for (int k = 0; k < 11; k++) {
                    ours[k] = j.get(2 * i + r, 11 * cam + k);
                }
                for (int k = 0; k < 3; k++) {
                    ours[11 + k] = j.get(2 * i + r, 11 * n + 3 * pt + k);
                }
                ours[14] = j.get(2 * i + r, 11 * n + 3 * m + i);
                assertNear("observation " + i + " row " + r, ours,
                        java.util.Arrays.copyOfRange(block, 15 * r, 15 * r + 15), 1e-11);
            }
            assertNear("weight derivative " + i, j.get(2 * p + i, 11 * n + 3 * m + i),
                    ((Number) obs.get("weight_derivative")).doubleValue(), 1e-12);
        }
    }

    @Test
    void jacobianHasAdbenchsShape() {
        SparseMatrix j = BundleAdjustment.jacobian(BA1);
        int p = BA1.p();
        assertThat(j.rows()).isEqualTo(3 * p);
        assertThat(j.cols()).isEqualTo(11 * BA1.n() + 3 * BA1.m() + p);
        assertThat(j.nnz()).isEqualTo(30 * p + p);
        int[] ptr = j.rowPointers();
        for (int r = 0; r < 2 * p; r++) {
            assertThat(ptr[r + 1] - ptr[r]).isEqualTo(15);
        }
        assertThat(ptr[3 * p] - ptr[2 * p]).isEqualTo(p);
    }

    /** A small problem with distinct cameras, points and weights (ADBench's files replicate one of each). */
    static BaInput small(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 3;
        int m = 5;
        int p = 8;
        double[] cams = new double[n * 11];
        for (int c = 0; c < n; c++) {
            double[] cam = {0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian(),
                    rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian() - 10, 500 + 50 * rng.nextDouble(),
                    rng.nextGaussian(), rng.nextGaussian(), 0.01 * rng.nextGaussian(), 0.001 * rng.nextGaussian()};
            System.arraycopy(cam, 0, cams, 11 * c, 11);
        }
        if (seed == 0) {
            java.util.Arrays.fill(cams, 0, 3, 0.0);   // camera 0 without rotation: Rodrigues' θ = 0 branch
        }
        double[] pts = new double[m * 3];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = rng.nextGaussian();
        }
        double[] w = new double[p];
        double[] feats = new double[p * 2];
        int[] ci = new int[p];
        int[] pi = new int[p];
        for (int i = 0; i < p; i++) {
            w[i] = 0.5 + rng.nextDouble();
            feats[2 * i] = 10 * rng.nextGaussian();
            feats[2 * i + 1] = 10 * rng.nextGaussian();
            ci[i] = rng.nextInt(n);
            pi[i] = rng.nextInt(m);
        }
        ci[0] = 0;
        return new BaInput(Tensor.of(Shape.of(n, 11), cams), Tensor.of(Shape.of(m, 3), pts), Tensor.of(w),
                Tensor.of(Shape.of(p, 2), feats), ci, pi);
    }

    /** All residuals (reprojection, then weight) as a function of (cameras, points, weights) flattened. */
    static Function<double[], double[]> residualsOf(BaInput in) {
        int n = in.n();
        int m = in.m();
        int p = in.p();
        return v -> {
            BaInput moved = new BaInput(Tensor.of(Shape.of(n, 11), java.util.Arrays.copyOfRange(v, 0, 11 * n)),
                    Tensor.of(Shape.of(m, 3), java.util.Arrays.copyOfRange(v, 11 * n, 11 * n + 3 * m)),
                    Tensor.of(java.util.Arrays.copyOfRange(v, 11 * n + 3 * m, v.length)), in.features(),
                    in.camIndex(), in.ptIndex());
            BundleAdjustment.Residuals r = BundleAdjustment.residuals(moved);
            double[] a = r.reprojection().toArray();
            double[] b = r.weight().toArray();
            double[] out = java.util.Arrays.copyOf(a, 3 * p);
            System.arraycopy(b, 0, out, 2 * p, p);
            return out;
        };
    }

    static double[] parameters(BaInput in) {
        double[] c = in.cams().toArray();
        double[] x = in.points().toArray();
        double[] w = in.weights().toArray();
        double[] v = java.util.Arrays.copyOf(c, c.length + x.length + w.length);
        System.arraycopy(x, 0, v, c.length, x.length);
        System.arraycopy(w, 0, v, c.length + x.length, w.length);
        return v;
    }

    @Test
    void everyColumnMatchesCentralDifferencesOnDistinctCameras() {
        for (long seed = 0; seed < 3; seed++) {
            BaInput in = small(seed);
            SparseMatrix j = BundleAdjustment.jacobian(in);
            double[] v = parameters(in);
            Function<double[], double[]> f = residualsOf(in);
            for (int col = 0; col < v.length; col++) {
                double h = 1e-6 * Math.max(1, Math.abs(v[col]));
                double[] fd = Near.central(f, v, col, h);
                double[] ours = new double[fd.length];
                for (int r = 0; r < fd.length; r++) {
                    ours[r] = j.get(r, col);
                }
                assertNear("seed " + seed + " column " + col, ours, fd, 2e-5);
            }
        }
    }

    @Test
    void sampledColumnsOfBa1MatchCentralDifferences() {
        double[] v = parameters(BA1);
        Function<double[], double[]> f = residualsOf(BA1);
        SparseMatrix j = BundleAdjustment.jacobian(BA1);
        int[] cols = {0, 6, 10, 11 * 48 + 3, 11 * 49, 11 * 49 + 3 * 7775 + 2, 11 * 49 + 3 * 7776 + 5};
        for (int col : cols) {
            double h = 1e-6 * Math.max(1, Math.abs(v[col]));
            double[] fd = Near.central(f, v, col, h);
            double[] ours = new double[fd.length];
            for (int r = 0; r < fd.length; r++) {
                ours[r] = j.get(r, col);
            }
            assertNear("column " + col, ours, fd, 1e-5);
        }
    }
}
