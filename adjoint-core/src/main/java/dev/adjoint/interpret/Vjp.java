package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.Shape;
import dev.adjoint.primitive.Primitive;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * Reverse mode: a tape recorded while the function runs (primitive, input primals, output primal, parent nodes in
 * flat arrays), swept backward with the primitives' VJP rules. The stored values belong to lower levels, so the
 * sweep can run after the scope closes and is itself differentiated by any enclosing transform.
 */
public final class Vjp extends Interpreter {

    private static final class VjpTracer extends Tracer {
        final Tensor primal;
        final int node;

        VjpTracer(Vjp owner, Tensor primal, int node) {
            super(owner);
            this.primal = primal;
            this.node = node;
        }

        @Override
        public Shape shape() {
            return primal.shape();
        }

        @Override
        public DType dtype() {
            return primal.dtype();
        }

        @Override
        public Tensor primal() {
            return primal;
        }
    }

    private static final int[] NONE = new int[0];

    private Primitive[] prims = new Primitive[64];
    private Tensor[][] inputs = new Tensor[64][];
    private int[][] parents = new int[64][];
    private Tensor[] outputs = new Tensor[64];
    private String[] sites;
    private int size;
    private final TapeMemory meter = TapeMemory.current();
    private IdentityHashMap<Object, Boolean> held;
    private long heldBytes;

    /** Opens a reverse-mode scope with an empty tape. */
    public Vjp() {
        super("vjp");
    }

    /**
     * The bytes of the concrete tensors this tape keeps for its backward pass, each buffer once; counted only
     * while a {@link TapeMemory} meter is open on this thread (0 otherwise).
     */
    public long heldBytes() {
        return heldBytes;
    }

    /** Tells the meter this tape's residuals are no longer held (call when the tape is dropped). */
    public void release() {
        if (held != null) {
            for (Object b : held.keySet()) {
                meter.release(b);
            }
            held = null;
            heldBytes = 0;
        }
    }

    private void count(Tensor t) {
        if (t == null || !t.isConcrete()) {
            return;
        }
        Object b = t.array().storage();
        if (held == null) {
            held = new IdentityHashMap<>();
        }
        if (held.put(b, Boolean.TRUE) == null) {
            heldBytes += TapeMemory.bytes(b);
            meter.hold(b);
        }
    }

    /** {@code x} as a leaf of the tape, whose cotangent {@link #backward} can return. */
    public Tensor watch(Tensor x) {
        if (mine(x) != null) {
            return x;
        }
        int id = record(null, null, NONE, x);
        return Tensor.traced(new VjpTracer(this, x, id));
    }

    private VjpTracer mine(Tensor t) {
        Tracer tr = t.tracer();
        return tr != null && tr.owner() == this ? (VjpTracer) tr : null;
    }

    /** The primal of a value computed in this scope. */
    public Tensor primalOf(Tensor y) {
        VjpTracer t = mine(y);
        return t == null ? y : t.primal;
    }

    /** The number of recorded nodes (leaves included). */
    public int size() {
        return size;
    }

    private int record(Primitive p, Tensor[] in, int[] par, Tensor out) {
        if (size == prims.length) {
            int n = size * 2;
            prims = Arrays.copyOf(prims, n);
            inputs = Arrays.copyOf(inputs, n);
            parents = Arrays.copyOf(parents, n);
            outputs = Arrays.copyOf(outputs, n);
            if (sites != null) {
                sites = Arrays.copyOf(sites, n);
            }
        }
        prims[size] = p;
        inputs[size] = in;
        parents[size] = par;
        outputs[size] = out;
        if (meter != null) {
            if (in != null) {
                for (Tensor t : in) {
                    count(t);
                }
            }
            count(out);
        }
        if (anomalyScopes > 0 && context().anomaly) {
            if (sites == null) {
                sites = new String[prims.length];
            }
            sites[size] = Evaluate.callSite();
        }
        return size++;
    }

    @Override
    protected Tensor process(Primitive p, Tensor[] args) {
        Tensor[] primals = new Tensor[args.length];
        int[] par = null;
        for (int i = 0; i < args.length; i++) {
            VjpTracer t = mine(args[i]);
            if (t == null) {
                primals[i] = args[i];
            } else {
                primals[i] = t.primal;
                if (par == null) {
                    par = new int[args.length];
                    Arrays.fill(par, -1);
                }
                par[i] = t.node;
            }
        }
        Tensor out = Interpreter.bind(p, primals);
        if (par == null || !tracking()) {
            return out;
        }
        return Tensor.traced(new VjpTracer(this, out, record(p, primals, par, out)));
    }

    /**
     * The cotangents ∂⟨seed, y⟩/∂w for each w in {@code wrt} (values recorded on this tape); null where y does not
     * depend on w. May be called several times, also after the scope is closed.
     */
    public Tensor[] backward(Tensor y, Tensor seed, Tensor... wrt) {
        if (!seed.shape().equals(y.shape())) {
            throw new IllegalArgumentException("vjp: cotangent shape " + seed.shape() + " differs from output shape "
                    + y.shape());
        }
        Tensor[] result = new Tensor[wrt.length];
        VjpTracer root = mine(y);
        if (root == null) {
            return result;
        }
        boolean[] keep = new boolean[root.node + 1];
        for (Tensor w : wrt) {
            VjpTracer t = mine(w);
            if (t != null && t.node <= root.node) {
                keep[t.node] = true;
            }
        }
        Tensor[] cot = new Tensor[root.node + 1];
        cot[root.node] = seed.astype(y.dtype());
        for (int i = root.node; i >= 0; i--) {
            Tensor g = cot[i];
            if (g == null || prims[i] == null) {
                continue;
            }
            int[] par = parents[i];
            boolean[] wanted = new boolean[par.length];
            for (int j = 0; j < par.length; j++) {
                wanted[j] = par[j] >= 0;
            }
            Tensor[] gs;
            try {
                gs = prims[i].vjp(g, inputs[i], outputs[i], wanted);
            } catch (AnomalyException e) {
                String site = sites != null && sites[i] != null ? sites[i] : "(recorded before detectAnomaly)";
                throw new AnomalyException(e.getMessage() + "; in the backward pass of " + prims[i].name()
                        + " for the value created at " + site);
            }
            for (int j = 0; j < par.length; j++) {
                if (par[j] >= 0 && gs[j] != null) {
                    int k = par[j];
                    // A cotangent has its primal's dtype, whatever dtype a rule's constants had.
                    Tensor gj = gs[j].astype(inputs[i][j].dtype());
                    cot[k] = cot[k] == null ? gj : cot[k].add(gj);
                }
            }
            if (!keep[i]) {
                cot[i] = null;
            }
        }
        for (int i = 0; i < wrt.length; i++) {
            VjpTracer t = mine(wrt[i]);
            result[i] = t == null || t.node > root.node ? null : cot[t.node];
        }
        return result;
    }

    /**
     * The tangent of {@code y} for tangents of the watched leaves {@code wrt}, pushed forward along the recorded tape
     * with the JVP rules (the linearization, without re-running the function).
     */
    public Tensor forward(Tensor y, Tensor[] wrt, Tensor[] tangents) {
        VjpTracer root = mine(y);
        if (root == null) {
            return null;
        }
        Tensor[] tan = new Tensor[root.node + 1];
        for (int i = 0; i < wrt.length; i++) {
            VjpTracer t = mine(wrt[i]);
            if (t != null && t.node <= root.node) {
                tan[t.node] = tangents[i] == null ? null : tangents[i].astype(wrt[i].dtype());
            }
        }
        for (int i = 0; i <= root.node; i++) {
            if (prims[i] == null) {
                continue;
            }
            int[] par = parents[i];
            Tensor[] t = new Tensor[par.length];
            boolean any = false;
            for (int j = 0; j < par.length; j++) {
                t[j] = par[j] >= 0 ? tan[par[j]] : null;
                any |= t[j] != null;
            }
            if (any) {
                Tensor ti = prims[i].jvp(inputs[i], t, outputs[i]);
                tan[i] = ti == null ? null : ti.astype(outputs[i].dtype());
            }
        }
        return tan[root.node];
    }
}
