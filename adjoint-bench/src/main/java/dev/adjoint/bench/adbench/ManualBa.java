package dev.adjoint.bench.adbench;

import dev.adjoint.sparse.SparseMatrix;

/**
 * The bundle-adjustment Jacobian written by hand in plain Java (ADBench's "manual" row, the lower anchor): per
 * observation the chain rule through Rodrigues' rotation (∂ω/∂r = (I − ωωᵀ)/θ, ∂θ/∂r = ω), the perspective division
 * and the radial distortion, into the same 2 × 15 blocks and the same sparse matrix as {@link BundleAdjustment}.
 */
public final class ManualBa {

    private ManualBa() {
    }

    /** The sparse Jacobian of (reprojection errors, weight errors), laid out as {@link BundleAdjustment#jacobian}. */
    public static SparseMatrix jacobian(BaInput in) {
        int n = in.n();
        int m = in.m();
        int p = in.p();
        int cols = BaInput.CAM * n + 3 * m + p;
        double[] cams = in.cams().toArray();
        double[] pts = in.points().toArray();
        double[] ws = in.weights().toArray();
        double[] feats = in.features().toArray();
        int nnz = 31 * p;
        int[] ri = new int[nnz];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        double[] block = new double[30];
        int e = 0;
        for (int i = 0; i < p; i++) {
            int cam = in.camIndex()[i];
            int pt = in.ptIndex()[i];
            block(cams, cam * BaInput.CAM, pts, pt * 3, ws[i], feats[2 * i], feats[2 * i + 1], block);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 15; c++) {
                    ri[e] = 2 * i + r;
                    ci[e] = c < 11 ? BaInput.CAM * cam + c : c < 14 ? BaInput.CAM * n + 3 * pt + c - 11
                            : BaInput.CAM * n + 3 * m + i;
                    v[e++] = block[r * 15 + c];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            ri[e] = 2 * p + i;
            ci[e] = BaInput.CAM * n + 3 * m + i;
            v[e++] = -2 * ws[i];
        }
        return SparseMatrix.fromCoo(3 * p, cols, ri, ci, v);
    }

    /** One observation's 2 × 15 block (row-major; columns camera 11, point 3, weight). */
    static void block(double[] cam, int o, double[] pt, int po, double w, double fx, double fy, double[] out) {
        double[] xc = {pt[po] - cam[o + 3], pt[po + 1] - cam[o + 4], pt[po + 2] - cam[o + 5]};
        double r0 = cam[o];
        double r1 = cam[o + 1];
        double r2 = cam[o + 2];
        double sq = r0 * r0 + r1 * r1 + r2 * r2;
        double[] xr = new double[3];
        double[][] dXr = new double[3][3];    // ∂Xr/∂r
        double[][] rot = new double[3][3];    // ∂Xr/∂Xc
        if (sq != 0) {
            double theta = Math.sqrt(sq);
            double[] om = {r0 / theta, r1 / theta, r2 / theta};
            double c = Math.cos(theta);
            double s = Math.sin(theta);
            double dot = om[0] * xc[0] + om[1] * xc[1] + om[2] * xc[2];
            double[] cr = cross(om, xc);
            for (int a = 0; a < 3; a++) {
                xr[a] = xc[a] * c + cr[a] * s + om[a] * dot * (1 - c);
            }
            for (int j = 0; j < 3; j++) {
                double[] dom = new double[3];   // ∂ω/∂r_j = (e_j − ω_j ω) / θ
                for (int a = 0; a < 3; a++) {
                    dom[a] = ((a == j ? 1 : 0) - om[j] * om[a]) / theta;
                }
                double[] dcr = cross(dom, xc);
                double ddot = dom[0] * xc[0] + dom[1] * xc[1] + dom[2] * xc[2];
                for (int a = 0; a < 3; a++) {
                    dXr[a][j] = -s * om[j] * xc[a] + c * om[j] * cr[a] + s * dcr[a] + s * om[j] * dot * om[a]
                            + (1 - c) * (ddot * om[a] + dot * dom[a]);
                }
            }
            double[][] skew = {{0, -om[2], om[1]}, {om[2], 0, -om[0]}, {-om[1], om[0], 0}};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    rot[a][b] = (a == b ? c : 0) + s * skew[a][b] + (1 - c) * om[a] * om[b];
                }
            }
        } else {
            double[] r = {r0, r1, r2};
            double[] cr = cross(r, xc);
            for (int a = 0; a < 3; a++) {
                xr[a] = xc[a] + cr[a];
            }
            for (int j = 0; j < 3; j++) {
                double[] ej = new double[3];
                ej[j] = 1;
                double[] d = cross(ej, xc);
                for (int a = 0; a < 3; a++) {
                    dXr[a][j] = d[a];
                }
            }
            double[][] skew = {{0, -r2, r1}, {r2, 0, -r0}, {-r1, r0, 0}};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    rot[a][b] = (a == b ? 1 : 0) + skew[a][b];
                }
            }
        }
        double f = cam[o + 6];
        double k1 = cam[o + 9];
        double k2 = cam[o + 10];
        double p0 = xr[0] / xr[2];
        double p1 = xr[1] / xr[2];
        double rsq = p0 * p0 + p1 * p1;
        double l = 1 + k1 * rsq + k2 * rsq * rsq;
        double dl = 2 * (k1 + 2 * k2 * rsq);     // ∂L/∂p = dl · p
        double[] pp = {p0, p1};
        double[] feat = {fx, fy};
        for (int r = 0; r < 2; r++) {
            int row = r * 15;
            // ∂out_r/∂p_b = w f (L δ_rb + p_r dl p_b); then ∂p/∂Xr
            double g0 = w * f * ((r == 0 ? l : 0) + pp[r] * dl * p0);
            double g1 = w * f * ((r == 1 ? l : 0) + pp[r] * dl * p1);
            double[] gx = {g0 / xr[2], g1 / xr[2], -(g0 * p0 + g1 * p1) / xr[2]};
            for (int j = 0; j < 3; j++) {
                out[row + j] = gx[0] * dXr[0][j] + gx[1] * dXr[1][j] + gx[2] * dXr[2][j];
                double dxc = gx[0] * rot[0][j] + gx[1] * rot[1][j] + gx[2] * rot[2][j];
                out[row + 3 + j] = -dxc;
                out[row + 11 + j] = dxc;
            }
            out[row + 6] = w * pp[r] * l;
            out[row + 7] = r == 0 ? w : 0;
            out[row + 8] = r == 1 ? w : 0;
            out[row + 9] = w * f * pp[r] * rsq;
            out[row + 10] = w * f * pp[r] * rsq * rsq;
            out[row + 14] = f * pp[r] * l + cam[o + 7 + r] - feat[r];
        }
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
