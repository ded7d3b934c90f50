package dev.adjoint.bench.adbench;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.nio.file.Path;

/**
 * An ADBench hand-tracking input ({@code hand*_t26_c*.txt}): header {@code npts ntheta}, npts lines of a
 * correspondence (vertex index, or triangle index in the complicated variant) and a 3-d point, in the complicated
 * variant npts lines of the two barycentric parameters u, then ntheta lines of one pose parameter.
 *
 * @param model           the hand model
 * @param correspondences per point, its vertex (simple) or triangle (complicated)
 * @param points          [npts, 3]
 * @param us              [npts, 2] in the complicated variant, else null
 * @param theta           the pose parameters [ntheta]
 */
public record HandInput(HandModel model, int[] correspondences, Tensor points, Tensor us, Tensor theta) {

    /** Reads a file; {@code complicated}: it holds the u parameters and correspondences are triangles. */
    public static HandInput read(HandModel model, Path file, boolean complicated) {
        return read(model, Lines.of(file), complicated);
    }

    /** Reads an input shipped under {@code /adbench/} on the class path. */
    public static HandInput resource(HandModel model, String path, boolean complicated) {
        return read(model, Lines.resource(path, null), complicated);
    }

    static HandInput read(HandModel model, Lines in, boolean complicated) {
        int[] h = in.header(1, "npts", "ntheta");
        int n = h[0];
        int nt = h[1];
        int limit = complicated ? model.triangles().length - 1 : model.vertices() - 1;
        int[] corr = new int[n];
        double[] pts = new double[n * 3];
        for (int i = 0; i < n; i++) {
            String[] f = in.fields("correspondence and point " + i);
            if (f.length != 4) {
                throw in.error("expected 4 fields (correspondence, x, y, z), found " + f.length);
            }
            corr[i] = in.integer(f[0], complicated ? "triangle index" : "vertex index", 0, limit);
            for (int a = 0; a < 3; a++) {
                pts[i * 3 + a] = in.number(f[1 + a], "point " + i);
            }
        }
        Tensor us = complicated ? Tensor.of(Shape.of(n, 2), GmmInput.rows(in, n, 2, "u of point")) : null;
        double[] theta = GmmInput.rows(in, nt, 1, "pose parameter");
        return new HandInput(model, corr, Tensor.of(Shape.of(n, 3), pts), us, Tensor.of(theta));
    }

    /** Whether this is the complicated variant (with u parameters). */
    public boolean complicated() {
        return us != null;
    }
}
