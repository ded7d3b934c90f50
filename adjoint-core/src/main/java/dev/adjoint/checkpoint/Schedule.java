package dev.adjoint.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked list of {@link Action}s that reverses a loop of {@code steps} steps: every step is reversed once, last
 * to first, each from its own input state, which is either kept in a snapshot or recomputed from an earlier one.
 * Construction simulates the actions without running anything, so a malformed schedule fails here with the index
 * of the offending action, and the cost (forward steps, peak snapshots) is known before the loop runs.
 */
public final class Schedule {

    private final String name;
    private final int steps;
    private final List<Action> actions;
    private final long advances;
    private final int peakSnapshots;

    private Schedule(String name, int steps, List<Action> actions) {
        this.name = name;
        this.steps = steps;
        this.actions = List.copyOf(actions);
        long adv = 0;
        int peak = 0;
        int position = 0;
        int next = steps - 1;
        Map<Integer, Integer> held = new HashMap<>();
        for (int k = 0; k < this.actions.size(); k++) {
            Action a = this.actions.get(k);
            if (a instanceof Action.Advance v) {
                require(position == v.from(), k, a, "the current state is " + state(position));
                require(v.from() < v.to() && v.to() <= next, k, a,
                        "an advance must go forward and stop at or before the next step to reverse, x" + next);
                adv += v.to() - v.from();
                position = v.to();
            } else if (a instanceof Action.Snapshot v) {
                require(position == v.step(), k, a, "the current state is " + state(position));
                require(v.slot() >= 0, k, a, "slots are numbered from 0");
                require(!held.containsKey(v.slot()), k, a,
                        "slot " + v.slot() + " already holds x" + held.get(v.slot()) + "; free it first");
                held.put(v.slot(), v.step());
                peak = Math.max(peak, held.size());
            } else if (a instanceof Action.Restore v) {
                Integer s = held.get(v.slot());
                require(s != null && s == v.step(), k, a,
                        "slot " + v.slot() + " holds " + (s == null ? "nothing" : "x" + s));
                position = v.step();
            } else if (a instanceof Action.Free v) {
                require(held.remove(v.slot()) != null, k, a, "slot " + v.slot() + " holds nothing");
            } else {
                Action.Reverse v = (Action.Reverse) a;
                require(v.step() == next, k, a, next < 0 ? "every step is already reversed"
                        : "steps are reversed last to first; the next one is " + next);
                require(position == v.step(), k, a, "the current state is " + state(position)
                        + "; restore or advance to x" + v.step() + " first");
                next--;
                position = -1;
            }
        }
        if (next >= 0) {
            throw new IllegalArgumentException("schedule '" + name + "' ends before reversing steps 0.." + next);
        }
        this.advances = adv;
        this.peakSnapshots = peak;
    }

    /** A schedule from explicit actions, checked against a loop of {@code steps} steps. */
    public static Schedule of(String name, int steps, List<Action> actions) {
        positive("steps", steps);
        return new Schedule(name, steps, actions);
    }

    /** Plain backpropagation: keep every state on the way forward (N − 1 snapshots and the current state, N − 1 forward steps). */
    public static Schedule storeAll(int steps) {
        positive("steps", steps);
        List<Action> a = new ArrayList<>();
        a.add(new Action.Snapshot(0, 0));
        storeAll(a, 0, steps, 0, 1);
        a.add(new Action.Free(0));
        return new Schedule("store-all", steps, a);
    }

    /**
     * Checkpointing with k segments (Chen et al. 2016): keep the state at each segment's start on the way forward,
     * then reverse the segments last to first, storing all states inside one segment at a time. With k ≈ √N the
     * memory is about 2√N states for about 2N forward steps.
     */
    public static Schedule segments(int steps, int segments) {
        positive("steps", steps);
        positive("segments", segments);
        int k = Math.min(segments, steps);
        int[] start = new int[k + 1];
        for (int j = 0; j <= k; j++) {
            start[j] = (int) ((long) j * steps / k);
        }
        List<Action> a = new ArrayList<>();
        a.add(new Action.Snapshot(0, 0));
        for (int j = 1; j < k; j++) {
            a.add(new Action.Advance(start[j - 1], start[j]));
            a.add(new Action.Snapshot(j, start[j]));
        }
        for (int j = k - 1; j >= 0; j--) {
            if (j < k - 1) {
                a.add(new Action.Restore(j, start[j]));
            }
            storeAll(a, start[j], start[j + 1], j, k);
            if (j > 0) {
                a.add(new Action.Free(j));
            }
        }
        a.add(new Action.Free(0));
        return new Schedule("segments(" + k + ")", steps, a);
    }

    /** {@link #segments} with ⌈√N⌉ segments. */
    public static Schedule sqrt(int steps) {
        positive("steps", steps);
        return segments(steps, (int) Math.ceil(Math.sqrt(steps)));
    }

    /**
     * The binomial (Revolve) schedule of Griewank and Walther: with s snapshots (the one holding x₀ included) it
     * reverses N steps with the fewest forward steps possible, t·N − β(s + 1, t − 1), where t is the smallest
     * integer with β(s, t) = C(s + t, s) ≥ N.
     */
    public static Schedule binomial(int steps, int snapshots) {
        positive("steps", steps);
        positive("snapshots", snapshots);
        return new Schedule("binomial(" + snapshots + ")", steps, Revolve.actions(steps, snapshots));
    }

    /** The schedule's name, e.g. {@code binomial(7)}. */
    public String name() {
        return name;
    }

    /** The number of loop steps this schedule reverses. */
    public int steps() {
        return steps;
    }

    /** The actions, in order (unmodifiable). */
    public List<Action> actions() {
        return actions;
    }

    /** Forward steps run by {@link Action.Advance}s (the reversals' own forward passes are not counted). */
    public long advances() {
        return advances;
    }

    /** The largest number of snapshots held at once. */
    public int peakSnapshots() {
        return peakSnapshots;
    }

    @Override
    public String toString() {
        return name + " for " + steps + " steps: " + advances + " forward steps, " + peakSnapshots + " snapshots";
    }

    /**
     * Reverses steps from..to-1 from the current state x_from (held in {@code startSlot}) by storing every
     * state on the way: x_from+1..x_to-2 go to slots {@code freeSlot}, {@code freeSlot} + 1, …
     */
    private static void storeAll(List<Action> a, int from, int to, int startSlot, int freeSlot) {
        for (int i = from + 1; i < to; i++) {
            a.add(new Action.Advance(i - 1, i));
            if (i < to - 1) {
                a.add(new Action.Snapshot(freeSlot + i - from - 1, i));
            }
        }
        a.add(new Action.Reverse(to - 1));
        for (int i = to - 2; i >= from; i--) {
            int slot = i == from ? startSlot : freeSlot + i - from - 1;
            a.add(new Action.Restore(slot, i));
            a.add(new Action.Reverse(i));
            if (i > from) {
                a.add(new Action.Free(slot));
            }
        }
    }

    private static void positive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a schedule needs at least 1 of " + what + ", got " + n);
        }
    }

    private void require(boolean ok, int k, Action a, String why) {
        if (!ok) {
            throw new IllegalArgumentException("schedule '" + name + "', action " + k + " " + a + ": " + why);
        }
    }

    private static String state(int position) {
        return position < 0 ? "used up by the last reversal" : "x" + position;
    }
}
