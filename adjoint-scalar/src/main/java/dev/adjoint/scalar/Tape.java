package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * The reverse-mode tape: a Wengert list of local partial derivatives, kept in primitive arrays.
 *
 * <p>Entry i records node i's two operands and ∂vᵢ/∂operand, side by side in one {@code int[]} and one
 * {@code double[]}: {@value #BYTES_PER_OPERATION} bytes per entry, plus 8 bytes of adjoint during the sweep. Only
 * operations whose result depends on two entries are recorded. Any other result depends on one entry (f(x), x ± c,
 * c·x, x·x, (x + 1)·x) or none (a constant): it is a {@link Var} that stands on that entry with a scale, dv/d(entry),
 * the product of the local derivatives on the way (the chain rule applied forward, on the spot), and the scale is
 * folded into the partials of the entries that use it. So a program pays for its binary operations between
 * variables only: scalar Rosenbrock records 3 entries per term for its 8 operations, and the logistic map,
 * a chain in one variable, records only its input.
 *
 * <p>The price: a folded Var has no entry of its own, so its adjoint is not recorded and {@link #adjoint(Var)}
 * refuses it; {@link #keep(Var)} gives it one when an intermediate adjoint is wanted.
 *
 * <p>Inputs made before the first operation (the usual case) reserve an entry and write nothing: the sweep stops
 * above them. Later inputs and kept variables (the only unary entries) point their missing operand at one of
 * {@value #SINKS} sink slots at the start of the arrays, chosen by index, so the reverse sweep has no special cases.
 *
 * <p>{@link #clear()} keeps the arrays for the next recording and invalidates every {@code Var} made so far. A tape
 * is not thread-safe; use one per thread (as {@link Derivatives} does). When the heap cannot hold a bigger tape, recording throws an
 * {@link OutOfMemoryError} that says how big the tape is and what to do; the tape stays as it was.
 *
 * <p>Second derivatives are not this tape's business: {@link Derivatives#hvp} and {@link Derivatives#hessian} run
 * a twin tape whose numbers also carry a tangent (forward over reverse), so this one records first-order partials
 * only and pays nothing for them.
 */
public final class Tape {

    /** Bytes the tape stores per recorded operation: two operand indices and two partials. */
    public static final int BYTES_PER_OPERATION = 2 * Integer.BYTES + 2 * Double.BYTES;

    /** Slots 0 … SINKS−1 take the missing operand of unary entries; index 0 is also "no entry" (a constant). */
    static final int SINKS = 8;

    private int[] operands;
    private double[] partials;
    private double[] adjoint = new double[0];
    private int size = SINKS;
    /** Entries below lead are inputs made before any operation: they have adjoints but no contents to sweep. */
    private int lead = SINKS;
    private int stamp;

    private Tape(int capacity) {
        int c = Math.max(capacity, 16) + SINKS;
        operands = new int[2 * c];
        partials = new double[2 * c];
    }

    /** An empty tape. */
    public static Tape create() {
        return new Tape(1024);
    }

    /** An empty tape with room for {@code operations} entries before it grows. */
    public static Tape withCapacity(int operations) {
        return new Tape(operations);
    }

    /** A new independent variable recorded on this tape. */
    public Var variable(double value) {
        int i;
        if (size == lead) { // before any operation: the entry needs no contents, the sweep stops above it
            i = next();
            lead = size;
        } else {
            i = unary(size & (SINKS - 1), 0);
        }
        return new Var(this, i, value, 1, stamp);
    }

    /** New independent variables, one per value, in order. */
    public Var[] variables(double... values) {
        Var[] v = new Var[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = variable(values[i]);
        }
        return v;
    }

    /** A constant: not recorded, it stands on no entry. */
    public Var constant(double value) {
        return new Var(this, 0, value, 0, stamp);
    }

    /**
     * {@code v} with an entry of its own (one unary entry), so that after {@link #backward} its adjoint is ∂y/∂v
     * through the operations that use the returned Var: compute with the returned Var, not with {@code v}.
     */
    public Var keep(Var v) {
        check(v);
        return v.index == 0 ? v : new Var(this, unary(v.index, v.scale), v.value(), 1, stamp);
    }

    /** Number of entries recorded since the last clear (variables included). */
    public int size() {
        return size - SINKS;
    }

    /** Bytes held by the tape's arrays now (capacity, not just size). */
    public long bytesHeld() {
        return (long) operands.length * Integer.BYTES + (long) partials.length * Double.BYTES
                + (long) adjoint.length * Double.BYTES;
    }

    /** Forgets every entry but keeps the arrays; all earlier {@code Var}s become invalid. */
    public void clear() {
        size = SINKS;
        lead = SINKS;
        stamp += 2; // the low bit of a Var's stamp marks a Var without an entry of its own
    }

    int stamp() {
        return stamp;
    }

    /** Records an entry with one operand and ∂v/∂operand = p (inputs, kept Vars); returns its index. */
    int unary(int a, double p) {
        int i = next();
        int k = 2 * i;
        operands[k] = a;
        operands[k + 1] = i & (SINKS - 1);
        partials[k] = p;
        partials[k + 1] = 0;
        return i;
    }

    /** Records v = f(a, b) with partials pa, pb, a ≠ b; returns the new entry's index. */
    int binary(int a, double pa, int b, double pb) {
        int i = next();
        int k = 2 * i;
        operands[k] = a;
        operands[k + 1] = b;
        partials[k] = pa;
        partials[k + 1] = pb;
        return i;
    }

    /** Reserves the next entry (growing the arrays when full) and returns its index. */
    private int next() {
        int i = size;
        if (i == partials.length >> 1) {
            grow();
        }
        size = i + 1;
        return i;
    }

    private void grow() {
        int entries = partials.length >> 1;
        if (entries >= MAX_ENTRIES) {
            throw new IllegalStateException("tape is full: " + size() + " operations (the most one tape holds);"
                    + " split the computation into pieces and chain their gradients (checkpointing)");
        }
        int c = (int) Math.min((long) entries * 2, MAX_ENTRIES);
        int[] o;
        double[] p;
        try {
            o = Arrays.copyOf(operands, 2 * c);
            p = Arrays.copyOf(partials, 2 * c);
        } catch (OutOfMemoryError e) {
            o = null; // the tape stays as it was: everything recorded so far can still be swept
            throw outOfMemory(e, "growing it from " + entries + " to " + c + " entries");
        }
        operands = o;
        partials = p;
    }

    /** Entries a tape can hold: its arrays have two slots per entry. */
    private static final int MAX_ENTRIES = (Integer.MAX_VALUE - 16) / 2;

    private OutOfMemoryError outOfMemory(OutOfMemoryError cause, String doing) {
        return outOfMemory(cause, "reverse-mode tape", doing, size(), bytesHeld(), BYTES_PER_OPERATION,
                " reserve the size up front with Tape.withCapacity(n) (no copies),");
    }

    /** An error that says how big a tape is and what to do, thrown where the heap ran out. */
    static OutOfMemoryError outOfMemory(OutOfMemoryError cause, String tape, String doing, long operations,
                                        long bytes, int bytesPerOperation, String reserve) {
        OutOfMemoryError e = new OutOfMemoryError("the " + tape + " ran out of heap while " + doing + ": it holds "
                + operations + " recorded operations in " + bytes + " bytes (" + bytes / (1 << 20) + " MiB; "
                + bytesPerOperation + " bytes per operation, more for the sweep, and growing copies the arrays"
                + " into ones twice as long). The JVM's max heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB. Give it more (-Xmx)," + reserve + " or record less at once: split the computation into"
                + " segments, keep only their inputs, and recompute each segment when its gradient is needed"
                + " (checkpointing; chain the segments' vector-Jacobian products, Derivatives.vjp)");
        e.initCause(cause);
        return e;
    }

    /** Seeds ȳ = 1 at {@code output} and sweeps backwards; read results with {@link #adjoint(Var)}. */
    public void backward(Var output) {
        check(output);
        resetAdjoints();
        adjoint[output.index] += output.scale;
        sweep();
    }

    /** Seeds ȳⱼ = weightsⱼ at each output and sweeps once backwards: a vector-Jacobian product. */
    public void backward(Var[] outputs, double[] weights) {
        if (outputs.length != weights.length) {
            throw new IllegalArgumentException("backward: " + outputs.length + " outputs but " + weights.length
                    + " weights");
        }
        for (Var output : outputs) {
            check(output);
        }
        resetAdjoints();
        for (int j = 0; j < outputs.length; j++) {
            adjoint[outputs[j].index] += weights[j] * outputs[j].scale;
        }
        sweep();
    }

    private void resetAdjoints() {
        if (adjoint.length < size) {
            adjoint = new double[0]; // let the old one go before asking for the new one
            try {
                adjoint = new double[Math.max(size, partials.length >> 1)];
            } catch (OutOfMemoryError e) {
                throw outOfMemory(e, "allocating the adjoints for the backward sweep");
            }
        } else {
            Arrays.fill(adjoint, 0, size, 0.0);
        }
    }

    /**
     * ā[operand] += āᵢ · ∂vᵢ/∂operand for i from the last entry down. A share for one of the two entries just below
     * waits in a register instead of going through memory: a chain (the logistic map) or a running sum whose terms
     * record an entry between two of its links (Rosenbrock: s ← s + g(tᵢ)) then costs a multiply-add per link
     * instead of a store and a load on the critical path. The sweep stops above the inputs made before the first
     * operation: their entries are empty (the usual case: a gradient's inputs come first), so they cost neither a
     * write when made nor a step here, only the shares handed down to them.
     */
    private void sweep() {
        final int[] op = operands;
        final double[] p = partials;
        final double[] adj = adjoint;
        double c1 = 0; // pending share of entry i
        double c2 = 0; // pending share of entry i − 1
        final int end = lead;
        for (int i = size - 1, k = 2 * i; i >= end; i--, k -= 2) {
            double ai = adj[i] + c1;
            adj[i] = ai;
            int a = op[k];
            int b = op[k + 1];
            double da = ai * p[k];
            double db = ai * p[k + 1];
            c1 = c2;
            c2 = 0;
            if (a == i - 1) {
                c1 += da;
            } else if (a == i - 2) {
                c2 += da;
            } else {
                adj[a] += da;
            }
            if (b == i - 1) {
                c1 += db;
            } else if (b == i - 2) {
                c2 += db;
            } else {
                adj[b] += db;
            }
        }
        adj[end - 1] += c1; // the leading inputs (or sinks)
        adj[end - 2] += c2;
    }

    /** v̄ after {@link #backward}: ∂y/∂v, for an input, a kept Var or the result of a recorded operation. */
    public double adjoint(Var v) {
        check(v);
        if (v.index == 0) {
            return 0;
        }
        if ((v.stamp & 1) != 0) {
            throw new IllegalArgumentException("this Var depends on a single entry (f(x), x ± c, c·x, x·x) and"
                    + " has no entry of its own, so its adjoint is not recorded; record it with v = tape.keep(v)"
                    + " before using it, or ask for the adjoint of an input");
        }
        return v.index >= adjoint.length ? 0 : adjoint[v.index];
    }

    /** Writes the adjoints of {@code vars} after {@link #backward} into {@code into}: a gradient with no allocation. */
    public void adjoints(Var[] vars, double[] into) {
        if (into.length < vars.length) {
            throw new IllegalArgumentException("adjoints: " + vars.length + " variables but room for " + into.length);
        }
        for (int i = 0; i < vars.length; i++) {
            into[i] = adjoint(vars[i]);
        }
    }

    /** The adjoints of {@code inputs} after a backward sweep from {@code output}: the gradient. */
    public double[] gradient(Var output, Var... inputs) {
        backward(output);
        double[] g = new double[inputs.length];
        adjoints(inputs, g);
        return g;
    }

    /** r as a Var of this tape, recorded since the last clear; small, so that it inlines into every operation. */
    Var check(Real r) {
        if (r instanceof Var) {
            Var v = (Var) r;
            if (v.tape == this && (v.stamp & ~1) == stamp) {
                return v;
            }
        }
        throw refused(r);
    }

    private RuntimeException refused(Real r) {
        if (!(r instanceof Var)) {
            String kind = r == null ? "null" : r.getClass().getSimpleName();
            return new IllegalArgumentException("cannot combine a Var with a " + kind
                    + ": all operands must be Vars of one tape (lift constants with constant(c))");
        }
        if (((Var) r).tape != this) {
            return new IllegalArgumentException("this Var was recorded on another tape; a Var can only be combined"
                    + " with Vars of its own tape (create all inputs with the same Tape, or use tape.constant(x))");
        }
        return new IllegalStateException("this Var was recorded before tape.clear() and is no longer valid;"
                + " record the computation again after clearing");
    }
}
