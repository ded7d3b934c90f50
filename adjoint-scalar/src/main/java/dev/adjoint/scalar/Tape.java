package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * The reverse-mode tape: a Wengert list of local partial derivatives, kept in primitive arrays.
 *
 * <p>Entry i records node i's operands (at most two) and ∂vᵢ/∂operand. Slot 0 is a sink: unary operations and
 * constants point their missing operand at it, so the reverse sweep is one branch-free loop. A recorded
 * operation costs {@value #BYTES_PER_OPERATION} bytes (two int indices, two double partials), plus 8 bytes of
 * adjoint during the sweep; a {@link Var} object lives only as long as user code holds it.
 *
 * <p>{@link #clear()} keeps the arrays for the next recording and invalidates every {@code Var} made so far. A tape
 * is not thread-safe; use one per thread (as {@link Derivatives} does).
 *
 * <p>Second derivatives are not this tape's business: {@link Derivatives#hvp} and {@link Derivatives#hessian} run
 * a twin tape whose numbers also carry a tangent (forward over reverse), so this one records first-order partials
 * only and pays nothing for them.
 */
public final class Tape {

    /** Bytes the tape stores per recorded operation. */
    public static final int BYTES_PER_OPERATION = 2 * Integer.BYTES + 2 * Double.BYTES;

    private int[] operand1;
    private int[] operand2;
    private double[] partial1;
    private double[] partial2;
    private double[] adjoint = new double[0];
    private int size = 1;
    private int epoch;

    private Tape(int capacity) {
        int c = Math.max(capacity, 16);
        operand1 = new int[c];
        operand2 = new int[c];
        partial1 = new double[c];
        partial2 = new double[c];
    }

    /** An empty tape. */
    public static Tape create() {
        return new Tape(1024);
    }

    /** An empty tape with room for {@code operations} entries before it grows. */
    public static Tape withCapacity(int operations) {
        return new Tape(operations + 1);
    }

    /** A new independent variable recorded on this tape. */
    public Var variable(double value) {
        return new Var(this, record(0, 0, 0, 0), value, epoch);
    }

    /** New independent variables, one per value, in order. */
    public Var[] variables(double... values) {
        Var[] v = new Var[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = variable(values[i]);
        }
        return v;
    }

    /** A constant: not recorded, it points at the sink. */
    public Var constant(double value) {
        return new Var(this, 0, value, epoch);
    }

    /** Number of entries recorded since the last clear (variables included). */
    public int size() {
        return size - 1;
    }

    /** Bytes held by the tape's arrays now (capacity, not just size). */
    public long bytesHeld() {
        return (long) operand1.length * BYTES_PER_OPERATION + (long) adjoint.length * Double.BYTES;
    }

    /** Forgets every entry but keeps the arrays; all earlier {@code Var}s become invalid. */
    public void clear() {
        size = 1;
        epoch++;
    }

    int record(int a, double pa, int b, double pb) {
        if (size == operand1.length) {
            grow();
        }
        int i = size++;
        operand1[i] = a;
        partial1[i] = pa;
        operand2[i] = b;
        partial2[i] = pb;
        return i;
    }

    private void grow() {
        int c = operand1.length * 2;
        if (c < 0) {
            throw new IllegalStateException("tape is full: " + operand1.length + " operations");
        }
        operand1 = Arrays.copyOf(operand1, c);
        operand2 = Arrays.copyOf(operand2, c);
        partial1 = Arrays.copyOf(partial1, c);
        partial2 = Arrays.copyOf(partial2, c);
    }

    /** Seeds ȳ = 1 at {@code output} and sweeps backwards; read results with {@link #adjoint(Var)}. */
    public void backward(Var output) {
        backward(new Var[] {output}, new double[] {1});
    }

    /** Seeds ȳⱼ = weightsⱼ at each output and sweeps once backwards: a vector-Jacobian product. */
    public void backward(Var[] outputs, double[] weights) {
        if (outputs.length != weights.length) {
            throw new IllegalArgumentException("backward: " + outputs.length + " outputs but " + weights.length
                    + " weights");
        }
        if (adjoint.length < size) {
            adjoint = new double[Math.max(size, operand1.length)];
        } else {
            Arrays.fill(adjoint, 0, size, 0.0);
        }
        for (int j = 0; j < outputs.length; j++) {
            check(outputs[j]);
            adjoint[outputs[j].index] += weights[j];
        }
        sweep();
    }

    private void sweep() {
        final int[] a = operand1;
        final int[] b = operand2;
        final double[] pa = partial1;
        final double[] pb = partial2;
        final double[] adj = adjoint;
        for (int i = size - 1; i > 0; i--) {
            double ai = adj[i];
            adj[a[i]] += ai * pa[i];
            adj[b[i]] += ai * pb[i];
        }
    }

    /** v̄ for a node after {@link #backward}: ∂y/∂v. */
    public double adjoint(Var v) {
        check(v);
        return v.index == 0 || v.index >= adjoint.length ? 0 : adjoint[v.index];
    }

    /** The adjoints of {@code inputs} after a backward sweep from {@code output}: the gradient. */
    public double[] gradient(Var output, Var... inputs) {
        backward(output);
        double[] g = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            g[i] = adjoint(inputs[i]);
        }
        return g;
    }

    Var check(Real r) {
        if (!(r instanceof Var)) {
            String kind = r == null ? "null" : r.getClass().getSimpleName();
            throw new IllegalArgumentException("cannot combine a Var with a " + kind
                    + ": all operands must be Vars of one tape (lift constants with constant(c))");
        }
        Var v = (Var) r;
        if (v.tape != this) {
            throw new IllegalArgumentException("this Var was recorded on another tape; a Var can only be combined"
                    + " with Vars of its own tape (create all inputs with the same Tape, or use tape.constant(x))");
        }
        if (v.epoch != epoch) {
            throw new IllegalStateException("this Var was recorded before tape.clear() and is no longer valid;"
                    + " record the computation again after clearing");
        }
        return v;
    }
}
