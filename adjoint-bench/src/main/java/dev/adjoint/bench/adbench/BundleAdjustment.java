package dev.adjoint.bench.adbench;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.sparse.SparseJacobian;
import dev.adjoint.sparse.SparseMatrix;
import java.util.List;

/**
 * ADBench's bundle adjustment in tensor code. Each observation packs its camera (rotation as an angle-axis vector,
 * centre, focal length, principal point, two radial-distortion coefficients), its point and its weight into 15
 * numbers; the reprojection error is w · (project(camera, point) − feature) and the weight error 1 − w². Written
 * on the last axis, so one call evaluates one observation [15] or all of them [p, 15].
 */
public final class BundleAdjustment {

    /** Numbers per packed observation: camera 11, point 3, weight 1. */
    public static final int PACKED = BaInput.CAM + 3 + 1;

    private BundleAdjustment() {
    }

    /** The residuals: reprojection errors [p, 2] and weight errors [p]. */
    public record Residuals(Tensor reprojection, Tensor weight) {
    }

    /** Each observation's camera, point and weight side by side: [p, 15]. */
    public static Tensor pack(BaInput in) {
        Tensor cams = in.cams().take(0, indices(in.camIndex()));
        Tensor pts = in.points().take(0, indices(in.ptIndex()));
        return Tensor.concat(1, cams, pts, in.weights().unsqueeze(1));
    }

    /** Both residuals at the input's parameters. */
    public static Residuals residuals(BaInput in) {
        return new Residuals(reprojection(pack(in), in.features()), weightError(in.weights()));
    }

    /** w · (project(camera, point) − feature) for packed observations [..., 15] and features [..., 2]. */
    public static Tensor reprojection(Tensor packed, Tensor feature) {
        Tensor rot = packed.slice(-1, 0, 3);
        Tensor centre = packed.slice(-1, 3, 6);
        Tensor focal = packed.slice(-1, 6, 7);
        Tensor principal = packed.slice(-1, 7, 9);
        Tensor k1 = packed.slice(-1, 9, 10);
        Tensor k2 = packed.slice(-1, 10, 11);
        Tensor point = packed.slice(-1, 11, 14);
        Tensor w = packed.slice(-1, 14, 15);
        Tensor xcam = rotate(rot, point.sub(centre));
        Tensor proj = xcam.slice(-1, 0, 2).div(xcam.slice(-1, 2, 3));
        Tensor rsq = proj.square().sum(new int[] {-1}, true);
        Tensor distortion = k1.mul(rsq).add(k2.mul(rsq.square())).add(1);
        return w.mul(proj.mul(distortion).mul(focal).add(principal).sub(feature));
    }

    /** 1 − w². */
    public static Tensor weightError(Tensor w) {
        return w.square().neg().add(1);
    }

    /**
     * Rodrigues' rotation of x by the angle-axis vector r: x cos θ + (ω × x) sin θ + ω (ω · x)(1 − cos θ) with
     * θ = |r|, ω = r / θ; at θ = 0 its first-order form x + r × x (the masked branch sees θ = 1, so no NaN).
     */
    static Tensor rotate(Tensor r, Tensor x) {
        Tensor sq = r.square().sum(new int[] {-1}, true);
        Tensor nonzero = sq.ne(0);
        Tensor theta = Tensor.where(nonzero, sq, 1.0).sqrt();
        Tensor cos = theta.cos();
        Tensor omega = r.div(theta);
        Tensor dot = omega.mul(x).sum(new int[] {-1}, true);
        Tensor rotated = x.mul(cos).add(cross(omega, x).mul(theta.sin())).add(omega.mul(dot.mul(cos.neg().add(1))));
        return Tensor.where(nonzero, rotated, x.add(cross(r, x)));
    }

    /** a × b on the last axis. */
    static Tensor cross(Tensor a, Tensor b) {
        Tensor a0 = a.slice(-1, 0, 1);
        Tensor a1 = a.slice(-1, 1, 2);
        Tensor a2 = a.slice(-1, 2, 3);
        Tensor b0 = b.slice(-1, 0, 1);
        Tensor b1 = b.slice(-1, 1, 2);
        Tensor b2 = b.slice(-1, 2, 3);
        return Tensor.concat(-1, a1.mul(b2).sub(a2.mul(b1)), a2.mul(b0).sub(a0.mul(b2)), a0.mul(b1).sub(a1.mul(b0)));
    }

    /**
     * The sparse Jacobian of (reprojection errors, weight errors), 3p rows × (11n + 3m + p) columns in ADBench's
     * order: rows 2i, 2i + 1 are observation i's reprojection error, row 2p + i its weight error; columns are the
     * cameras, then the points, then the weights. The 2 × 15 blocks come from {@code vmap(jacobian)} over the
     * observations, the weight rows from {@code vmap(grad)}.
     */
    public static SparseMatrix jacobian(BaInput in) {
        Tensor packed = pack(in);
        Tensor blocks = Ad.vmap((List<Tensor> a) -> Ad.jacobian((Tensor z) -> reprojection(z, a.get(1)))
                .apply(a.get(0)), new int[] {0, 0}, 0).apply(List.of(packed, in.features()));
        Tensor dw = Ad.vmap(Ad.grad(BundleAdjustment::weightError)).apply(in.weights());
        int n = in.n();
        int m = in.m();
        int p = in.p();
        int cols = BaInput.CAM * n + 3 * m + p;
        int[][] rowIndex = new int[p][];
        int[][] colIndex = new int[p][];
        int[][] wRow = new int[p][];
        int[][] wCol = new int[p][];
        for (int i = 0; i < p; i++) {
            rowIndex[i] = new int[] {2 * i, 2 * i + 1};
            int[] c = new int[PACKED];
            for (int k = 0; k < BaInput.CAM; k++) {
                c[k] = BaInput.CAM * in.camIndex()[i] + k;
            }
            for (int k = 0; k < 3; k++) {
                c[BaInput.CAM + k] = BaInput.CAM * n + 3 * in.ptIndex()[i] + k;
            }
            c[PACKED - 1] = BaInput.CAM * n + 3 * m + i;
            colIndex[i] = c;
            wRow[i] = new int[] {i};
            wCol[i] = new int[] {c[PACKED - 1]};
        }
        SparseMatrix reprojection = SparseJacobian.fromBlocks(2 * p, cols, blocks, rowIndex, colIndex);
        SparseMatrix weight = SparseJacobian.fromBlocks(p, cols, dw.reshape(p, 1, 1), wRow, wCol);
        return SparseMatrix.stackRows(reprojection, weight);
    }

    private static Tensor indices(int[] index) {
        double[] d = new double[index.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = index[i];
        }
        return Tensor.of(d);
    }
}
