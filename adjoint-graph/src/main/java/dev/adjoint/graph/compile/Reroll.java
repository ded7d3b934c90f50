package dev.adjoint.graph.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loop rerolling for straight-line code: a run of statements that repeats with a period of up to {@value #MAX_PERIOD}
 * statements, the same operations each time and every array index moving by a fixed stride, becomes a loop. A
 * recorded program has lost its loops (Rosenbrock's 10⁴ terms are 8·10⁴ statements); giving them back keeps the
 * generated code small enough for the JIT to compile it quickly, and runs exactly the same statements in the same
 * order. Statements mark array indices as {@code #k#}.
 */
final class Reroll {

    static final int MAX_PERIOD = 8;
    private static final int MIN_TRIPS = 4;

    /** A unit of generated code: one statement (indices still marked) or a loop (indices resolved), and its size. */
    record Unit(String text, int weight, boolean loop) {
    }

    private Reroll() {
    }

    static List<Unit> reroll(List<String> lines) {
        int m = lines.size();
        String[] shape = new String[m];
        int[][] slots = new int[m][];
        for (int k = 0; k < m; k++) {
            parse(lines.get(k), k, shape, slots);
        }
        List<Unit> out = new ArrayList<>();
        int k = 0;
        while (k < m) {
            int bestP = 0;
            int bestR = 0;
            for (int p = 1; p <= MAX_PERIOD && k + 2 * p <= m; p++) {
                int[][] stride = strides(k, p, shape, slots);
                if (stride == null) {
                    continue;
                }
                int r = 2;
                while (k + (r + 1) * p <= m && repeats(k, p, r, stride, shape, slots)) {
                    r++;
                }
                if (r >= MIN_TRIPS && r * p > bestR * bestP) {
                    bestP = p;
                    bestR = r;
                }
            }
            if (bestP == 0) {
                out.add(new Unit(lines.get(k), 1, false));
                k++;
            } else {
                out.add(new Unit(loop(k, bestP, bestR, strides(k, bestP, shape, slots), shape, slots), bestP + 2,
                        true));
                k += bestP * bestR;
            }
        }
        return out;
    }

    private static void parse(String line, int k, String[] shape, int[][] slots) {
        StringBuilder s = new StringBuilder();
        List<Integer> ix = new ArrayList<>();
        int at = 0;
        while (true) {
            int a = line.indexOf('#', at);
            if (a < 0) {
                s.append(line, at, line.length());
                break;
            }
            int b = line.indexOf('#', a + 1);
            ix.add(Integer.parseInt(line.substring(a + 1, b)));
            s.append(line, at, a).append('#');
            at = b + 1;
        }
        shape[k] = s.toString();
        slots[k] = ix.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index strides from the block at k to the block at k + p, or null if the two blocks differ in form. */
    private static int[][] strides(int k, int p, String[] shape, int[][] slots) {
        int[][] d = new int[p][];
        for (int j = 0; j < p; j++) {
            if (!shape[k + j].equals(shape[k + p + j])) {
                return null;
            }
            d[j] = diff(slots[k + p + j], slots[k + j]);
        }
        return d;
    }

    /** Whether block r (0-based) repeats block r − 1 with the same strides. */
    private static boolean repeats(int k, int p, int r, int[][] stride, String[] shape, int[][] slots) {
        for (int j = 0; j < p; j++) {
            int now = k + r * p + j;
            if (!shape[now].equals(shape[k + j]) || !Arrays.equals(diff(slots[now], slots[now - p]), stride[j])) {
                return false;
            }
        }
        return true;
    }

    private static int[] diff(int[] a, int[] b) {
        int[] d = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static String loop(int k, int p, int r, int[][] stride, String[] shape, int[][] slots) {
        StringBuilder sb = new StringBuilder("for (int i = 0; i < ").append(r).append("; i++) {\n");
        for (int j = 0; j < p; j++) {
            String form = shape[k + j];
            int[] s = slots[k + j];
            StringBuilder line = new StringBuilder("      ");
            int at = 0;
            for (int h = 0; h < s.length; h++) {
                int a = form.indexOf('#', at);
                line.append(form, at, a).append(s[h]);
                if (stride[j][h] != 0) {
                    line.append(" + i * ").append(stride[j][h]);
                }
                at = a + 1;
            }
            line.append(form, at, form.length());
            sb.append(line).append('\n');
        }
        return sb.append("    }").toString();
    }
}
