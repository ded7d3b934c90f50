package dev.adjoint.graph.compile;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Stage;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Add;
import dev.adjoint.primitive.Div;
import dev.adjoint.primitive.Mul;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Sub;
import dev.adjoint.primitive.Unary;
import dev.adjoint.scalar.UnaryFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a graph with a static buffer plan: variables live in numbered slots, each slot is released right after its
 * last use, and a released buffer returns to a pool from which loops take their output (so a chain of elementwise
 * steps reuses a few arrays instead of allocating one per step); an elementwise loop whose operand dies at it
 * writes over that operand in place. Buffers are reference-counted by identity, because some kernels (reshape)
 * share their input's buffer. Inputs, literals and outputs are never reused. Each run reports the peak of live
 * bytes.
 *
 * <p><b>Threads.</b> Not thread-safe (it reuses its buffers from run to run): run it on one thread at a
 * time; {@link CompiledFunction} does that for you.
 */
public final class Executor {

    private final Graph graph;
    private final int[] inputSlots;
    private final int[][] operandSlots;
    private final NdArray[][] literals;
    private final int[] outputSlots;
    private final NdArray[] outputLiterals;
    private final int[][] dying;
    private final Kernel[] kernels;
    private final Shape[] shapes;
    private final int[] outSlots;
    private final int[][] inPlace;
    private long peakBytes;
    private long allocatedBytes;

    private Executor(Graph graph, boolean compile) {
        this.graph = graph;
        Map<Var, Integer> slot = new HashMap<>();
        List<Var> in = graph.inputs();
        inputSlots = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            inputSlots[i] = slot.computeIfAbsent(in.get(i), v -> slot.size());
        }
        List<Equation> eqs = graph.equations();
        operandSlots = new int[eqs.size()][];
        literals = new NdArray[eqs.size()][];
        kernels = new Kernel[eqs.size()];
        shapes = new Shape[eqs.size()];
        outSlots = new int[eqs.size()];
        inPlace = new int[eqs.size()][];
        Map<Integer, Integer> lastUse = new HashMap<>();
        for (int k = 0; k < eqs.size(); k++) {
            Equation e = eqs.get(k);
            int[] s = new int[e.inputs().size()];
            literals[k] = new NdArray[s.length];
            for (int j = 0; j < s.length; j++) {
                Atom a = e.inputs().get(j);
                if (a instanceof Literal l) {
                    s[j] = -1;
                    literals[k][j] = l.value();
                } else {
                    s[j] = slot.get((Var) a);
                    lastUse.put(s[j], k);
                }
            }
            operandSlots[k] = s;
            outSlots[k] = slot.size();
            slot.put(e.output(), outSlots[k]);
            shapes[k] = e.output().shape();
            kernels[k] = compile ? null : kernel(e);
        }
        if (compile) {
            System.arraycopy(LoopCompiler.compileAll(eqs), 0, kernels, 0, kernels.length);    // one unit of loops
        }
        outputSlots = new int[graph.outputs().size()];
        outputLiterals = new NdArray[outputSlots.length];
        for (int i = 0; i < outputSlots.length; i++) {
            Atom a = graph.outputs().get(i);
            if (a instanceof Literal l) {
                outputSlots[i] = -1;
                outputLiterals[i] = l.value();
            } else {
                outputSlots[i] = slot.get((Var) a);
                lastUse.put(outputSlots[i], Integer.MAX_VALUE);
            }
        }
        List<List<Integer>> dies = new ArrayList<>();
        for (int k = 0; k < eqs.size(); k++) {
            dies.add(new ArrayList<>());
        }
        for (Map.Entry<Integer, Integer> u : lastUse.entrySet()) {
            if (u.getValue() != Integer.MAX_VALUE) {
                dies.get(u.getValue()).add(u.getKey());
            }
        }
        dying = new int[eqs.size()][];
        for (int k = 0; k < eqs.size(); k++) {
            dying[k] = dies.get(k).stream().mapToInt(Integer::intValue).toArray();
            // A loop that writes element i only after reading element i of each operand may overwrite an operand
            // of the output's shape that dies here.
            List<Integer> reuse = new ArrayList<>();
            Equation e = eqs.get(k);
            for (int j = 0; kernels[k] != null && LoopCompiler.maps(e) && j < operandSlots[k].length; j++) {
                if (dies.get(k).contains(operandSlots[k][j]) && e.inputs().get(j).shape().equals(shapes[k])) {
                    reuse.add(j);
                }
            }
            inPlace[k] = reuse.stream().mapToInt(Integer::intValue).toArray();
        }
        this.slots = slot.size();
    }

    private final int slots;

    /** An interpreter for {@code g} (fused loops are interpreted equation by equation). */
    public static Executor of(Graph g) {
        return new Executor(g, false);
    }

    /**
     * An executor whose fused loops, elementwise steps, sums and maxima run as generated JVM bytecode (a
     * monomorphic loop per step rather than one loop calling every function through an interface).
     */
    public static Executor compiled(Graph g) {
        return new Executor(g, true);
    }

    /** The graph this executor runs. */
    public Graph graph() {
        return graph;
    }

    /** The peak of bytes held by live variables (inputs included) during the last run. */
    public long peakBytes() {
        return peakBytes;
    }

    /** The bytes newly allocated (not taken from the pool) during the last run. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** The interpreter's kernel for {@code e}: a plain loop for the four arithmetic ops and unary rows. */
    private static Kernel kernel(Equation e) {
        if (e.op() instanceof Fused) {
            return null;
        }
        Primitive p = ((PrimitiveOp) e.op()).primitive();
        if (p instanceof Add) {
            return (x, out, n) -> add(x[0], x[1], out, n);
        } else if (p instanceof Sub) {
            return (x, out, n) -> sub(x[0], x[1], out, n);
        } else if (p instanceof Mul) {
            return (x, out, n) -> mul(x[0], x[1], out, n);
        } else if (p instanceof Div) {
            return (x, out, n) -> div(x[0], x[1], out, n);
        } else if (p instanceof Unary u) {
            UnaryFunction f = u.function();
            return (x, out, n) -> {
                double[] a = x[0];
                for (int i = 0; i < n; i++) {
                    out[i] = f.value(a[i]);
                }
            };
        }
        return null;
    }

    private static void add(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
        }
    }

    private static void sub(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] - b[i];
        }
    }

    private static void mul(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }

    private static void div(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] / b[i];
        }
    }

    /** The outputs for concrete inputs, in order. */
    public List<Tensor> run(Tensor... args) {
        if (args.length != inputSlots.length) {
            throw new IllegalArgumentException("run: the graph has " + inputSlots.length + " inputs, got "
                    + args.length);
        }
        NdArray[] env = new NdArray[slots];
        IdentityHashMap<double[], int[]> refs = new IdentityHashMap<>();
        IdentityHashMap<double[], Boolean> foreign = new IdentityHashMap<>();
        Map<Integer, ArrayDeque<double[]>> pool = new HashMap<>();
        long[] live = new long[1];
        peakBytes = 0;
        allocatedBytes = 0;
        for (int i = 0; i < args.length; i++) {
            Shape want = graph.inputs().get(i).shape();
            if (!args[i].shape().equals(want)) {
                throw new IllegalArgumentException("run: input " + i + " has shape " + args[i].shape()
                        + " but the graph was built for " + want);
            }
            Stage.requireFloat64(args[i], "run: input " + i);
            NdArray a = args[i].array();
            foreign.put(a.buffer(), Boolean.TRUE);
            env[inputSlots[i]] = a;
            hold(a.buffer(), refs, live);
        }
        for (int k = 0; k < kernels.length; k++) {
            int[] s = operandSlots[k];
            NdArray[] x = new NdArray[s.length];
            for (int j = 0; j < s.length; j++) {
                x[j] = s[j] < 0 ? literals[k][j] : env[s[j]];
                if (s[j] < 0) {
                    foreign.put(x[j].buffer(), Boolean.TRUE);
                }
            }
            NdArray y;
            if (kernels[k] != null) {
                int n = shapes[k].size();
                double[] out = null;
                for (int j : inPlace[k]) {
                    double[] b = x[j].buffer();
                    if (refs.get(b)[0] == 1 && !foreign.containsKey(b)) {
                        out = b;                    // its last reader: the loop overwrites it in place
                        break;
                    }
                }
                ArrayDeque<double[]> free = pool.get(n);
                if (out == null && free != null && !free.isEmpty()) {
                    out = free.pop();
                }
                if (out == null) {
                    out = new double[n];
                    allocatedBytes += 8L * n;
                }
                double[][] bufs = new double[x.length][];
                for (int j = 0; j < x.length; j++) {
                    bufs[j] = x[j].buffer();
                }
                kernels[k].run(bufs, out, n);
                y = NdArray.adopt(shapes[k], out);
            } else {
                y = graph.equations().get(k).op().evaluate(x);
                if (!refs.containsKey(y.buffer())) {
                    allocatedBytes += 8L * y.size();
                }
            }
            env[outSlots[k]] = y;
            hold(y.buffer(), refs, live);
            peakBytes = Math.max(peakBytes, live[0]);
            for (int d : dying[k]) {
                double[] b = env[d].buffer();
                env[d] = null;
                int[] c = refs.get(b);
                if (--c[0] == 0) {
                    refs.remove(b);
                    live[0] -= 8L * b.length;
                    if (!foreign.containsKey(b)) {
                        pool.computeIfAbsent(b.length, z -> new ArrayDeque<>()).push(b);
                    }
                }
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < outputSlots.length; i++) {
            out.add(Tensor.of(outputSlots[i] < 0 ? outputLiterals[i] : env[outputSlots[i]]));
        }
        return out;
    }

    private void hold(double[] b, IdentityHashMap<double[], int[]> refs, long[] live) {
        int[] c = refs.get(b);
        if (c == null) {
            refs.put(b, new int[] {1});
            live[0] += 8L * b.length;
        } else {
            c[0]++;
        }
    }
}
