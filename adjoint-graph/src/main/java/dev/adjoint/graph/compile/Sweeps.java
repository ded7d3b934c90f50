package dev.adjoint.graph.compile;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.UnaryFunction;
import dev.adjoint.scalar.trace.Operand;
import dev.adjoint.scalar.trace.Step;
import dev.adjoint.scalar.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forward and reverse sweeps of a Wengert list as Java statements, with its repeating runs ({@link Block}s)
 * as loops. Array slot s holds node s − n + 1 (inputs first); indices are written {@code #s#}, for the caller to
 * make them relative to a method's base.
 *
 * <p>Inside a loop a step's value and adjoint are locals ({@code l}, {@code a}); a value the next trip reads (an
 * accumulator) is carried from trip to trip in a local too ({@code c}, {@code ac}). The arrays hold only what
 * another block reads and what the reverse sweep's partials need, so Rosenbrock's sweep stores two values per
 * term instead of eight. Whether an adjoint update assigns or adds, and which adjoints must be cleared first, is
 * settled by replaying the reverse sweep's reads and writes once, at compile time.
 */
final class Sweeps {

    /** A piece of generated code and its size in statements. */
    record Unit(String text, int weight) {
    }

    private enum Kind { LITERAL, SAME, PREV, ARRAY }

    /**
     * How a body step reaches one of its operands: a literal; body step {@code pos} of the same trip (SAME) or of
     * the trip before (PREV); or the arrays (ARRAY). {@code id} is the operand's node in trip 0, {@code stride}
     * how far it moves per trip.
     */
    private record Ref(Kind kind, int id, int stride, int pos, double literal) {
    }

    /**
     * The array slot (node {@code id} + trip·{@code stride}) that the operands {@code sites} ({pos, operand}) of
     * one trip send adjoints to: their terms are added up in registers and stored once. When the next target's
     * slot in the trip after is the same ({@code x[i]} now is {@code x[i+1]} a trip later, backwards), the sum is
     * handed on in a local ({@code next}) instead of being stored and loaded again.
     */
    private static final class Target {
        final int id;
        final int stride;
        final List<int[]> sites = new ArrayList<>();
        Target next;
        Target previous;
        int state;
        int flushState;

        Target(int id, int stride) {
            this.id = id;
            this.stride = stride;
        }
    }

    private static final String A = "\u0000a";
    private static final String B = "\u0000b";
    private static final String V = "\u0000v";
    private static final int UNSEEN = 1;                        // replay outcomes: not yet written ...
    private static final int SEEN = 2;                          // ... written before; both bits: it depends on the trip
    private static final int NONE = 0;
    private static final int LAST = 1;
    private static final int ALL = 2;

    private final int n;
    private final List<Step> steps;
    private final Operand out;
    private final List<Object> fns;
    private final boolean[] live;                               // by step: reaches y
    private final boolean[] needed;                             // by index: value read from the array
    private final boolean[] written;                            // by index: the replay's adjoint writes
    private final int[] slots;                                  // by index: array slot, or -1 for none
    private final int slotCount;
    private final List<Plan> plans = new ArrayList<>();
    private final List<Unit> clears = new ArrayList<>();

    Sweeps(Trace t, List<Object> fns) {
        this.n = t.inputCount();
        this.steps = t.steps();
        this.out = t.output();
        this.fns = fns;
        live = liveSteps();
        for (Block b : Block.find(steps)) {
            if (b.single() || valid(b)) {
                plans.add(new Plan(b));
            } else {
                b.split().forEach(s -> plans.add(new Plan(s)));
            }
        }
        needed = new boolean[n + steps.size()];
        markNeeded();
        boolean[] targeted = new boolean[n + steps.size()];
        if (!out.literal()) {
            targeted[index(out.id())] = true;
        }
        for (Plan p : plans) {
            p.layOut();
            p.target(targeted);
        }
        for (Plan p : plans) {
            p.decideReads(targeted);
        }
        int[] compact = compactSlots();
        if (affine(compact)) {
            slots = compact;
        } else {
            slots = new int[n + steps.size()];
            Arrays.setAll(slots, k -> k);
        }
        slotCount = Arrays.stream(slots).max().orElse(-1) + 1;
        written = new boolean[n + steps.size()];
        replay();
    }

    /** The forward sweep: computes every value y needs, returns nothing (y is read from its slot). */
    List<Unit> forward() {
        List<Unit> units = new ArrayList<>();
        for (Plan p : plans) {
            p.forward(units);
        }
        return units;
    }

    /** The reverse sweep from ȳ = 1, after clearing the adjoints that are not always assigned first. */
    List<Unit> reverse() {
        List<Unit> units = new ArrayList<>(clears);
        if (!out.literal()) {
            units.add(new Unit("b[" + slot(out.id()) + "] = 1.0;", 1));
        }
        for (int k = plans.size() - 1; k >= 0; k--) {
            plans.get(k).reverse(units);
        }
        return units;
    }

    /** Inputs whose adjoint the reverse sweep never writes: y does not depend on them. */
    List<Integer> deadInputs() {
        List<Integer> dead = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!written[i]) {
                dead.add(i);
            }
        }
        return dead;
    }

    /** The length of the value and adjoint arrays. */
    int slotCount() {
        return slotCount;
    }

    /** The slot of y, or -1 when y is a constant. */
    int outputSlot() {
        return out.literal() ? -1 : slots[index(out.id())];
    }

    /** The analysis index of node {@code id} (inputs first). */
    private int index(int id) {
        return id + n - 1;
    }

    /** The array slot of node {@code id}. */
    private String slot(int id) {
        if (slots[index(id)] < 0) {
            throw new IllegalStateException("node " + id + " has no array slot");
        }
        return "#" + slots[index(id)] + "#";
    }

    /**
     * Slots for the stored values only: the inputs, then block by block each loop's stored steps side by side, trip
     * after trip (a trip's worth of halo first, where trip 0 finds the values carried into it), and the values kept
     * only from the last trip. Rosenbrock's loop stores 2 values per term instead of spreading 8 over a cache line.
     */
    private int[] compactSlots() {
        int[] s = new int[n + steps.size()];
        Arrays.fill(s, -1);
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        int next = n;
        for (Plan p : plans) {
            if (p.block.single()) {
                s[index(id(p.block.first()))] = next++;
                continue;
            }
            int q = 0;
            boolean halo = false;
            int[] rank = new int[p.p];
            for (int j = 0; j < p.p; j++) {
                if (p.store[j] == ALL) {
                    rank[j] = q++;
                    halo |= p.carried[j];
                }
            }
            next += halo ? q : 0;
            for (int i = 0; i < p.r; i++) {
                for (int j = 0; j < p.p; j++) {
                    if (p.store[j] == ALL) {
                        s[index(p.node(i, j))] = next + i * q + rank[j];
                    }
                }
            }
            next += p.r * q;
            for (int j = 0; j < p.p; j++) {
                if (p.store[j] == LAST) {
                    s[index(p.node(p.r - 1, j))] = next++;
                }
            }
        }
        return s;
    }

    /** Whether every array operand of every loop moves through {@code s} by a fixed step per trip. */
    private boolean affine(int[] s) {
        for (Plan p : plans) {
            for (int j = 0; j < p.p && !p.block.single(); j++) {
                for (Ref x : p.refs[j]) {
                    if (x.kind != Kind.ARRAY) {
                        continue;
                    }
                    int first = s[index(x.id)];
                    int step = s[index(x.id + x.stride)] - first;
                    for (int i = 0; i < p.r; i++) {
                        if (first < 0 || s[index(x.id + i * x.stride)] != first + i * step) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** The array slots of nodes {@code id + i·stride} in trip i. */
    private String at(int id, int stride) {
        return stride == 0 ? slot(id) : slot(id) + " + i * " + (slots[index(id + stride)] - slots[index(id)]);
    }

    private static int id(int step) {
        return step + 1;
    }

    /** A loop is valid when every array read inside it refers to an earlier trip or outside the block. */
    private boolean valid(Block b) {
        for (int j = 0; j < b.period(); j++) {
            for (Ref r : refs(b, j)) {
                if (r.kind != Kind.ARRAY) {
                    continue;
                }
                for (int i = 0; i < b.trips(); i++) {
                    int k = r.id + i * r.stride - 1;
                    if (k >= b.first() && k < b.step(b.trips(), 0) && (k - b.first()) / b.period() >= i) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private Ref[] refs(Block b, int j) {
        Step s = steps.get(b.step(0, j));
        Ref[] refs = new Ref[s.operands().size()];
        for (int o = 0; o < refs.length; o++) {
            Operand x = s.operands().get(o);
            if (x.literal()) {
                refs[o] = new Ref(Kind.LITERAL, 0, 0, 0, x.value());
                continue;
            }
            int stride = b.single() ? 0 : steps.get(b.step(1, j)).operands().get(o).id() - x.id();
            int q = x.id() - id(b.first());
            if (!b.single() && stride == b.period() && q >= 0 && q < j) {
                refs[o] = new Ref(Kind.SAME, x.id(), stride, q, 0);
            } else if (!b.single() && stride == b.period() && q < 0 && q >= -b.period()) {
                refs[o] = new Ref(Kind.PREV, x.id(), stride, q + b.period(), 0);
            } else {
                refs[o] = new Ref(Kind.ARRAY, x.id(), stride, 0, 0);
            }
        }
        return refs;
    }

    private boolean[] liveSteps() {
        boolean[] l = new boolean[steps.size()];
        if (!out.literal() && out.id() > 0) {
            l[out.id() - 1] = true;
        }
        for (int k = steps.size() - 1; k >= 0; k--) {
            if (l[k]) {
                for (Operand o : steps.get(k).operands()) {
                    if (!o.literal() && o.id() > 0) {
                        l[o.id() - 1] = true;
                    }
                }
            }
        }
        return l;
    }

    /** Marks the values read from the array: y, the inputs, cross-block operands and the partials' arguments. */
    private void markNeeded() {
        if (!out.literal()) {
            needed[index(out.id())] = true;
        }
        for (int i = 0; i < n; i++) {
            needed[i] = true;
        }
        for (Plan p : plans) {
            for (int j = 0; j < p.block.period(); j++) {
                for (Ref r : p.refs[j]) {
                    if (r.kind == Kind.ARRAY) {
                        for (int i = 0; i < p.block.trips(); i++) {
                            needed[index(r.id + i * r.stride)] = true;
                        }
                    } else if (r.kind == Kind.PREV) {
                        needed[index(r.id)] = true;            // the carried value's start, before trip 0
                    }
                }
            }
        }
        for (Plan p : plans) {
            for (int j = 0; j < p.block.period(); j++) {
                if (!p.liveAny[j]) {
                    continue;                   // a loop reads the partials' arguments in every trip, live or not
                }
                Step s = steps.get(p.block.step(0, j));
                for (int o = 0; o < p.refs[j].length; o++) {
                    if (p.refs[j][o].kind == Kind.LITERAL) {
                        continue;                   // no adjoint flows to a literal
                    }
                    String partial = partial(s, o, A, B, V);
                    for (int x = 0; x < p.refs[j].length; x++) {
                        Ref ref = p.refs[j][x];
                        if (ref.kind != Kind.LITERAL && partial.contains(x == 0 ? A : B)) {
                            for (int i = 0; i < p.block.trips(); i++) {
                                needed[index(ref.id + i * ref.stride)] = true;
                            }
                        }
                    }
                    for (int i = 0; partial.contains(V) && i < p.block.trips(); i++) {
                        needed[index(p.node(i, j))] = true;
                    }
                }
            }
        }
    }

    /** Replays the reverse sweep's adjoint reads and writes in the order the generated code makes them. */
    private void replay() {
        if (!out.literal()) {
            written[index(out.id())] = true;
        }
        for (int k = plans.size() - 1; k >= 0; k--) {
            plans.get(k).replay();
        }
        for (Plan p : plans) {
            p.clear();
        }
    }

    private static int seen(boolean w) {
        return w ? SEEN : UNSEEN;
    }

    /** One block's analysis and code. */
    private final class Plan {

        final Block block;
        final Ref[][] refs;
        final int p;
        final int r;
        final boolean[] carried;            // its value is read by the next trip
        final boolean[] carriedBack;        // a live step of the next trip sends it an adjoint
        final boolean[] liveAny;            // reaches y in some trip
        final boolean[] used;               // its value is needed in a local
        final int[] store;
        final boolean[] readInLoop;
        final boolean[] readBefore;
        final int[] readState;
        final int[] beforeState;
        final int[] afterState;
        final List<Target> targets = new ArrayList<>();

        Plan(Block block) {
            this.block = block;
            this.p = block.period();
            this.r = block.trips();
            this.refs = new Ref[p][];
            for (int j = 0; j < p; j++) {
                refs[j] = refs(block, j);
            }
            carried = new boolean[p];
            carriedBack = new boolean[p];
            liveAny = new boolean[p];
            used = new boolean[p];
            store = new int[p];
            readInLoop = new boolean[p];
            readBefore = new boolean[p];
            readState = new int[p];
            beforeState = new int[p];
            afterState = new int[p];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < r; i++) {
                    liveAny[j] |= live[block.step(i, j)];
                }
            }
            for (int j = p - 1; j >= 0; j--) {
                for (int o = 0; liveAny[j] && o < refs[j].length; o++) {
                    if (refs[j][o].kind == Kind.ARRAY) {
                        target(refs[j][o]).sites.add(new int[] {j, o});
                    }
                }
            }
            for (Target t : targets) {
                for (Target u : targets) {
                    if (!block.single() && t.stride != 0 && u.stride == t.stride && u.id == t.id + t.stride
                            && outside(t) && outside(u)) {
                        t.next = u;
                        u.previous = t;
                    }
                }
            }
            List<Target> order = new ArrayList<>();    // each target after the one it hands its sum to
            while (order.size() < targets.size()) {
                for (Target t : targets) {
                    if (!order.contains(t) && (t.next == null || order.contains(t.next))) {
                        order.add(t);
                    }
                }
            }
            targets.clear();
            targets.addAll(order);
        }

        /** Whether the target's slots all lie outside this block (so no trip reads them back). */
        private boolean outside(Target t) {
            for (int i = 0; i < r; i++) {
                int k = t.id + i * t.stride - 1;
                if (k >= block.first() && k < block.step(r, 0)) {
                    return false;
                }
            }
            return true;
        }

        private Target target(Ref x) {
            for (Target t : targets) {
                if (t.id == x.id && t.stride == x.stride) {
                    return t;
                }
            }
            Target t = new Target(x.id, x.stride);
            targets.add(t);
            return t;
        }

        int node(int trip, int pos) {
            return id(block.step(trip, pos));
        }

        /** How far body step j's slot moves per trip. */
        int step(int j) {
            return slots[index(node(1, j))] - slots[index(node(0, j))];
        }

        /** The slot of body step j one trip before trip 0: where trip 0 reads the value carried into it. */
        String before(int j) {
            return "#" + (slots[index(node(0, j))] - step(j)) + "#";
        }

        /** Whether carried step j's value from before the loop must be copied to {@link #before}. */
        boolean halo(int j) {
            return carried[j] && store[j] == ALL && slots[index(node(0, j))] - step(j) != slots[index(node(0, j) - p)];
        }

        /** Liveness, carried values and what each step stores. */
        void layOut() {
            for (int j = 0; j < p; j++) {
                for (Ref x : refs[j]) {
                    if (x.kind == Kind.PREV) {
                        carried[x.pos] = true;
                        carriedBack[x.pos] |= liveAny[j];
                    }
                    if (x.kind == Kind.SAME || x.kind == Kind.PREV) {
                        used[x.pos] = true;
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                boolean early = false;
                for (int i = 0; i < r - 1; i++) {
                    early |= needed[index(node(i, j))];
                }
                boolean last = needed[index(node(r - 1, j))];
                store[j] = early || last && !(carried[j] && carriedBack[j]) ? ALL : last ? LAST : NONE;
                used[j] |= store[j] != NONE;
            }
        }

        /** Marks the slots whose adjoint this block updates in the array. */
        void target(boolean[] targeted) {
            for (int j = 0; j < p; j++) {
                if (!liveAny[j]) {
                    continue;
                }
                for (Ref x : refs[j]) {
                    if (x.kind == Kind.ARRAY) {
                        for (int i = 0; i < r; i++) {
                            targeted[index(x.id + i * x.stride)] = true;
                        }
                    } else if (x.kind == Kind.PREV) {
                        targeted[index(x.id)] = true;
                    }
                }
            }
        }

        /** Where each step's adjoint comes from: the array every trip, or (carried) once before the loop. */
        void decideReads(boolean[] targeted) {
            for (int j = 0; j < p; j++) {
                boolean early = false;
                for (int i = 0; i < r - 1; i++) {
                    early |= targeted[index(node(i, j))];
                }
                boolean last = targeted[index(node(r - 1, j))];
                readInLoop[j] = early || last && !carriedBack[j];
                readBefore[j] = last && carriedBack[j] && !readInLoop[j];
            }
        }

        void replay() {
            for (int j = 0; j < p; j++) {
                if (readBefore[j]) {
                    beforeState[j] |= seen(written[index(node(r - 1, j))]);
                }
            }
            for (int i = r - 1; i >= 0; i--) {
                for (int j = 0; j < p; j++) {
                    if ((liveAny[j] || carriedBack[j]) && readInLoop[j]) {
                        readState[j] |= seen(written[index(node(i, j))]);
                    }
                }
                for (Target t : targets) {
                    if (t.next == null) {
                        int s = index(t.id + i * t.stride);
                        t.state |= seen(written[s]);
                        written[s] = true;
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                if (carriedBack[j]) {
                    int s = index(node(0, j) - p);
                    afterState[j] |= seen(written[s]);
                    written[s] = true;
                }
            }
            for (Target t : targets) {
                if (t.next != null) {
                    t.flushState |= seen(written[index(t.id)]);
                    written[index(t.id)] = true;
                }
            }
        }

        /** Clears, before the sweep, the adjoints that some trips read or add to before anything wrote them. */
        void clear() {
            for (int j = 0; j < p; j++) {
                if (readState[j] == (SEEN | UNSEEN)) {
                    clears.add(zero(node(0, j), p));
                }
            }
            for (Target t : targets) {
                if (t.state == (SEEN | UNSEEN)) {
                    clears.add(zero(t.id, t.stride));
                }
            }
        }

        private Unit zero(int id, int stride) {
            if (stride == 0) {
                return new Unit("b[" + slot(id) + "] = 0.0;", 1);
            }
            return new Unit("for (int i = 0; i < " + r + "; i++) {\n      b[" + at(id, stride) + "] = 0.0;\n    }", 1);
        }

        void forward(List<Unit> units) {
            if (block.single()) {
                int k = block.first();
                if (needed[index(id(k))]) {
                    units.add(new Unit("v[" + slot(id(k)) + "] = " + expression(k, 0) + ";", 1));
                }
                return;
            }
            StringBuilder sb = new StringBuilder("{\n");
            for (int j = 0; j < p; j++) {
                if (carried[j]) {
                    line(sb, 1, "double c" + j + " = v[" + slot(node(0, j) - p) + "];");
                    if (halo(j)) {
                        line(sb, 1, "v[" + before(j) + "] = c" + j + ";");   // where trip 0 reads it back
                    }
                }
            }
            line(sb, 1, "for (int i = 0; i < " + r + "; i++) {");
            int weight = 0;
            for (int j = 0; j < p; j++) {
                if (!used[j]) {
                    continue;
                }
                line(sb, 2, "double l" + j + " = " + expression(block.step(0, j), j) + ";");
                if (store[j] == ALL) {
                    line(sb, 2, "v[" + at(node(0, j), p) + "] = l" + j + ";");
                }
                weight++;
            }
            for (int j = 0; j < p; j++) {
                if (carried[j]) {
                    line(sb, 2, "c" + j + " = l" + j + ";");
                }
            }
            line(sb, 1, "}");
            for (int j = 0; j < p; j++) {
                if (store[j] == LAST) {
                    line(sb, 1, "v[" + slot(node(r - 1, j)) + "] = c" + j + ";");
                }
            }
            units.add(new Unit(sb.append("    }").toString(), weight + 2));
        }

        /** Step k's value from its operands as the forward loop reaches them. */
        private String expression(int k, int j) {
            Step s = steps.get(k);
            String a = forwardOperand(refs[j][0]);
            return s.unary() != null ? Java.unary(s.unary(), a, fns)
                    : Java.binary(s.binary(), a, forwardOperand(refs[j][1]), fns);
        }

        private String forwardOperand(Ref x) {
            switch (x.kind) {
                case LITERAL:
                    return Java.literal(x.literal);
                case SAME:
                    return "l" + x.pos;
                case PREV:
                    return "c" + x.pos;
                default:
                    return "v[" + at(x.id, x.stride) + "]";
            }
        }

        /** An operand's value as the reverse sweep reads it back from the array. */
        private String stored(Ref x) {
            if (x.kind == Kind.PREV) {
                return "v[" + before(x.pos) + " + i * " + step(x.pos) + "]";
            }
            return x.kind == Kind.LITERAL ? Java.literal(x.literal) : "v[" + at(x.id, x.stride) + "]";
        }

        private String partialOf(int j, int o) {
            Ref[] x = refs[j];
            String partial = partial(steps.get(block.step(0, j)), o, A, B, V);   // only what it reads is stored
            if (partial.contains(A)) {
                partial = partial.replace(A, stored(x[0]));
            }
            if (partial.contains(B)) {
                partial = partial.replace(B, stored(x[1]));
            }
            return partial.contains(V) ? partial.replace(V, "v[" + at(node(0, j), block.single() ? 0 : p) + "]")
                    : partial;
        }

        /** The sum of a target's adjoint terms; a site's adjoint is {@code own} (a single step) or its local. */
        private String terms(Target t, String own) {
            List<String> sum = new ArrayList<>();
            for (int[] site : t.sites) {
                sum.add(term(own != null ? own : "a" + site[0], partialOf(site[0], site[1])));
            }
            return String.join(" + ", sum);
        }

        void reverse(List<Unit> units) {
            if (block.single()) {
                int k = block.first();
                if (!liveAny[0] || (readState[0] & SEEN) == 0) {
                    return;
                }
                String me = "b[" + slot(id(k)) + "]";
                for (Target t : targets) {
                    units.add(new Unit("b[" + slot(t.id) + "] " + assign(t.state) + " " + terms(t, me) + ";", 1));
                }
                return;
            }
            StringBuilder sb = new StringBuilder("{\n");
            for (int j = 0; j < p; j++) {
                if (carriedBack[j]) {
                    String start = readBefore[j] && (beforeState[j] & SEEN) != 0 ? "b[" + slot(node(r - 1, j)) + "]"
                            : "0.0";
                    line(sb, 1, "double ac" + j + " = " + start + ";");
                }
            }
            for (Target t : targets) {
                if (t.next != null) {
                    line(sb, 1, "double g" + targets.indexOf(t) + " = 0.0;");
                }
            }
            line(sb, 1, "for (int i = " + (r - 1) + "; i >= 0; i--) {");
            // Each local is defined once, as the sum of its terms: "a = 0.0; a += t" would cost an addition the
            // JIT may not remove (0.0 + -0.0 is not -0.0).
            List<List<String>> into = new ArrayList<>();
            List<List<String>> carriedInto = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                into.add(new ArrayList<>());
                carriedInto.add(new ArrayList<>());
            }
            int weight = 0;
            for (int j = p - 1; j >= 0; j--) {
                if (!liveAny[j]) {
                    continue;
                }
                List<String> sources = new ArrayList<>();
                if (carriedBack[j]) {
                    sources.add("ac" + j);
                }
                if (readInLoop[j] && (readState[j] & SEEN) != 0) {
                    sources.add("b[" + at(node(0, j), p) + "]");
                }
                sources.addAll(into.get(j));
                line(sb, 2, "double a" + j + " = " + sum(sources) + ";");
                for (int o = 0; o < refs[j].length; o++) {
                    Ref x = refs[j][o];
                    if (x.kind != Kind.SAME && x.kind != Kind.PREV || o == 1 && x.equals(refs[j][0])) {
                        continue;               // literals, array slots (below), and x·x's second x (with the first)
                    }
                    String t = term("a" + j, o == 0 && refs[j].length == 2 && x.equals(refs[j][1])
                            ? "(" + partialOf(j, 0) + " + " + partialOf(j, 1) + ")" : partialOf(j, o));
                    (x.kind == Kind.SAME ? into : carriedInto).get(x.pos).add(t);
                }
                weight++;
            }
            for (int j = 0; j < p; j++) {
                if (carriedBack[j]) {
                    line(sb, 2, "ac" + j + " = " + sum(carriedInto.get(j)) + ";");   // for the trip before
                }
            }
            for (Target t : targets) {
                String sum = terms(t, null) + (t.previous != null ? " + g" + targets.indexOf(t.previous) : "");
                line(sb, 2, t.next != null ? "g" + targets.indexOf(t) + " = " + sum + ";"
                        : "b[" + at(t.id, t.stride) + "] " + assign(t.state) + " " + sum + ";");
                weight++;
            }
            line(sb, 1, "}");
            for (int j = 0; j < p; j++) {
                if (carriedBack[j]) {
                    line(sb, 1, "b[" + slot(node(0, j) - p) + "] " + assign(afterState[j]) + " ac" + j + ";");
                }
            }
            for (Target t : targets) {
                if (t.next != null) {
                    line(sb, 1, "b[" + slot(t.id) + "] " + assign(t.flushState) + " g" + targets.indexOf(t) + ";");
                }
            }
            units.add(new Unit(sb.append("    }").toString(), weight + 2));
        }
    }

    /** {@code =} for an adjoint's first update, {@code +=} after (and after a clear). */
    private static String assign(int state) {
        return state == UNSEEN ? "=" : "+=";
    }

    private static String sum(List<String> terms) {
        return terms.isEmpty() ? "0.0" : String.join(" + ", terms);
    }

    private static String term(String adjoint, String partial) {
        return partial.equals("1.0") ? adjoint : partial.equals("-1.0") ? "-" + adjoint : adjoint + " * " + partial;
    }

    private static void line(StringBuilder sb, int depth, String text) {
        sb.append("    ".repeat(depth + 1)).append(text).append('\n');
    }

    /**
     * ∂(step)/∂(operand i) as a Java expression in the operands' values {@code a}, {@code b} and the step's own
     * value {@code v}; local forms for the common rows, the row's slope otherwise.
     */
    private String partial(Step s, int i, String a, String b, String v) {
        if (s.unary() != null) {
            UnaryFunction f = s.unary();
            if (f instanceof dev.adjoint.primitive.Unary.Affine af) {
                return Java.literal(af.scale());
            } else if (f == Elementary.NEG) {
                return "-1.0";
            } else if (f == Elementary.EXP) {
                return v;
            } else if (f == Elementary.LOG) {
                return "(1.0 / " + a + ")";
            } else if (f == Elementary.SIN) {
                return "Math.cos(" + a + ")";
            } else if (f == Elementary.COS) {
                return "(-Math.sin(" + a + "))";
            } else if (f == Elementary.SQRT) {
                return "(0.5 / " + v + ")";
            } else if (f == Elementary.TANH) {
                return "(1.0 - " + v + " * " + v + ")";
            } else if (f == Elementary.RECIPROCAL) {
                return "(-" + v + " * " + v + ")";
            } else if (f instanceof Power pw && pw.exponent() == 2) {
                return "(2.0 * " + a + ")";
            }
            return "((dev.adjoint.scalar.UnaryFunction) fns[" + Java.register(f, fns) + "]).slope(" + a + ")";
        }
        BinaryFunction f = s.binary();
        if (f == Binary.ADD) {
            return "1.0";
        } else if (f == Binary.SUB) {
            return i == 0 ? "1.0" : "-1.0";
        } else if (f == Binary.MUL) {
            return i == 0 ? b : a;
        } else if (f == Binary.DIV) {
            return i == 0 ? "(1.0 / " + b + ")" : "(-" + v + " / " + b + ")";
        }
        return "((dev.adjoint.scalar.BinaryFunction) fns[" + Java.register(f, fns) + "]).slope" + (i == 0 ? "X" : "Y")
                + "(" + a + ", " + b + ")";
    }
}
