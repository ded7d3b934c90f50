package dev.adjoint.bench.adbench;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.nio.file.Path;

/**
 * An ADBench bundle-adjustment input: header {@code n m p} (cameras, points, observations), then one camera (11
 * numbers: rotation 3, centre 3, focal 1, principal point 2, radial distortion 2), one point (3), one weight and one
 * feature (2), each replicated as ADBench does: observation i sees camera i mod n and point i mod m.
 *
 * @param cams     [n, 11]
 * @param points   [m, 3]
 * @param weights  [p]
 * @param features [p, 2]
 * @param camIndex per observation, its camera
 * @param ptIndex  per observation, its point
 */
public record BaInput(Tensor cams, Tensor points, Tensor weights, Tensor features, int[] camIndex, int[] ptIndex) {

    /** Number of camera parameters. */
    public static final int CAM = 11;

    /** Reads a file. */
    public static BaInput read(Path file) {
        return read(Lines.of(file));
    }

    /** Reads an input shipped under {@code /adbench/} on the class path, e.g. {@code ba/ba1_n49_m7776_p31843.txt}. */
    public static BaInput resource(String path) {
        return read(Lines.resource(path, null));
    }

    static BaInput read(Lines in) {
        int[] h = in.header(1, "n", "m", "p");
        int n = h[0];
        int m = h[1];
        int p = h[2];
        double[] cam = in.numbers(CAM, "the camera");
        double[] point = in.numbers(3, "the point");
        double w = in.numbers(1, "the weight")[0];
        double[] feat = in.numbers(2, "the feature");
        int[] ci = new int[p];
        int[] pi = new int[p];
        for (int i = 0; i < p; i++) {
            ci[i] = i % n;
            pi[i] = i % m;
        }
        return new BaInput(tile(cam, n), tile(point, m), Tensor.full(w, p), tile(feat, p), ci, pi);
    }

    /** One row repeated {@code count} times. */
    static Tensor tile(double[] row, int count) {
        double[] out = new double[Math.multiplyExact(count, row.length)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(row, 0, out, i * row.length, row.length);
        }
        return Tensor.of(Shape.of(count, row.length), out);
    }

    /** Number of cameras. */
    public int n() {
        return cams.dim(0);
    }

    /** Number of points. */
    public int m() {
        return points.dim(0);
    }

    /** Number of observations. */
    public int p() {
        return weights.dim(0);
    }
}
