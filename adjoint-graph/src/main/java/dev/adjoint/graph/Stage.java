package dev.adjoint.graph;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Tracer;
import dev.adjoint.primitive.Cast;
import dev.adjoint.primitive.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging interpreter: instead of computing, each primitive applied to a staged value appends an equation to
 * a graph. Values that are not staged (plain tensors) become literals; operations on plain tensors only run
 * eagerly, so constant subexpressions are already folded. Inner transforms (grad, jvp, vmap) run above it and
 * hand it their own primitives, which is why staging a transform stages its derivative code.
 *
 * <p>Java control flow is traced for the path taken: a value's elements are not known while staging, so code
 * that reads them ({@code item()}, {@code if (x.get(0) > 0)}) fails with an error that says so.
 */
public final class Stage extends Interpreter {

    /** A staged value: stands for a graph variable. */
    static final class StageTracer extends Tracer {
        final Var var;

        StageTracer(Stage owner, Var var) {
            super(owner);
            this.var = var;
        }

        @Override
        public Shape shape() {
            return var.shape();
        }

        @Override
        public Tensor primal() {
            throw new IllegalStateException("a staged value of shape " + var.shape() + " has no elements while a"
                    + " graph is being traced: Java code that reads values (item(), get(), if on data) cannot be"
                    + " staged; compute with tensor operations instead");
        }
    }

    private static final ThreadLocal<int[]> PROBING = ThreadLocal.withInitial(() -> new int[1]);

    private final List<Equation> equations = new ArrayList<>();
    private final List<Var> placeholders = new ArrayList<>();

    /** Opens a staging scope (use try-with-resources). */
    public Stage() {
        super("stage");
    }

    /** A staged value standing for graph input {@code v}. */
    public Tensor input(Var v) {
        return Tensor.traced(new StageTracer(this, v));
    }

    /** A new placeholder of the given dimensions: a graph input to be fed when the graph runs. */
    public Tensor placeholder(int... dims) {
        Var v = Var.fresh(Shape.of(dims));
        placeholders.add(v);
        return input(v);
    }

    /** The graph from the placeholders, in creation order, to {@code outputs}; closes the scope. */
    public Graph build(Tensor... outputs) {
        Graph g = build(placeholders, List.of(outputs));
        close();
        return g;
    }

    /** The graph from {@code inputs} to {@code outputs} (values staged in this scope or constants). */
    public Graph build(List<Var> inputs, List<Tensor> outputs) {
        List<Atom> out = new ArrayList<>();
        for (Tensor t : outputs) {
            out.add(atom(t, "output"));
        }
        return new Graph(inputs, equations, out);
    }

    /**
     * Whether a primitive's shape rule is running on placeholder zeros while staging: structured loops then answer
     * with their carry's shape instead of running (a data-dependent loop might not stop on zeros).
     */
    public static boolean probingShapes() {
        return PROBING.get()[0] > 0;
    }

    /** The graph variable of a staged value, or null when the value is not staged by any graph. */
    public static Var varOf(Tensor t) {
        return t.tracer() instanceof StageTracer s ? s.var : null;
    }

    /**
     * Fails unless {@code t} is float64, naming {@code what}: graphs hold float64 only (the compiler emits double
     * loops), so a float32 value gets an error saying what to do instead of a failing kernel later.
     */
    public static void requireFloat64(Tensor t, String what) {
        if (t.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException(what + " is " + t.dtype() + " of shape " + t.shape() + ", but graphs"
                    + " are float64: convert it with astype(DType.FLOAT64), or run float32 code eagerly (every"
                    + " transform supports float32 without a graph)");
        }
    }

    private Atom atom(Tensor t, String what) {
        Tracer tr = t.tracer();
        if (tr == null) {
            requireFloat64(t, "stage: a constant " + what);
            return new Literal(t.array());
        }
        if (tr.owner() == this) {
            return ((StageTracer) tr).var;
        }
        throw new IllegalStateException("stage: an " + what + " is traced by " + tr.owner() + ", a transform"
                + " opened outside the graph being traced; pass the value as an argument of the traced function"
                + " instead of capturing it");
    }

    @Override
    protected Tensor process(Primitive p, Tensor[] args) {
        if (p instanceof Cast c) {
            throw new IllegalArgumentException("stage: " + c.name() + " cannot be staged: graphs are float64;"
                    + " run float32 code eagerly (every transform supports float32 without a graph)");
        }
        List<Atom> in = new ArrayList<>(args.length);
        Shape[] shapes = new Shape[args.length];
        for (int i = 0; i < args.length; i++) {
            in.add(atom(args[i], p.name() + " operand"));
            shapes[i] = args[i].shape();
        }
        Var out;
        int[] probing = PROBING.get();
        probing[0]++;
        try {
            out = Var.fresh(p.shape(shapes));
        } finally {
            probing[0]--;
        }
        equations.add(new Equation(new PrimitiveOp(p), in, out));
        return input(out);
    }
}
