package dev.adjoint.scalar;

/**
 * Derivatives of functions written against {@link Real}: one entry point per question, each choosing the mode
 * that answers it cheaply.
 *
 * <ul>
 *   <li>{@link #derivative}, {@link #directionalDerivative}, {@link #jvp}: forward mode with {@link Dual} (one pass).</li>
 *   <li>{@link #gradient}, {@link #vjp}: reverse mode on a {@link Tape} (one recording, one sweep), or
 *       {@link DualVector} when asked for {@link Mode#FORWARD}.</li>
 *   <li>{@link #jacobian}: forward ({@link DualVector}, one pass for all n columns) when inputs ≤ outputs,
 *       reverse (one recording, m sweeps) otherwise.</li>
 *   <li>{@link #hvp}, {@link #hessian}: forward over reverse, a reverse tape whose numbers carry a tangent along v
 *       (see {@code TangentTape}); a Hessian is n Hessian-vector products.</li>
 * </ul>
 * Every method checks that the arrays it is given agree in length and that the function's result was computed
 * from its arguments; a result of another kind or from another computation throws with an explanation.
 *
 * <p><b>Threads.</b> Every method is thread-safe: each call records on its own tape (a spare one kept
 * per thread), so any number of threads may differentiate at once, even the same function if it is itself
 * thread-safe.
 */
public final class Derivatives {

    /**
     * One spare tape per thread, so that repeated gradients neither allocate nor regrow a tape. A call takes it
     * (a nested call finds none and makes its own) and gives it back cleared, which also invalidates any
     * {@code Var} the function kept. Tapes larger than {@link #MAX_SPARE_BYTES} are left to the collector.
     */
    private static final ThreadLocal<Tape> SPARE = new ThreadLocal<>();

    /** The largest tape kept as a spare: 2¹⁸ operations (8 MB). */
    private static final long MAX_SPARE_BYTES = (1L << 18) * (Tape.BYTES_PER_OPERATION + Double.BYTES);

    private Derivatives() {
    }

    private static Tape takeTape() {
        Tape tape = SPARE.get();
        if (tape == null) {
            return Tape.create();
        }
        SPARE.remove();
        return tape;
    }

    private static void giveBack(Tape tape) {
        tape.clear();
        if (tape.bytesHeld() <= MAX_SPARE_BYTES) {
            SPARE.set(tape);
        }
    }

    /** f′(x) for f of one variable {@code x[0]}, in forward mode. */
    public static double derivative(RealFunction f, double x) {
        Dual[] d = Dual.seed(new double[] {x}, new double[] {1});
        return dualResult("derivative", f.apply(d), d[0].tag()).tangent();
    }

    /** f(x) and ∇f(x) in reverse mode. */
    public static Gradient gradient(RealFunction f, double... x) {
        return gradient(f, Mode.REVERSE, x);
    }

    /** f(x) and ∇f(x): {@link Mode#FORWARD} in one {@link DualVector} pass, {@link Mode#REVERSE} on a tape. */
    public static Gradient gradient(RealFunction f, Mode mode, double... x) {
        if (x.length == 0) { // a constant function: any kind of number will do
            return new Gradient(f.apply(new Real[0]).value(), new double[0]);
        }
        if (forward(mode, x.length, 1)) {
            DualVector[] d = DualVector.variables(x);
            DualVector y = dualVectorResult("gradient", f.apply(d), d.length == 0 ? 0 : d[0].tag(), x.length);
            return new Gradient(y.value(), y.tangents());
        }
        Tape tape = takeTape();
        try {
            Var[] v = tape.variables(x);
            Var y = tape.check(f.apply(v));
            return new Gradient(y.value(), tape.gradient(y, v));
        } finally {
            giveBack(tape);
        }
    }

    /**
     * The directional derivative ⟨∇f(x), v⟩, in one forward pass: the scalar case of {@code jvp}, named apart so
     * that a plain lambda is never ambiguous between the two.
     */
    public static double directionalDerivative(RealFunction f, double[] x, double[] v) {
        sameLength("directionalDerivative", "x", x, "v", v);
        if (x.length == 0) {
            return 0;
        }
        Dual[] d = Dual.seed(x, v);
        return dualResult("directionalDerivative", f.apply(d), tagOf(d)).tangent();
    }

    /** The Jacobian-vector product J(x)·v, in one forward pass. */
    public static double[] jvp(VectorFunction f, double[] x, double[] v) {
        sameLength("jvp", "x", x, "v", v);
        Dual[] d = Dual.seed(x, v);
        Real[] y = f.apply(d);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = dualResult("jvp", y[i], tagOf(d)).tangent();
        }
        return t;
    }

    /** The vector-Jacobian product wᵀ·J(x), in one recording and one reverse sweep. */
    public static double[] vjp(VectorFunction f, double[] x, double[] w) {
        Tape tape = takeTape();
        try {
            Var[] v = tape.variables(x);
            Var[] y = outputs(tape, f.apply(v));
            if (y.length != w.length) {
                throw new IllegalArgumentException("vjp: f has " + y.length + " outputs but w has " + w.length
                        + " elements");
            }
            tape.backward(y, w);
            double[] g = new double[x.length];
            tape.adjoints(v, g);
            return g;
        } finally {
            giveBack(tape);
        }
    }

    /** The m×n Jacobian J[i][j] = ∂fᵢ/∂xⱼ, forward when n ≤ m and reverse otherwise. */
    public static double[][] jacobian(VectorFunction f, double... x) {
        return jacobian(f, Mode.AUTO, x);
    }

    /** The m×n Jacobian J[i][j] = ∂fᵢ/∂xⱼ in the given mode. */
    public static double[][] jacobian(VectorFunction f, Mode mode, double... x) {
        if (x.length == 0) {
            return new double[f.apply(new Real[0]).length][0];
        }
        if (mode == Mode.AUTO) {
            // One cheap pass on constants tells the number of outputs m.
            Dual[] probe = new Dual[x.length];
            for (int i = 0; i < x.length; i++) {
                probe[i] = Dual.constantOf(x[i]);
            }
            mode = forward(Mode.AUTO, x.length, f.apply(probe).length) ? Mode.FORWARD : Mode.REVERSE;
        }
        if (mode == Mode.FORWARD) {
            DualVector[] d = DualVector.variables(x);
            Real[] y = f.apply(d);
            double[][] jac = new double[y.length][];
            for (int i = 0; i < y.length; i++) {
                jac[i] = dualVectorResult("jacobian", y[i], tagOf(d), x.length).tangents();
            }
            return jac;
        }
        Tape tape = takeTape();
        try {
            Var[] v = tape.variables(x);
            Var[] y = outputs(tape, f.apply(v));
            double[][] jac = new double[y.length][x.length];
            double[] w = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                w[i] = 1;
                tape.backward(y, w);
                w[i] = 0;
                tape.adjoints(v, jac[i]);
            }
            return jac;
        } finally {
            giveBack(tape);
        }
    }

    /** The Hessian-vector product ∇²f(x)·v by forward over reverse: one recording and one sweep, H never formed. */
    public static double[] hvp(RealFunction f, double[] x, double[] v) {
        sameLength("hvp", "x", x, "v", v);
        return hvp(new TangentTape(), f, x, v);
    }

    /** The n×n Hessian ∇²f(x), column by column as n Hessian-vector products (forward over reverse). */
    public static double[][] hessian(RealFunction f, double... x) {
        int n = x.length;
        TangentTape tape = new TangentTape();
        double[][] h = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] column = hvp(tape, f, x, e);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i][j] = column[i];
            }
        }
        return h;
    }

    private static double[] hvp(TangentTape tape, RealFunction f, double[] x, double[] v) {
        tape.clear();
        TangentVar[] vars = tape.variables(x, v);
        TangentVar y = tape.check(f.apply(vars));
        tape.backward(y);
        double[] hv = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            hv[i] = tape.adjointTangent(vars[i]);
        }
        return hv;
    }

    private static boolean forward(Mode mode, int inputs, int outputs) {
        return mode == Mode.FORWARD || (mode == Mode.AUTO && inputs <= outputs);
    }

    private static void sameLength(String op, String a, double[] x, String b, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(op + ": " + a + " has " + x.length + " elements but " + b + " has "
                    + y.length + "; they must have the same length");
        }
    }

    private static int tagOf(Dual[] d) {
        return d.length == 0 ? 0 : d[0].tag();
    }

    private static int tagOf(DualVector[] d) {
        return d.length == 0 ? 0 : d[0].tag();
    }

    private static Dual dualResult(String op, Real y, int tag) {
        if (!(y instanceof Dual)) {
            throw notFromArguments(op, y, "Dual");
        }
        Dual d = (Dual) y;
        if (d.tag() != 0 && d.tag() != tag) {
            throw new IllegalArgumentException(op + ": the function's result belongs to another derivative"
                    + " computation (perturbation confusion); compute it from this call's arguments");
        }
        return d;
    }

    private static DualVector dualVectorResult(String op, Real y, int tag, int n) {
        if (!(y instanceof DualVector)) {
            throw notFromArguments(op, y, "DualVector");
        }
        DualVector d = (DualVector) y;
        if ((d.tag() != 0 && d.tag() != tag) || d.dimension() != n) {
            throw new IllegalArgumentException(op + ": the function's result belongs to another derivative"
                    + " computation (perturbation confusion); compute it from this call's arguments");
        }
        return d;
    }

    private static Var[] outputs(Tape tape, Real[] y) {
        Var[] v = new Var[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = tape.check(y[i]);
        }
        return v;
    }

    private static IllegalArgumentException notFromArguments(String op, Real y, String expected) {
        String kind = y == null ? "null" : "a " + y.getClass().getSimpleName();
        return new IllegalArgumentException(op + ": the function returned " + kind + " where a " + expected
                + " was expected; build the result from the function's arguments (use x[0].constant(c) for"
                + " constants)");
    }
}
