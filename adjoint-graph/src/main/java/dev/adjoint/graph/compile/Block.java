package dev.adjoint.graph.compile;

import dev.adjoint.scalar.trace.Operand;
import dev.adjoint.scalar.trace.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A run of a Wengert list that repeats: step {@code first + trip·period + pos} (0-based) is body step {@code pos}
 * of trip {@code trip}. Every trip applies the same rows to the same literals, and each node operand moves by a
 * fixed stride from one trip to the next. A recorded program has lost its loops (Rosenbrock's 10⁴ terms are
 * 8·10⁴ steps); finding them again keeps the generated code small and each trip's temporaries in registers.
 * Steps that do not repeat are blocks of one trip.
 *
 * @param first the 0-based index of the block's first step
 * @param period steps per trip
 * @param trips number of trips
 */
record Block(int first, int period, int trips) {

    /** Longest period looked for. */
    static final int MAX_PERIOD = 32;
    /** Fewest trips worth a loop. */
    static final int MIN_TRIPS = 4;

    /** The 0-based index of body step {@code pos} in trip {@code trip}. */
    int step(int trip, int pos) {
        return first + trip * period + pos;
    }

    /** Whether the block is a single step. */
    boolean single() {
        return trips == 1;
    }

    /** Covers the steps with blocks, greedily, each as long as the repetition found at its start. */
    static List<Block> find(List<Step> steps) {
        List<Block> out = new ArrayList<>();
        int k = 0;
        while (k < steps.size()) {
            int bestPeriod = 1;
            int bestTrips = 1;
            for (int p = 1; p <= MAX_PERIOD && k + 2 * p <= steps.size(); p++) {
                int r = trips(steps, k, p);
                if (r >= MIN_TRIPS && r * p > bestTrips * bestPeriod) {
                    bestPeriod = p;
                    bestTrips = r;
                }
            }
            out.add(new Block(k, bestPeriod, bestTrips));
            k += bestPeriod * bestTrips;
        }
        return out;
    }

    /** The block as single steps. */
    List<Block> split() {
        List<Block> out = new ArrayList<>();
        for (int k = first; k < first + period * trips; k++) {
            out.add(new Block(k, 1, 1));
        }
        return out;
    }

    /** How many times the {@code p} steps from {@code k} repeat with constant strides (1 if they do not). */
    private static int trips(List<Step> steps, int k, int p) {
        int[][] stride = new int[p][];
        for (int j = 0; j < p; j++) {
            stride[j] = strides(steps.get(k + j), steps.get(k + p + j));
            if (stride[j] == null) {
                return 1;
            }
        }
        int r = 2;
        while (k + (r + 1) * p <= steps.size() && repeats(steps, k + r * p, p, stride)) {
            r++;
        }
        return r;
    }

    private static boolean repeats(List<Step> steps, int at, int p, int[][] stride) {
        for (int j = 0; j < p; j++) {
            if (!Arrays.equals(strides(steps.get(at - p + j), steps.get(at + j)), stride[j])) {
                return false;
            }
        }
        return true;
    }

    /** The node operands' id differences from a to b, or null if b applies another row or other literals. */
    private static int[] strides(Step a, Step b) {
        if (!Objects.equals(a.unary(), b.unary()) || !Objects.equals(a.binary(), b.binary())) {
            return null;
        }
        int[] d = new int[a.operands().size()];
        for (int i = 0; i < d.length; i++) {
            Operand x = a.operands().get(i);
            Operand y = b.operands().get(i);
            if (x.literal() != y.literal()
                    || x.literal() && Double.doubleToLongBits(x.value()) != Double.doubleToLongBits(y.value())) {
                return null;
            }
            d[i] = x.literal() ? 0 : y.id() - x.id();
        }
        return d;
    }
}
