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
 * on the leading axis, so one call evaluates one observation [15] or all of them [15, p].
 */
public final class BundleAdjustment {

    /** Numbers per packed observation: camera 11, point 3, weight 1. */
    public static final int PACKED = BaInput.CAM + 3 + 1;

    private BundleAdjustment() {
    }

    /** The residuals: reprojection errors [p, 2] and weight errors [p]. */
    public record Residuals(Tensor reprojection, Tensor weight) {
    }

    /** Each observation's camera, point and weight, component by component: [15, p]. */
    public static Tensor pack(BaInput in) {
        Tensor cams = in.cams().transpose().take(1, indices(in.camIndex()));
        Tensor pts = in.points().transpose().take(1, indices(in.ptIndex()));
        return Tensor.concat(0, cams, pts, in.weights().unsqueeze(0));
    }

    /** Both residuals at the input's parameters. */
    public static Residuals residuals(BaInput in) {
        return new Residuals(reprojection(pack(in), in.features().transpose()).transpose(),
                weightError(in.weights()));
    }

    /**
     * w · (project(camera, point) − feature) for packed observations [15, …] and features [2, …]: [2, …]. Written
     * component by component on the leading axis, so every operation is elementwise on whole rows.
     */
    public static Tensor reprojection(Tensor packed, Tensor feature) {
        V3 rot = V3.of(packed, 0);
        V3 centre = V3.of(packed, 3);
        Tensor focal = packed.index(6);
        Tensor k1 = packed.index(9);
        Tensor k2 = packed.index(10);
        V3 point = V3.of(packed, 11);
        Tensor w = packed.index(14);
        V3 xcam = rotate(rot, point.sub(centre));
        Tensor p0 = xcam.x().div(xcam.z());
        Tensor p1 = xcam.y().div(xcam.z());
        Tensor rsq = p0.square().add(p1.square());
        Tensor scale = k1.mul(rsq).add(k2.mul(rsq.square())).add(1).mul(focal);
        Tensor e0 = w.mul(p0.mul(scale).add(packed.index(7)).sub(feature.index(0)));
        Tensor e1 = w.mul(p1.mul(scale).add(packed.index(8)).sub(feature.index(1)));
        return Tensor.stack(0, e0, e1);
    }

    /** 1 − w². */
    public static Tensor weightError(Tensor w) {
        return w.square().neg().add(1);
    }

    /**
     * Rodrigues' rotation of x by the angle-axis vector r: x cos θ + (ω × x) sin θ + ω (ω · x)(1 − cos θ) with
     * θ = |r|, ω = r / θ; at θ = 0 its first-order form x + r × x (the masked branch sees θ = 1, so no NaN).
     */
    static V3 rotate(V3 r, V3 x) {
        Tensor sq = r.dot(r);
        Tensor nonzero = sq.ne(0);
        Tensor theta = Tensor.where(nonzero, sq, 1.0).sqrt();
        Tensor cos = theta.cos();
        V3 omega = r.div(theta);
        V3 rotated = x.mul(cos).add(omega.cross(x).mul(theta.sin())).add(omega.mul(omega.dot(x).mul(cos.neg()
                .add(1))));
        V3 small = x.add(r.cross(x));
        return new V3(Tensor.where(nonzero, rotated.x(), small.x()), Tensor.where(nonzero, rotated.y(), small.y()),
                Tensor.where(nonzero, rotated.z(), small.z()));
    }

    /** A 3-vector of tensors (one per component), for componentwise vector algebra. */
    record V3(Tensor x, Tensor y, Tensor z) {

        static V3 of(Tensor packed, int first) {
            return new V3(packed.index(first), packed.index(first + 1), packed.index(first + 2));
        }

        V3 add(V3 o) {
            return new V3(x.add(o.x), y.add(o.y), z.add(o.z));
        }

        V3 sub(V3 o) {
            return new V3(x.sub(o.x), y.sub(o.y), z.sub(o.z));
        }

        V3 mul(Tensor s) {
            return new V3(x.mul(s), y.mul(s), z.mul(s));
        }

        V3 div(Tensor s) {
            return new V3(x.div(s), y.div(s), z.div(s));
        }

        Tensor dot(V3 o) {
            return x.mul(o.x).add(y.mul(o.y)).add(z.mul(o.z));
        }

        V3 cross(V3 o) {
            return new V3(y.mul(o.z).sub(z.mul(o.y)), z.mul(o.x).sub(x.mul(o.z)), x.mul(o.y).sub(y.mul(o.x)));
        }
    }

    /**
     * The sparse Jacobian of (reprojection errors, weight errors), 3p rows × (11n + 3m + p) columns in ADBench's
     * order: rows 2i, 2i + 1 are observation i's reprojection error, row 2p + i its weight error; columns are the
     * cameras, then the points, then the weights. The 2 × 15 blocks come from {@code vmap(jacobian)} over the
     * observations, the weight rows from {@code vmap(grad)}.
     */
    public static SparseMatrix jacobian(BaInput in) {
        Tensor blocks = Ad.vmap((List<Tensor> a) -> Ad.jacobian((Tensor z) -> reprojection(z, a.get(1)))
                .apply(a.get(0)), new int[] {1, 1}, 0).apply(List.of(pack(in), in.features().transpose()));
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
