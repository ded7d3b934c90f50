package dev.adjoint.bench.adbench;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.sparse.SparseJacobian;
import dev.adjoint.sparse.SparseMatrix;
import dev.adjoint.sparse.Sparsity;
import java.util.function.Function;

/**
 * ADBench's hand tracking in tensor code: 26 pose parameters (global rotation as an angle-axis vector, translation,
 * and per finger one two-angle and two one-angle joints) pose a linearly skinned mesh; each bone's relative transform
 * is its base transform times an Euler rotation (R = R_z R_y R_x, angles stored x, z, y), absolute transforms chain
 * from parent to child, and every vertex blends the bones' transforms by its weights. The residuals are point minus
 * model: the corresponding vertex (simple), or a point u₀ a + u₁ b + (1 − u₀ − u₁) c on the corresponding triangle
 * (complicated, where the two u per point are parameters too).
 */
public final class Hand {

    /** Number of pose parameters. */
    public static final int THETA = 26;

    private final HandInput in;
    private final Tensor poseIndex;
    private final Tensor scaleRow;
    private final Tensor correspondences;
    private final Tensor[] corners;

    /** The objective for one input. */
    public Hand(HandInput in) {
        this.in = in;
        int nb = in.model().bones();
        int rows = nb + 3;
        // pose[r, a] = theta[index − 1], or 0 where the index is 0; row 1 is the global scale, ones.
        int[] slots = poseSlots(nb);
        double[] index = new double[rows * 3];
        double[] scale = new double[rows * 3];
        for (int e = 0; e < index.length; e++) {
            index[e] = slots[e] + 1;
        }
        for (int a = 0; a < 3; a++) {
            scale[3 + a] = 1;
        }
        this.poseIndex = Tensor.of(index);
        this.scaleRow = Tensor.of(Shape.of(rows, 3), scale);
        this.correspondences = indices(in.correspondences());
        if (in.complicated()) {
            int n = in.correspondences().length;
            double[][] c = new double[3][n];
            for (int i = 0; i < n; i++) {
                int[] tri = in.model().triangles()[in.correspondences()[i]];
                for (int k = 0; k < 3; k++) {
                    c[k][i] = tri[k];
                }
            }
            this.corners = new Tensor[] {Tensor.of(c[0]), Tensor.of(c[1]), Tensor.of(c[2])};
        } else {
            this.corners = null;
        }
    }

    /**
     * Where the 26 parameters sit in ADBench's pose matrix [B + 3, 3]: per entry (row-major) the theta it holds, or
     * −1 where it is fixed. Row 0 is the global angle-axis rotation, row 1 the global scale (fixed at 1), row 2 the
     * translation, row 3 + b bone b's Euler angles (x, z, y); each finger's first bone is fixed, its second has x
     * and z, its third and fourth x only (bones 0 and B − 1, wrist and forearm, are fixed).
     */
    static int[] poseSlots(int bones) {
        int[] slot = new int[(bones + 3) * 3];
        java.util.Arrays.fill(slot, -1);
        for (int a = 0; a < 3; a++) {
            slot[a] = a;
            slot[6 + a] = 3 + a;
        }
        int t = 6;
        int row = 5;
        for (int finger = 0; finger < 5; finger++) {
            for (int joint = 1; joint <= 3; joint++) {
                slot[row * 3] = t++;
                if (joint == 1) {
                    slot[row * 3 + 1] = t++;
                }
                row++;
            }
            row++;
        }
        return slot;
    }

    /** The input. */
    public HandInput input() {
        return in;
    }

    /** The residuals [3 · npts] (point by point) of the simple variant at pose theta [26]. */
    public Tensor simple(Tensor theta) {
        return in.points().sub(vertices(theta).take(0, correspondences)).reshape(-1);
    }

    /**
     * The residuals [3 · npts] of the complicated variant at all parameters [2 · npts + 26]: the u of every point
     * (row-major), then the pose.
     */
    public Tensor complicated(Tensor all) {
        int n = in.points().dim(0);
        Tensor us = all.slice(0, 0, 2 * n).reshape(n, 2);
        Tensor v = vertices(all.slice(0, 2 * n, 2 * n + THETA));
        Tensor u0 = us.slice(1, 0, 1);
        Tensor u1 = us.slice(1, 1, 2);
        Tensor hand = v.take(0, corners[0]).mul(u0).add(v.take(0, corners[1]).mul(u1))
                .add(v.take(0, corners[2]).mul(u0.add(u1).neg().add(1)));
        return in.points().sub(hand).reshape(-1);
    }

    /** The residuals of this input's variant at its own parameters. */
    public Tensor residuals() {
        return in.complicated() ? complicated(allParameters()) : simple(in.theta());
    }

    /** The complicated variant's parameters: u, then theta. */
    public Tensor allParameters() {
        return Tensor.concat(0, in.us().reshape(-1), in.theta());
    }

    /** The simple variant's dense Jacobian [3 · npts, 26] (forward mode: 26 columns). */
    public Tensor simpleJacobian() {
        return Ad.jacobian(this::simple, in.theta());
    }

    /**
     * The complicated variant's Jacobian in ADBench's layout [3 · npts, 2 + 26]: row 3i + k's derivatives with
     * respect to point i's own u₀, u₁ (the only u it depends on), then the pose. Computed as a sparse Jacobian whose
     * 2 · npts + 26 columns colour into 28 (the u columns of different points never share a row).
     */
    public Tensor complicatedJacobian() {
        return complicatedJacobian(complicatedPattern());
    }

    /** {@link #complicatedJacobian()} with the sparse Jacobian function (pattern and colouring) made once. */
    public Tensor complicatedJacobian(Function<Tensor, SparseMatrix> jacobian) {
        int n = in.points().dim(0);
        SparseMatrix j = jacobian.apply(allParameters());
        double[] out = new double[3 * n * (2 + THETA)];
        int[] ptr = j.rowPointers();
        int[] cols = j.columnIndices();
        double[] vals = j.values();
        for (int r = 0; r < 3 * n; r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                int c = cols[e];
                int at = c < 2 * n ? c - 2 * (r / 3) : c - 2 * n + 2;
                out[r * (2 + THETA) + at] = vals[e];
            }
        }
        return Tensor.of(Shape.of(3 * n, 2 + THETA), out);
    }

    /** The sparse-Jacobian function of the complicated residuals, pattern and colouring made once. */
    public Function<Tensor, SparseMatrix> complicatedPattern() {
        int n = in.points().dim(0);
        int per = 2 + THETA;
        int[] r = new int[3 * n * per];
        int[] c = new int[r.length];
        int e = 0;
        for (int row = 0; row < 3 * n; row++) {
            int i = row / 3;
            for (int k = 0; k < per; k++) {
                r[e] = row;
                c[e++] = k < 2 ? 2 * i + k : 2 * n + k - 2;
            }
        }
        return SparseJacobian.of(this::complicated, Sparsity.of(3 * n, 2 * n + THETA, r, c));
    }

    /** The posed mesh's vertices [V, 3]. */
    Tensor vertices(Tensor theta) {
        HandModel model = in.model();
        int nb = model.bones();
        Tensor pose = Tensor.concat(0, Tensor.zeros(1), theta).take(0, poseIndex).reshape(nb + 3, 3).add(scaleRow);
        Tensor relatives = model.baseRelatives().matmul(homogeneous(euler(pose.slice(0, 3, nb + 3))));
        Tensor[] absolutes = new Tensor[nb];
        for (int b = 0; b < nb; b++) {
            Tensor rel = relatives.index(b);
            int parent = model.parents()[b];
            absolutes[b] = parent < 0 ? rel : absolutes[parent].matmul(rel);
        }
        Tensor transforms = Tensor.stack(0, absolutes).matmul(model.inverseAbsolutes());
        // Skinning is linear in the transforms: blend them per vertex, then apply once.
        Tensor blended = model.weights().matmul(transforms.reshape(nb, 16)).reshape(-1, 4, 4);
        Tensor skinned = blended.matmul(model.basePositions().unsqueeze(2)).squeeze(2).slice(1, 0, 3);
        Tensor rotation = angleAxis(pose.index(0)).mul(pose.index(1));
        return skinned.matmul(rotation.transpose()).add(pose.index(2));
    }

    /** Per row of angles (x, z, y) the rotation R_z R_y R_x: [B, 3, 3]. */
    static Tensor euler(Tensor angles) {
        Tensor cos = angles.cos();
        Tensor sin = angles.sin();
        Tensor cx = cos.slice(1, 0, 1);
        Tensor sx = sin.slice(1, 0, 1);
        Tensor cz = cos.slice(1, 1, 2);
        Tensor sz = sin.slice(1, 1, 2);
        Tensor cy = cos.slice(1, 2, 3);
        Tensor sy = sin.slice(1, 2, 3);
        Tensor zero = Tensor.zeros(angles.dim(0), 1);
        Tensor one = Tensor.ones(angles.dim(0), 1);
        Tensor rx = matrix(one, zero, zero, zero, cx, sx.neg(), zero, sx, cx);
        Tensor ry = matrix(cy, zero, sy.neg(), zero, one, zero, sy, zero, cy);
        Tensor rz = matrix(cz, sz.neg(), zero, sz, cz, zero, zero, zero, one);
        return rz.matmul(ry).matmul(rx);
    }

    /** [B, 3, 3] from nine [B, 1] entries, row by row. */
    private static Tensor matrix(Tensor... entries) {
        return Tensor.concat(1, entries).reshape(-1, 3, 3);
    }

    /** [B, 3, 3] rotations as [B, 4, 4] transforms without translation. */
    private static Tensor homogeneous(Tensor r) {
        int nb = r.dim(0);
        Tensor top = Tensor.concat(2, r, Tensor.zeros(nb, 3, 1));
        Tensor bottom = Tensor.of(0, 0, 0, 1).reshape(1, 1, 4).expand(nb, 1, 4);
        return Tensor.concat(1, top, bottom);
    }

    /** Rodrigues' rotation matrix of an angle-axis vector; the identity below angle 10⁻⁴, as ADBench does. */
    static Tensor angleAxis(Tensor aa) {
        Tensor sq = aa.square().sum();
        Tensor big = sq.sqrt().ge(1e-4);
        Tensor n = Tensor.where(big, sq, 1.0).sqrt();
        Tensor u = aa.div(n);
        Tensor x = u.index(0);
        Tensor y = u.index(1);
        Tensor z = u.index(2);
        Tensor s = n.sin();
        Tensor c = n.cos();
        Tensor d = c.neg().add(1);
        Tensor r = Tensor.stack(0,
                x.square().add(x.square().neg().add(1).mul(c)), x.mul(y).mul(d).sub(z.mul(s)),
                x.mul(z).mul(d).add(y.mul(s)),
                x.mul(y).mul(d).add(z.mul(s)), y.square().add(y.square().neg().add(1).mul(c)),
                y.mul(z).mul(d).sub(x.mul(s)),
                x.mul(z).mul(d).sub(y.mul(s)), z.mul(y).mul(d).add(x.mul(s)),
                z.square().add(z.square().neg().add(1).mul(c))).reshape(3, 3);
        return Tensor.where(big, r, Tensor.eye(3));
    }

    private static Tensor indices(int[] index) {
        double[] d = new double[index.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = index[i];
        }
        return Tensor.of(d);
    }
}
