package dev.adjoint.checkpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Binomial checkpointing (Griewank and Walther 2000, "Algorithm 799: Revolve"): the optimal way to reverse a loop
 * of N steps with s snapshots. With t repetitions per step, β(s, t) = C(s + t, s) steps can be reversed; the fewest
 * forward steps for N ≤ β(s, t) are t·N − β(s + 1, t − 1).
 *
 * <p>The schedule splits the steps at m: advance m steps, snapshot x_m, reverse the tail with one snapshot fewer,
 * then the head with all s. Writing G_s for the optimal cost (convex and piecewise linear in N, of slope t on
 * β(s, t − 1) &lt; N ≤ β(s, t)), the split m + G_s(m) + G_{s−1}(N − m) is optimal exactly when the head lies on the
 * slope t − 1 piece and the tail on the slope t piece, i.e. β(s, t − 2) ≤ m ≤ β(s, t − 1) and
 * β(s − 1, t − 1) ≤ N − m ≤ β(s − 1, t). The generator runs on an explicit work stack, so it never recurses.
 */
public final class Revolve {

    private static final long SATURATED = Long.MAX_VALUE / 4;

    private Revolve() {
    }

    /** β(s, t) = C(s + t, s), the most steps s snapshots reverse with t repetitions; 0 for t &lt; 0, saturating. */
    public static long beta(int s, int t) {
        if (t < 0 || s < 0) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= t; i++) {
            if (r > SATURATED / (s + i)) {
                return SATURATED;
            }
            r = r * (s + i) / i;
        }
        return r;
    }

    /** The repetition number t: the smallest t ≥ 0 with β(s, t) ≥ N. */
    public static int repetitions(int steps, int snapshots) {
        check(steps, snapshots);
        int t = 0;
        while (beta(snapshots, t) < steps) {
            t++;
        }
        return t;
    }

    /** The fewest forward steps that reverse N steps with s snapshots: t·N − β(s + 1, t − 1). */
    public static long minimalAdvances(int steps, int snapshots) {
        int t = repetitions(steps, snapshots);
        return (long) t * steps - beta(snapshots + 1, t - 1);
    }

    /** An optimal first split m (1 ≤ m &lt; N) for N ≥ 2 steps and s ≥ 2 snapshots. */
    static int split(int steps, int snapshots) {
        int t = repetitions(steps, snapshots);
        long hi = Math.min(steps - 1L, Math.min(beta(snapshots, t - 1), steps - beta(snapshots - 1, t - 1)));
        long lo = Math.max(1L, Math.max(beta(snapshots, t - 2), steps - beta(snapshots - 1, t)));
        if (lo > hi) {
            throw new AssertionError("no optimal split for N=" + steps + ", s=" + snapshots);
        }
        return (int) hi;
    }

    /** The actions of the binomial schedule; x₀ goes to slot 0. */
    static List<Action> actions(int steps, int snapshots) {
        check(steps, snapshots);
        List<Action> out = new ArrayList<>();
        Deque<Task> todo = new ArrayDeque<>();
        Deque<Integer> freed = new ArrayDeque<>();
        int fresh = 1;
        int position = 0;
        out.add(new Action.Snapshot(0, 0));
        todo.push(new Task(0, steps, 0, snapshots, false));
        while (!todo.isEmpty()) {
            Task task = todo.pop();
            if (task.free()) {
                out.add(new Action.Free(task.slot()));
                freed.push(task.slot());
                continue;
            }
            int a = task.from();
            int b = task.to();
            int slot = task.slot();
            int c = task.snapshots();
            if (position != a) {
                out.add(new Action.Restore(slot, a));
                position = a;
            }
            while (b - a > 1 && c > 1) {
                int m = split(b - a, c);
                int next = freed.isEmpty() ? fresh++ : freed.pop();
                out.add(new Action.Advance(a, a + m));
                out.add(new Action.Snapshot(next, a + m));
                todo.push(new Task(a, a + m, slot, c, false));
                todo.push(new Task(0, 0, next, 0, true));
                a += m;
                slot = next;
                c--;
                position = a;
            }
            for (int j = b - 1; j >= a; j--) {
                if (position != a) {
                    out.add(new Action.Restore(slot, a));
                }
                if (j > a) {
                    out.add(new Action.Advance(a, j));
                }
                out.add(new Action.Reverse(j));
                position = -1;
            }
        }
        out.add(new Action.Free(0));
        return out;
    }

    private static void check(int steps, int snapshots) {
        if (steps < 1 || snapshots < 1) {
            throw new IllegalArgumentException("binomial checkpointing needs at least 1 step and 1 snapshot, got "
                    + steps + " steps and " + snapshots + " snapshots");
        }
    }

    /** Reverse steps from..to-1 starting from the snapshot in {@code slot}, or (if {@code free}) drop a slot. */
    private record Task(int from, int to, int slot, int snapshots, boolean free) {
    }
}
