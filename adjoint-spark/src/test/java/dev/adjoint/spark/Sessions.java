package dev.adjoint.spark;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.data.Dataset;
import org.apache.spark.sql.SparkSession;

/** Test fixtures: a small local session (no UI, two shuffle partitions) and seeded data. */
final class Sessions {

    private Sessions() {
    }

    /** A local session for one test class. */
    static SparkSession local(String master) {
        return SparkSession.builder()
                .master(master)
                .appName("adjoint-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.locality.wait", "0")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** n examples of {@code features} normal inputs with labels 0 … classes − 1 that depend on them. */
    static Dataset classes(long seed, int n, int features, int classes) {
        Rng rng = Rng.seed(seed);
        double[] x = rng.normal(n * features);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < features; j++) {
                s += (j + 1) * x[i * features + j];
            }
            y[i] = Math.floorMod((int) Math.floor(s), classes);
        }
        return new Dataset(Tensor.of(NdArray.adopt(Shape.of(n, features), x)),
                Tensor.of(NdArray.adopt(Shape.of(n), y)));
    }

    /** n examples of two normal inputs labelled by the side of a line they fall on. */
    static Dataset separable(long seed, int n) {
        Rng rng = Rng.seed(seed);
        double[] x = rng.normal(2 * n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[2 * i] - 0.5 * x[2 * i + 1] > 0.2 ? 1 : 0;
        }
        return new Dataset(Tensor.of(NdArray.adopt(Shape.of(n, 2), x)), Tensor.of(NdArray.adopt(Shape.of(n), y)));
    }

    /** max |a − b| / max |b|. */
    static double relative(double[] a, double[] b) {
        double d = 0;
        double m = 0;
        for (int i = 0; i < b.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            m = Math.max(m, Math.abs(b[i]));
        }
        return d / m;
    }
}
