package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * Forward over reverse: a reverse-mode tape whose every number also carries a tangent along one direction v, so
 * one recording and one sweep give the gradient g and the Hessian-vector product H·v without forming H.
 *
 * <p>Design. The first-order {@link Tape} stays as it is (its sweep is a branch-free loop over four arrays, with
 * no cost for second order). This tape is its twin with a tangent channel:
 * <ul>
 *   <li>A {@link TangentVar} holds a value x and its tangent ẋ = ⟨∇x, v⟩, pushed forward like a {@link Dual}.</li>
 *   <li>Each entry stores, per operand, the partial p = ∂vᵢ/∂operand and its tangent ṗ. For a table row,
 *       p + ṗε is the row's own derivative rule run on a dual: {@code f.derivative(Dual.of(x, ẋ))} gives
 *       f′(x) + f″(x)ẋ ε, so no second-derivative table is needed.</li>
 *   <li>The sweep carries the adjoint ā and its tangent ȧ:
 *       ā[operand] += āᵢ·p and ȧ[operand] += ȧᵢ·p + āᵢ·ṗ. Seeding ā = 1, ȧ = 0 at the output leaves ∇f in ā
 *       and H·v in ȧ at the inputs.</li>
 * </ul>
 * It costs {@value #BYTES_PER_OPERATION} bytes per recorded operation. A Hessian is n such passes, one per unit
 * vector. Package-private: users reach it through {@link Derivatives#hvp} and {@link Derivatives#hessian}.
 */
final class TangentTape {

    /** Bytes stored per recorded operation: two indices, two partials, two partial tangents. */
    static final int BYTES_PER_OPERATION = 2 * Integer.BYTES + 4 * Double.BYTES;

    private int[] operand1;
    private int[] operand2;
    private double[] partial1;
    private double[] partial2;
    private double[] partialTangent1;
    private double[] partialTangent2;
    private double[] adjoint = new double[0];
    private double[] adjointTangent = new double[0];
    private int size = 1;
    private int epoch;

    TangentTape() {
        int c = 1024;
        operand1 = new int[c];
        operand2 = new int[c];
        partial1 = new double[c];
        partial2 = new double[c];
        partialTangent1 = new double[c];
        partialTangent2 = new double[c];
    }

    /** Independent variables xᵢ with tangents vᵢ. */
    TangentVar[] variables(double[] x, double[] v) {
        TangentVar[] vars = new TangentVar[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = new TangentVar(this, record(0, 0, 0, 0, 0, 0), x[i], v[i], epoch);
        }
        return vars;
    }

    TangentVar constant(double c) {
        return new TangentVar(this, 0, c, 0, epoch);
    }

    /** Forgets every entry but keeps the arrays. */
    void clear() {
        size = 1;
        epoch++;
    }

    int record(int a, double pa, double pta, int b, double pb, double ptb) {
        if (size == operand1.length) {
            grow();
        }
        int i = size++;
        operand1[i] = a;
        partial1[i] = pa;
        partialTangent1[i] = pta;
        operand2[i] = b;
        partial2[i] = pb;
        partialTangent2[i] = ptb;
        return i;
    }

    private void grow() {
        int c = operand1.length * 2;
        if (c < 0) {
            throw new IllegalStateException("tape is full: " + operand1.length + " operations");
        }
        try {
            int[] a = Arrays.copyOf(operand1, c);
            int[] b = Arrays.copyOf(operand2, c);
            double[] pa = Arrays.copyOf(partial1, c);
            double[] pb = Arrays.copyOf(partial2, c);
            double[] ta = Arrays.copyOf(partialTangent1, c);
            double[] tb = Arrays.copyOf(partialTangent2, c);
            operand1 = a;
            operand2 = b;
            partial1 = pa;
            partial2 = pb;
            partialTangent1 = ta;
            partialTangent2 = tb;
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e, "growing it to " + c + " entries");
        }
    }

    private OutOfMemoryError outOfMemory(OutOfMemoryError e, String doing) {
        long bytes = (long) operand1.length * BYTES_PER_OPERATION + 2L * adjoint.length * Double.BYTES;
        return Tape.outOfMemory(e, "second-order (forward-over-reverse) tape of a Hessian or Hessian-vector product",
                doing, size - 1, bytes, BYTES_PER_OPERATION, "");
    }

    /** Seeds ā = 1, ȧ = 0 at {@code output} and sweeps backwards. */
    void backward(TangentVar output) {
        check(output);
        if (adjoint.length < size) {
            adjoint = new double[0];
            adjointTangent = adjoint;
            try {
                adjoint = new double[operand1.length];
                adjointTangent = new double[operand1.length];
            } catch (OutOfMemoryError e) {
                adjoint = new double[0];
                throw outOfMemory(e, "allocating the adjoints for the backward sweep");
            }
        } else {
            Arrays.fill(adjoint, 0, size, 0.0);
            Arrays.fill(adjointTangent, 0, size, 0.0);
        }
        adjoint[output.index] = 1;
        final int[] a = operand1;
        final int[] b = operand2;
        final double[] pa = partial1;
        final double[] pb = partial2;
        final double[] ta = partialTangent1;
        final double[] tb = partialTangent2;
        final double[] adj = adjoint;
        final double[] adjDot = adjointTangent;
        for (int i = size - 1; i > 0; i--) {
            double ai = adj[i];
            double ti = adjDot[i];
            adj[a[i]] += ai * pa[i];
            adjDot[a[i]] += ti * pa[i] + ai * ta[i];
            adj[b[i]] += ai * pb[i];
            adjDot[b[i]] += ti * pb[i] + ai * tb[i];
        }
    }

    /** ā = ∂y/∂v after {@link #backward}. */
    double adjoint(TangentVar v) {
        return v.index == 0 ? 0 : adjoint[v.index];
    }

    /** ȧ = ⟨∇(∂y/∂v), direction⟩ after {@link #backward}. */
    double adjointTangent(TangentVar v) {
        return v.index == 0 ? 0 : adjointTangent[v.index];
    }

    TangentVar check(Real r) {
        if (!(r instanceof TangentVar)) {
            String kind = r == null ? "null" : r.getClass().getSimpleName();
            throw new IllegalArgumentException("cannot combine a second-order tape variable with a " + kind
                    + ": build every intermediate from the function's arguments (lift constants with constant(c))");
        }
        TangentVar v = (TangentVar) r;
        if (v.tape != this || v.epoch != epoch) {
            throw new IllegalArgumentException("this variable belongs to another Hessian computation; do not keep"
                    + " arguments of a RealFunction between calls");
        }
        return v;
    }
}
