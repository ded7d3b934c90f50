package dev.adjoint.numeric;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * What a full gradient costs as the number of inputs n grows: forward differences need n + 1 evaluations of f,
 * so their cost grows like n times the cost of f; reverse mode records f once and sweeps back once, a small
 * constant times f whatever n is. Measured on the Rosenbrock function, the same {@code RealFunction} for both.
 */
public final class CostStudy {

    /** The dimensions studied by default: 10 to 10⁴. */
    public static final List<Integer> DEFAULT_DIMENSIONS = List.of(10, 30, 100, 300, 1000, 3000, 10000);

    private CostStudy() {
    }

    /**
     * One dimension's measurements.
     *
     * @param n               number of inputs
     * @param fdEvaluations   evaluations of f for one forward-difference gradient (counted)
     * @param fdSeconds       time of one forward-difference gradient
     * @param tapeOperations  operations reverse mode recorded (variables included)
     * @param reverseSeconds  time of one reverse-mode gradient (record and sweep)
     * @param functionSeconds time of one evaluation of f on plain values
     * @param maxDifference   largest |finite difference − AD| over the gradient's entries
     */
    public record Row(int n, long fdEvaluations, double fdSeconds, int tapeOperations, double reverseSeconds,
                      double functionSeconds, double maxDifference) {

        /** The row as a line of {@link #header()}'s table. */
        public String format() {
            return String.format("%7d %12d %12s %12d %12s %12s %10.1f %10.1f %12.2e", n, fdEvaluations,
                    Stopwatch.format(fdSeconds), tapeOperations, Stopwatch.format(reverseSeconds),
                    Stopwatch.format(functionSeconds), fdSeconds / functionSeconds, reverseSeconds / functionSeconds,
                    maxDifference);
        }
    }

    /** The table header matching {@link Row#format()}. */
    public static String header() {
        return String.format("%7s %12s %12s %12s %12s %12s %10s %10s %12s", "n", "FD evals", "FD time",
                "tape ops", "reverse", "f alone", "FD/f", "reverse/f", "max |FD−AD|");
    }

    /** The Rosenbrock function Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², i = 0 … n−2. */
    public static RealFunction rosenbrock() {
        return x -> {
            Real sum = x[0].constant(0);
            for (int i = 0; i + 1 < x.length; i++) {
                Real a = x[i + 1].sub(x[i].square());
                Real b = x[i].neg().add(1);
                sum = sum.add(a.square().mul(100)).add(b.square());
            }
            return sum;
        };
    }

    /** The classic start (−1.2, 1, −1.2, 1, …). */
    public static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    /** Measures each dimension, reporting each row to {@code progress} as soon as it is done. */
    public static List<Row> run(List<Integer> dimensions, double minBatchSeconds, Consumer<Row> progress) {
        RealFunction f = rosenbrock();
        warmUp(f, dimensions);
        List<Row> rows = new ArrayList<>();
        for (int n : dimensions) {
            if (n < 2) {
                throw new IllegalArgumentException("the Rosenbrock function needs n >= 2, got " + n);
            }
            double[] x = start(n);
            ToDoubleFunction<double[]> plain = FiniteDifferences.values(f);
            long[] count = {0};
            ToDoubleFunction<double[]> counted = p -> {
                count[0]++;
                return plain.applyAsDouble(p);
            };
            double[] fd = FiniteDifferences.gradient(counted, x, Scheme.FORWARD);
            long evaluations = count[0];
            Tape tape = Tape.create();
            double[] ad = reverseGradient(f, tape, x);
            int operations = tape.size();
            double fdSeconds = Stopwatch.secondsPerCall(() -> FiniteDifferences.gradient(plain, x, Scheme.FORWARD),
                    minBatchSeconds);
            double reverseSeconds = Stopwatch.secondsPerCall(() -> reverseGradient(f, tape, x), minBatchSeconds);
            double functionSeconds = Stopwatch.secondsPerCall(() -> plain.applyAsDouble(x), minBatchSeconds);
            double maxDiff = 0;
            for (int i = 0; i < n; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(fd[i] - ad[i]));
            }
            Row row = new Row(n, evaluations, fdSeconds, operations, reverseSeconds, functionSeconds, maxDiff);
            rows.add(row);
            progress.accept(row);
        }
        return rows;
    }

    /**
     * Runs f and both gradients at a small and a middle size until the JIT has compiled them (half a second of
     * wall-clock time, since the compiler threads share the machine): code warmed only by long calls is compiled
     * on-stack and leaves short calls interpreted, and code warmed only by short calls is slow at the first long
     * one; either bends the curves.
     */
    private static void warmUp(RealFunction f, List<Integer> dimensions) {
        ToDoubleFunction<double[]> plain = FiniteDifferences.values(f);
        Tape tape = Tape.create();
        List<double[]> points = new ArrayList<>();
        for (int n : dimensions) {
            if (n >= 2 && n <= 2000) {
                points.add(start(n));
            }
        }
        if (points.isEmpty()) {
            points.add(start(2));
        }
        long start = System.nanoTime();
        do {
            for (double[] x : points) {
                int repeats = Math.max(1, 2000 / x.length);
                for (int i = 0; i < repeats; i++) {
                    plain.applyAsDouble(x);
                    reverseGradient(f, tape, x);
                }
                if (x.length <= 300) {
                    FiniteDifferences.gradient(plain, x, Scheme.FORWARD);
                }
            }
        } while (System.nanoTime() - start < 500_000_000L);
    }

    private static double[] reverseGradient(RealFunction f, Tape tape, double[] x) {
        tape.clear();
        Var[] v = tape.variables(x);
        return tape.gradient((Var) f.apply(v), v);
    }
}
