package dev.adjoint.bench.tensor;

import dev.adjoint.array.Blas;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Inputs;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workload;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gemm}: C = A·B for square n×n row-major matrices, as GFLOP/s (2n³ flops): the BLAS this library uses, a
 * plain Java triple loop (ikj order) and, when the BLAS in use is native, netlib's Java BLAS too.
 */
public final class Gemm implements Workload {

    private final int n;

    /** The workload for n×n matrices. */
    public Gemm(int n) {
        this.n = n;
    }

    @Override
    public String id() {
        return "gemm_" + n;
    }

    @Override
    public String group() {
        return "gemm";
    }

    @Override
    public String description() {
        return "GEMM " + n + "×" + n + ", GFLOP/s: " + Blas.name() + " against a plain Java loop";
    }

    @Override
    public List<Impl> impls() {
        boolean nativeBlas = !(Blas.instance() instanceof JavaBLAS);
        return nativeBlas ? List.of(Impl.JAVA_LOOP, Impl.BLAS, Impl.NETLIB_JAVA) : List.of(Impl.JAVA_LOOP, Impl.BLAS);
    }

    @Override
    public Task task(Impl impl) {
        double[] a = new Inputs(5001, n * n, -1, 1).generate();
        double[] b = new Inputs(5002, n * n, -1, 1).generate();
        double[] c = new double[n * n];
        switch (impl) {
            case JAVA_LOOP:
                return () -> {
                    loop(a, b, c, n);
                    return c[0];
                };
            case BLAS:
                return blasTask(Blas.instance(), a, b, c);
            case NETLIB_JAVA:
                return blasTask(JavaBLAS.getInstance(), a, b, c);
            default:
                throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
        }
    }

    private Task blasTask(BLAS blas, double[] a, double[] b, double[] c) {
        return () -> {
            multiply(blas, a, b, c, n);
            return c[0];
        };
    }

    /** C = A·B by the triple loop in ikj order (row-major, unit-stride inner loop). */
    public static void loop(double[] a, double[] b, double[] c, int n) {
        java.util.Arrays.fill(c, 0);
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[ci + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
    }

    /** C = A·B row-major through column-major dgemm: Cᵀ = Bᵀ·Aᵀ. */
    public static void multiply(BLAS blas, double[] a, double[] b, double[] c, int n) {
        blas.dgemm("N", "N", n, n, n, 1.0, b, n, a, n, 0.0, c, n);
    }

    /** One row per implementation: {@code {"workload": "gemm", "n": …, "impl": …, "gflops": …}}. */
    @Override
    public List<Row> rows(Map<Impl, Measurement> times) {
        List<Row> rows = new ArrayList<>();
        double flops = 2.0 * n * n * n;
        for (Impl impl : impls()) {
            Measurement t = times.get(impl);
            if (t == null) {
                continue;
            }
            String label = impl == Impl.BLAS ? Blas.name() : impl.label();
            rows.add(Row.empty().with("workload", "gemm").with("n", n).with("impl", label)
                    .with("gflops", flops / t.median() / 1e9).with("gflops_max", flops / t.min() / 1e9)
                    .with("t_s", t.median()));
        }
        return rows;
    }
}
