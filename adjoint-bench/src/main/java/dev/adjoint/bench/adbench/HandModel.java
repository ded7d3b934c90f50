package dev.adjoint.bench.adbench;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.nio.file.Path;

/**
 * ADBench's skinned hand model, read from its folder: {@code bones.txt} (per bone, ':'-separated: name, parent index
 * (−1 for the root, parents before children), the 4 × 4 relative transform and the 4 × 4 inverse absolute transform,
 * both row by row), {@code vertices.txt} (per vertex: position 3, 5 more fields, the number of bone weights, then
 * pairs bone:weight) and {@code triangles.txt} (per triangle, three vertex indices).
 *
 * @param names              bone names
 * @param parents            per bone, its parent (−1 for the root)
 * @param baseRelatives      [B, 4, 4]
 * @param inverseAbsolutes   [B, 4, 4]
 * @param basePositions      homogeneous vertex positions [V, 4]
 * @param weights            skinning weights [V, B]
 * @param triangles          per triangle its three vertices
 */
public record HandModel(String[] names, int[] parents, Tensor baseRelatives, Tensor inverseAbsolutes,
        Tensor basePositions, Tensor weights, int[][] triangles) {

    /** Reads the model folder. */
    public static HandModel read(Path folder) {
        return read(Lines.of(folder.resolve("bones.txt"), ":"), Lines.of(folder.resolve("vertices.txt"), ":"),
                Lines.of(folder.resolve("triangles.txt"), ":"));
    }

    /** Reads a model folder shipped under {@code /adbench/} on the class path, e.g. {@code hand/model}. */
    public static HandModel resource(String folder) {
        return read(Lines.resource(folder + "/bones.txt", ":"), Lines.resource(folder + "/vertices.txt", ":"),
                Lines.resource(folder + "/triangles.txt", ":"));
    }

    static HandModel read(Lines bones, Lines vertices, Lines triangles) {
        int nb = bones.count();
        String[] names = new String[nb];
        int[] parents = new int[nb];
        double[] rel = new double[nb * 16];
        double[] inv = new double[nb * 16];
        for (int i = 0; i < nb; i++) {
            String[] f = bones.fields("bone " + i);
            if (f.length != 34) {
                throw bones.error("expected 34 fields (name, parent, 16 + 16 transform entries), found " + f.length);
            }
            names[i] = f[0];
            parents[i] = bones.integer(f[1], "parent", -1, i - 1);
            for (int e = 0; e < 16; e++) {
                rel[i * 16 + e] = bones.number(f[2 + e], "relative transform entry " + e);
                inv[i * 16 + e] = bones.number(f[18 + e], "inverse absolute transform entry " + e);
            }
        }
        int nv = vertices.count();
        double[] pos = new double[nv * 4];
        double[] w = new double[nv * nb];
        for (int v = 0; v < nv; v++) {
            String[] f = vertices.fields("vertex " + v);
            if (f.length < 9) {
                throw vertices.error("expected at least 9 fields (position 3, 5 more, weight count), found "
                        + f.length);
            }
            for (int a = 0; a < 3; a++) {
                pos[v * 4 + a] = vertices.number(f[a], "position");
            }
            pos[v * 4 + 3] = 1;
            int count = vertices.integer(f[8], "weight count", 0, nb);
            if (f.length != 9 + 2 * count) {
                throw vertices.error("expected " + (9 + 2 * count) + " fields for " + count + " bone weights, found "
                        + f.length);
            }
            for (int k = 0; k < count; k++) {
                int bone = vertices.integer(f[9 + 2 * k], "bone index", 0, nb - 1);
                w[v * nb + bone] = vertices.number(f[10 + 2 * k], "bone weight");
            }
        }
        int nt = triangles.count();
        int[][] tri = new int[nt][3];
        for (int t = 0; t < nt; t++) {
            String[] f = triangles.fields("triangle " + t);
            if (f.length != 3) {
                throw triangles.error("expected 3 vertex indices, found " + f.length);
            }
            for (int a = 0; a < 3; a++) {
                tri[t][a] = triangles.integer(f[a], "vertex index", 0, nv - 1);
            }
        }
        return new HandModel(names, parents, Tensor.of(Shape.of(nb, 4, 4), rel), Tensor.of(Shape.of(nb, 4, 4), inv),
                Tensor.of(Shape.of(nv, 4), pos), Tensor.of(Shape.of(nv, nb), w), tri);
    }

    /** Number of bones. */
    public int bones() {
        return parents.length;
    }

    /** Number of vertices. */
    public int vertices() {
        return basePositions.dim(0);
    }
}
