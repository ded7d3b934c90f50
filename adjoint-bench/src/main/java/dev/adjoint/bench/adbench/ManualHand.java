package dev.adjoint.bench.adbench;

import java.util.Arrays;

/**
 * The hand-tracking residuals and their dense Jacobian written by hand in plain Java (ADBench's "manual" row, the
 * lower anchor next to {@link Hand}'s AD Jacobian). Same objective as {@link Hand#simple} and
 * {@link Hand#complicated}; the Jacobian in the same layouts as {@link Hand#simpleJacobian()} [3N, 26] and
 * {@link Hand#complicatedJacobian()} [3N, 2 + 26].
 *
 * <p>The derivation, forward accumulation per parameter: a joint angle enters one bone's Euler rotation
 * R = R_z R_y R_x, whose derivative replaces that one factor by its derivative; the bone's relative transform
 * Base · [R 0; 0 1] then changes by Base · [R' 0; 0 0], its absolute transform by Abs_parent times that, and every
 * bone below by the changed parent absolute times its own relative (bones elsewhere do not move). Linear skinning
 * blends the bones' transforms (times their inverse base absolutes) by the vertex weights, so a vertex's derivative
 * is the same blend of the transforms' derivatives applied to its rest position. The global rotation is Rodrigues'
 * matrix of the angle-axis vector (its derivative below), multiplied into every bone's transform (and derivative)
 * once rather than into every vertex; the translation's derivative is the identity. Residual = point −
 * model, so every Jacobian entry is minus the model's derivative; in the complicated variant the model point is
 * u₀ a + u₁ b + (1 − u₀ − u₁) c on the triangle, whose u derivatives are a − c and b − c.
 *
 * <p>Not thread-safe: one instance owns its work arrays (nothing is allocated per call).
 */
public final class ManualHand {

    private static final int THETA = Hand.THETA;
    /** theta 0..5 are global (rotation, translation); 6..25 are joint angles. */
    private static final int JOINTS = THETA - 6;
    /** Below this angle-axis norm the rotation is the identity (and its derivative zero), as in {@link Hand}. */
    private static final double SMALL_ANGLE = 1e-4;

    private final int nb;
    private final int npts;
    private final boolean complicated;
    private final int[] parents;
    private final double[] base;        // [B, 4, 4] relative rest transforms
    private final double[] inverse;     // [B, 4, 4] inverse rest absolutes
    private final double[] rest;        // [V, 3] rest positions
    private final int[] weightStart;    // per vertex its range in weightBone / weightValue (nonzero weights only)
    private final int[] weightBone;
    private final double[] weightValue;
    private final double[] points;      // [N, 3]
    private final int[] corners;        // per point its vertex (simple) or its triangle's 3 vertices (complicated)
    private final int[] used;           // every vertex some point uses, once
    private final int[] boneTheta;      // [B, 3]: theta index of bone b's angle (x, z, y), or −1
    private final int[] jointBone;      // per joint parameter (theta 6 + j) its bone ...
    private final int[] jointAxis;      // ... and its angle (0 x, 1 z, 2 y)
    private final boolean[] moves;      // [J, B]: bone b is at or below joint j's bone
    private final int[][] movedBy;      // per bone the joints that move it (at most the 4 of its finger)

    // Work arrays, reused by every call.
    private final double[] rel;         // [B, 4, 4] posed relatives
    private final double[] abs;         // [B, 3, 4] absolutes, top rows (the bottom row never reaches a vertex)
    private final double[] transforms;  // [B, 3, 4] global rotation · absolute · inverse rest absolute
    private final double[] dAbs;        // [J, B, 3, 4]
    private final double[] dTransforms; // [J, B, 3, 4] their derivatives wrt joint j (rotated the same way)
    private final double[] rotation = new double[9];
    private final double[] dRotation = new double[27];
    private final double[] spin = new double[27];      // ∂R/∂a_j · Rᵀ: maps a rotated vertex to its derivative
    private final double[] verts;       // [V, 3] posed vertices
    private final double[] dVerts;      // [V, 3, 26] their derivatives wrt theta
    private final double[] factors = new double[27];   // R_z, R_y, R_x of one bone
    private final double[] scratch = new double[27];
    private final double[] dRel = new double[16];
    private final double[] block = new double[12];

    /** The objective and Jacobian of one input (its variant; its pose and u are only read by the task). */
    public ManualHand(HandInput in) {
        HandModel model = in.model();
        this.nb = model.bones();
        this.npts = in.points().dim(0);
        this.complicated = in.complicated();
        this.parents = model.parents().clone();
        this.base = model.baseRelatives().toArray();
        this.inverse = model.inverseAbsolutes().toArray();
        int nv = model.vertices();
        double[] pos = model.basePositions().toArray();
        this.rest = new double[nv * 3];
        for (int v = 0; v < nv; v++) {
            System.arraycopy(pos, v * 4, rest, v * 3, 3);
        }
        double[] w = model.weights().toArray();
        int nnz = 0;
        for (double x : w) {
            nnz += x != 0 ? 1 : 0;
        }
        this.weightStart = new int[nv + 1];
        this.weightBone = new int[nnz];
        this.weightValue = new double[nnz];
        int e = 0;
        for (int v = 0; v < nv; v++) {
            for (int b = 0; b < nb; b++) {
                if (w[v * nb + b] != 0) {
                    weightBone[e] = b;
                    weightValue[e++] = w[v * nb + b];
                }
            }
            weightStart[v + 1] = e;
        }
        this.points = in.points().toArray();
        int per = complicated ? 3 : 1;
        this.corners = new int[npts * per];
        boolean[] needed = new boolean[nv];
        for (int i = 0; i < npts; i++) {
            int c = in.correspondences()[i];
            for (int k = 0; k < per; k++) {
                corners[i * per + k] = complicated ? model.triangles()[c][k] : c;
                needed[corners[i * per + k]] = true;
            }
        }
        int count = 0;
        for (boolean b : needed) {
            count += b ? 1 : 0;
        }
        this.used = new int[count];
        for (int v = 0, u = 0; v < nv; v++) {
            if (needed[v]) {
                used[u++] = v;
            }
        }
        int[] slots = Hand.poseSlots(nb);
        this.boneTheta = Arrays.copyOfRange(slots, 9, slots.length);
        this.jointBone = new int[JOINTS];
        this.jointAxis = new int[JOINTS];
        for (int s = 0; s < boneTheta.length; s++) {
            if (boneTheta[s] >= 6) {
                jointBone[boneTheta[s] - 6] = s / 3;
                jointAxis[boneTheta[s] - 6] = s % 3;
            }
        }
        this.moves = new boolean[JOINTS * nb];
        for (int j = 0; j < JOINTS; j++) {
            for (int b = 0; b < nb; b++) {
                // Parents come before children, so one pass finds the subtree.
                moves[j * nb + b] = b == jointBone[j] || parents[b] >= 0 && moves[j * nb + parents[b]];
            }
        }
        this.movedBy = new int[nb][];
        for (int b = 0; b < nb; b++) {
            int bone = b;
            movedBy[b] = java.util.stream.IntStream.range(0, JOINTS).filter(j -> moves[j * nb + bone]).toArray();
        }
        this.rel = new double[nb * 16];
        this.abs = new double[nb * 12];
        this.transforms = new double[nb * 12];
        this.dAbs = new double[JOINTS * nb * 12];
        this.dTransforms = new double[JOINTS * nb * 12];
        this.verts = new double[nv * 3];
        this.dVerts = new double[nv * 3 * THETA];
    }

    /** The parameters as {@link Hand} takes them: theta [26] (simple), or u [2N] then theta (complicated). */
    public static double[] parameters(HandInput in) {
        if (!in.complicated()) {
            return in.theta().toArray();
        }
        double[] u = in.us().toArray();
        double[] all = Arrays.copyOf(u, u.length + THETA);
        System.arraycopy(in.theta().toArray(), 0, all, u.length, THETA);
        return all;
    }

    /** Number of parameters: 26, or 2N + 26 in the complicated variant. */
    public int parameterCount() {
        return complicated ? 2 * npts + THETA : THETA;
    }

    /** Number of residuals, 3N. */
    public int rows() {
        return 3 * npts;
    }

    /** Number of Jacobian columns: 26, or 2 + 26 in the complicated variant (the point's own u₀, u₁ first). */
    public int columns() {
        return complicated ? 2 + THETA : THETA;
    }

    /** The residuals [3N] (point by point) at {@code params} (laid out as {@link #parameters}). */
    public void objective(double[] params, double[] residuals) {
        check(params, residuals, null);
        pose(params, complicated ? 2 * npts : 0, false);
        for (int i = 0; i < npts; i++) {
            for (int k = 0; k < 3; k++) {
                residuals[3 * i + k] = points[3 * i + k] - modelPoint(params, i, k);
            }
        }
    }

    /**
     * The residuals [3N] and the Jacobian [3N, {@link #columns()}] (row-major) at {@code params}: row 3i + k's
     * derivatives wrt the pose (simple), or wrt point i's u₀, u₁ and then the pose (complicated).
     */
    public void jacobian(double[] params, double[] residuals, double[] jacobian) {
        check(params, residuals, jacobian);
        pose(params, complicated ? 2 * npts : 0, true);
        int cols = columns();
        for (int i = 0; i < npts; i++) {
            for (int k = 0; k < 3; k++) {
                residuals[3 * i + k] = points[3 * i + k] - modelPoint(params, i, k);
                int row = (3 * i + k) * cols;
                if (!complicated) {
                    int d = (corners[i] * 3 + k) * THETA;
                    for (int c = 0; c < THETA; c++) {
                        jacobian[row + c] = -dVerts[d + c];
                    }
                    continue;
                }
                double u0 = params[2 * i];
                double u1 = params[2 * i + 1];
                double u2 = 1 - u0 - u1;
                int a = corners[3 * i] * 3 + k;
                int b = corners[3 * i + 1] * 3 + k;
                int c3 = corners[3 * i + 2] * 3 + k;
                jacobian[row] = verts[c3] - verts[a];
                jacobian[row + 1] = verts[c3] - verts[b];
                for (int c = 0; c < THETA; c++) {
                    jacobian[row + 2 + c] = -(u0 * dVerts[a * THETA + c] + u1 * dVerts[b * THETA + c]
                            + u2 * dVerts[c3 * THETA + c]);
                }
            }
        }
    }

    /** Entry k of point i's model point: its vertex, or the u-blend of its triangle's corners. */
    private double modelPoint(double[] params, int i, int k) {
        if (!complicated) {
            return verts[corners[i] * 3 + k];
        }
        double u0 = params[2 * i];
        double u1 = params[2 * i + 1];
        return u0 * verts[corners[3 * i] * 3 + k] + u1 * verts[corners[3 * i + 1] * 3 + k]
                + (1 - u0 - u1) * verts[corners[3 * i + 2] * 3 + k];
    }

    /** Poses the used vertices (and their derivatives wrt theta) at theta = params[off .. off + 26]. */
    private void pose(double[] p, int off, boolean derivatives) {
        angleAxis(p, off, derivatives);
        for (int b = 0; b < nb; b++) {
            euler(p, off, b, -1, factors);
            product(factors, scratch);
            // rel = base · [R 0; 0 1]: base's first three columns times R, its last column as it is.
            rotate(b, scratch, rel, b * 16);
            rel[b * 16 + 3] = base[b * 16 + 3];
            rel[b * 16 + 7] = base[b * 16 + 7];
            rel[b * 16 + 11] = base[b * 16 + 11];
            rel[b * 16 + 15] = base[b * 16 + 15];
            if (parents[b] < 0) {
                System.arraycopy(rel, b * 16, abs, b * 12, 12);
            } else {
                times(abs, parents[b] * 12, rel, b * 16, abs, b * 12);
            }
            times(abs, b * 12, inverse, b * 16, transforms, b * 12);
            // The global rotation is folded in here, once per bone, instead of once per vertex.
            rotateLeft(transforms, b * 12);
        }
        if (derivatives) {
            for (int j = 0; j < JOINTS; j++) {
                int b0 = jointBone[j];
                // d rel = base · [R' 0; 0 0], R' with the one factor of this angle differentiated.
                euler(p, off, b0, jointAxis[j], factors);
                product(factors, scratch);
                int d = (j * nb + b0) * 12;
                rotate(b0, scratch, dRel, 0);
                if (parents[b0] < 0) {
                    System.arraycopy(dRel, 0, dAbs, d, 12);
                } else {
                    times(abs, parents[b0] * 12, dRel, 0, dAbs, d);
                }
                times(dAbs, d, inverse, b0 * 16, dTransforms, d);
                rotateLeft(dTransforms, d);
                for (int b = b0 + 1; b < nb; b++) {
                    if (moves[j * nb + b]) {
                        int db = (j * nb + b) * 12;
                        times(dAbs, (j * nb + parents[b]) * 12, rel, b * 16, dAbs, db);
                        times(dAbs, db, inverse, b * 16, dTransforms, db);
                        rotateLeft(dTransforms, db);
                    }
                }
            }
            // ∂(R s)/∂a_j = ∂R/∂a_j s = (∂R/∂a_j Rᵀ)(R s), R being orthogonal: the global rotation's columns from
            // the rotated vertex, which is all skin keeps.
            for (int j = 0; j < 3; j++) {
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        spin[9 * j + 3 * r + c] = dRotation[9 * j + 3 * r] * rotation[3 * c]
                                + dRotation[9 * j + 3 * r + 1] * rotation[3 * c + 1]
                                + dRotation[9 * j + 3 * r + 2] * rotation[3 * c + 2];
                    }
                }
            }
        }
        for (int v : used) {
            skin(v, p, off, derivatives);
        }
    }

    /** m[o ..] (3 × 4) := R · m, R the global rotation. */
    private void rotateLeft(double[] m, int o) {
        System.arraycopy(m, o, block, 0, 12);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                m[o + r * 4 + c] = rotation[3 * r] * block[c] + rotation[3 * r + 1] * block[4 + c]
                        + rotation[3 * r + 2] * block[8 + c];
            }
        }
    }

    /** out[o ..] = base_b · [m 0; 0 0] (4 × 4) for a 3 × 3 m: the last column stays 0. */
    private void rotate(int b, double[] m, double[] out, int o) {
        for (int r = 0; r < 4; r++) {
            int t = b * 16 + r * 4;
            for (int c = 0; c < 3; c++) {
                out[o + r * 4 + c] = base[t] * m[c] + base[t + 1] * m[3 + c] + base[t + 2] * m[6 + c];
            }
            out[o + r * 4 + 3] = 0;
        }
    }

    /**
     * Posed vertex v = Σ_b w_b (R T_b) rest + translation, and (with {@code derivatives}) its 26 derivatives: the same
     * blend of the joints' transform derivatives, only over the joints that move one of its bones.
     */
    private void skin(int v, double[] p, int off, boolean derivatives) {
        double x = rest[v * 3];
        double y = rest[v * 3 + 1];
        double z = rest[v * 3 + 2];
        int d = v * 3 * THETA;
        if (derivatives) {
            Arrays.fill(dVerts, d, d + 3 * THETA, 0);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int e = weightStart[v]; e < weightStart[v + 1]; e++) {
            int t = weightBone[e] * 12;
            double w = weightValue[e];
            s0 += w * (transforms[t] * x + transforms[t + 1] * y + transforms[t + 2] * z + transforms[t + 3]);
            s1 += w * (transforms[t + 4] * x + transforms[t + 5] * y + transforms[t + 6] * z + transforms[t + 7]);
            s2 += w * (transforms[t + 8] * x + transforms[t + 9] * y + transforms[t + 10] * z + transforms[t + 11]);
            if (!derivatives) {
                continue;
            }
            for (int j : movedBy[weightBone[e]]) {
                for (int r = 0; r < 3; r++) {
                    int m = (j * nb + weightBone[e]) * 12 + r * 4;
                    dVerts[d + r * THETA + 6 + j] += w * (dTransforms[m] * x + dTransforms[m + 1] * y
                            + dTransforms[m + 2] * z + dTransforms[m + 3]);
                }
            }
        }
        verts[v * 3] = s0 + p[off + 3];
        verts[v * 3 + 1] = s1 + p[off + 4];
        verts[v * 3 + 2] = s2 + p[off + 5];
        if (!derivatives) {
            return;
        }
        for (int r = 0; r < 3; r++) {
            for (int a = 0; a < 3; a++) {
                int k = 9 * a + 3 * r;
                dVerts[d + r * THETA + a] = spin[k] * s0 + spin[k + 1] * s1 + spin[k + 2] * s2;
            }
            dVerts[d + r * THETA + 3 + r] = 1;
        }
    }

    /**
     * Bone b's Euler factors R_z, R_y, R_x into f (3 × 3 each, in product order); the factor of angle
     * {@code derivative} (0 x, 1 z, 2 y; −1 none) replaced by its derivative.
     */
    private void euler(double[] p, int off, int b, int derivative, double[] f) {
        // Each factor turns one coordinate plane: z the (0, 1) plane, y (0, 2), x (1, 2); angles are stored x, z, y.
        planeRotation(0, 1, angle(p, off, b, 1), derivative == 1, f, 0);
        planeRotation(0, 2, angle(p, off, b, 2), derivative == 2, f, 9);
        planeRotation(1, 2, angle(p, off, b, 0), derivative == 0, f, 18);
    }

    private double angle(double[] p, int off, int b, int axis) {
        int t = boneTheta[b * 3 + axis];
        return t < 0 ? 0 : p[off + t];
    }

    /**
     * The rotation by t in the plane of axes i &lt; j (entries ii and jj cos t, ji sin t, ij −sin t, the third axis
     * fixed), or its derivative in t (cos → −sin, sin → cos, the fixed axis → 0).
     */
    static void planeRotation(int i, int j, double t, boolean derivative, double[] out, int o) {
        double c = Math.cos(t);
        double s = Math.sin(t);
        Arrays.fill(out, o, o + 9, 0);
        if (derivative) {
            double dc = -s;
            s = c;
            c = dc;
        } else {
            int k = 3 - i - j;
            out[o + 4 * k] = 1;
        }
        out[o + 4 * i] = c;
        out[o + 4 * j] = c;
        out[o + 3 * j + i] = s;
        out[o + 3 * i + j] = -s;
    }

    /** out = f[0..9] · f[9..18] · f[18..27] (3 × 3, row-major). */
    private static void product(double[] f, double[] out) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double zy = 0;
                for (int m = 0; m < 3; m++) {
                    zy += f[3 * r + m] * f[9 + 3 * m + c];
                }
                out[9 + 3 * r + c] = zy;
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[3 * r + c] = out[9 + 3 * r] * f[18 + c] + out[9 + 3 * r + 1] * f[21 + c]
                        + out[9 + 3 * r + 2] * f[24 + c];
            }
        }
    }

    /** out (3 × 4) = a (3 × 4, the top rows of a 4 × 4) · b (4 × 4); out may not alias b. */
    private static void times(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        for (int r = 0; r < 3; r++) {
            double a0 = a[ao + r * 4];
            double a1 = a[ao + r * 4 + 1];
            double a2 = a[ao + r * 4 + 2];
            double a3 = a[ao + r * 4 + 3];
            for (int c = 0; c < 4; c++) {
                out[oo + r * 4 + c] = a0 * b[bo + c] + a1 * b[bo + 4 + c] + a2 * b[bo + 8 + c]
                        + a3 * b[bo + 12 + c];
            }
        }
    }

    /**
     * Rodrigues' matrix R = cos θ I + sin θ [ω]× + (1 − cos θ) ω ωᵀ of the angle-axis vector a = θ ω (and, with
     * {@code derivatives}, ∂R/∂a_j for j = 0, 1, 2, using ∂θ/∂a_j = ω_j and ∂ω/∂a_j = (e_j − ω_j ω)/θ). Below
     * θ = 10⁻⁴ the identity with zero derivative, as {@link Hand} (and ADBench) define it.
     */
    private void angleAxis(double[] p, int off, boolean derivatives) {
        double theta = Math.sqrt(p[off] * p[off] + p[off + 1] * p[off + 1] + p[off + 2] * p[off + 2]);
        if (theta < SMALL_ANGLE) {
            Arrays.fill(rotation, 0);
            rotation[0] = 1;
            rotation[4] = 1;
            rotation[8] = 1;
            Arrays.fill(dRotation, 0);
            return;
        }
        double x = p[off] / theta;
        double y = p[off + 1] / theta;
        double z = p[off + 2] / theta;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        rodrigues(c, s, 1 - c, x, y, z, rotation, 0);
        if (!derivatives) {
            return;
        }
        double[] om = {x, y, z};
        for (int j = 0; j < 3; j++) {
            // R is a function of (c, s, ω); differentiate each part and sum: ∂c = −s ω_j, ∂s = c ω_j.
            double dx = ((j == 0 ? 1 : 0) - om[j] * x) / theta;
            double dy = ((j == 1 ? 1 : 0) - om[j] * y) / theta;
            double dz = ((j == 2 ? 1 : 0) - om[j] * z) / theta;
            double dc = -s * om[j];
            double ds = c * om[j];
            int o = 9 * j;
            // Angle part: ∂c I + ∂s [ω]× − ∂c ω ωᵀ.
            rodrigues(dc, ds, -dc, x, y, z, dRotation, o);
            // Axis part: s [∂ω]× + (1 − c)(∂ω ωᵀ + ω ∂ωᵀ).
            double d = 1 - c;
            dRotation[o] += d * 2 * x * dx;
            dRotation[o + 1] += d * (dx * y + x * dy) - s * dz;
            dRotation[o + 2] += d * (dx * z + x * dz) + s * dy;
            dRotation[o + 3] += d * (dy * x + y * dx) + s * dz;
            dRotation[o + 4] += d * 2 * y * dy;
            dRotation[o + 5] += d * (dy * z + y * dz) - s * dx;
            dRotation[o + 6] += d * (dz * x + z * dx) - s * dy;
            dRotation[o + 7] += d * (dz * y + z * dy) + s * dx;
            dRotation[o + 8] += d * 2 * z * dz;
        }
    }

    /** out = a I + b [ω]× + g ω ωᵀ (3 × 3, row-major at o). */
    private static void rodrigues(double a, double b, double g, double x, double y, double z, double[] out, int o) {
        out[o] = a + g * x * x;
        out[o + 1] = g * x * y - b * z;
        out[o + 2] = g * x * z + b * y;
        out[o + 3] = g * y * x + b * z;
        out[o + 4] = a + g * y * y;
        out[o + 5] = g * y * z - b * x;
        out[o + 6] = g * z * x - b * y;
        out[o + 7] = g * z * y + b * x;
        out[o + 8] = a + g * z * z;
    }

    private void check(double[] params, double[] residuals, double[] jacobian) {
        String op = jacobian == null ? "ManualHand.objective" : "ManualHand.jacobian";
        String variant = complicated ? "complicated" : "simple";
        if (params.length != parameterCount()) {
            throw new IllegalArgumentException(op + ": the " + variant + " variant with " + npts + " points takes "
                    + parameterCount() + " parameters" + (complicated ? " (2 u per point, then 26 pose)" : "")
                    + ", not " + params.length);
        }
        if (residuals.length != rows()) {
            throw new IllegalArgumentException(op + ": residuals need length " + rows() + " (3 per point), not "
                    + residuals.length);
        }
        if (jacobian != null && jacobian.length != rows() * columns()) {
            throw new IllegalArgumentException(op + ": the Jacobian [" + rows() + ", " + columns() + "] needs length "
                    + rows() * columns() + ", not " + jacobian.length);
        }
    }
}
