package dev.adjoint.graph.compile;

import dev.adjoint.array.Shape;
import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Broadcast;
import dev.adjoint.primitive.MaxReduce;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Slice;
import dev.adjoint.primitive.Sum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates one JVM class per fused loop (the loops of one executor as nested classes of one unit). The loop runs
 * over the body's domain (the shape of its elementwise values), collapsed to as few axes as the operands' layouts
 * allow; each input is read through broadcast strides (an input of one element is hoisted out of the loop, one that
 * is constant along the innermost axis out of the inner loop), and the result is stored once per element, or, when
 * the body ends in a sum or max over some axes, accumulated in place: no intermediate array and no transposed copy.
 * Inner sums are pairwise (chunks of the row summed pairwise, then the chunks' sums), sums over outer axes accumulate
 * row after row.
 */
public final class LoopCompiler {

    /** Elements of an innermost reduced row summed pairwise together before their chunk sums are. */
    private static final int CHUNK = 1024;

    private static final AtomicInteger CLASSES = new AtomicInteger();

    /** Generated classes by source: structurally equal loops (same shapes, same ops) are compiled once. */
    private static final Map<String, Class<?>> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<String, Class<?>>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
                    return size() > 512;
                }
            });

    private LoopCompiler() {
    }

    /** Whether an elementwise primitive can be part of a generated loop (fusion only fuses those). */
    public static boolean supports(Primitive p) {
        return Java.supports(p);
    }

    /** Whether a reduction can end a generated loop: a sum or max over explicit axes. */
    public static boolean reduces(Primitive p) {
        return p instanceof Sum s && s.axes().length > 0 || p instanceof MaxReduce m && m.axes().length > 0;
    }

    /** The compiled loop for a fused op. */
    public static Kernel compile(Fused f) {
        return compileLoops(List.of(f))[0];
    }

    /**
     * The compiled loop for one equation: a fused op, or a single elementwise primitive, sum or max over more than
     * one element (as a loop of one step); null for anything else (matrix products, layout changes, ...).
     */
    public static Kernel compile(Equation e) {
        return compileAll(List.of(e))[0];
    }

    /**
     * The compiled loops of equations ({@link #compile(Equation)}, null where there is none), generated together:
     * loops not compiled before are nested classes of one compilation unit, which costs far less than one each.
     */
    public static Kernel[] compileAll(List<Equation> eqs) {
        List<Fused> loops = new ArrayList<>();
        for (Equation e : eqs) {
            loops.add(loop(e));
        }
        return compileLoops(loops);
    }

    /** The kernels of loops (null where a loop is null), those not in the cache compiled as one unit. */
    private static Kernel[] compileLoops(List<Fused> loops) {
        int n = loops.size();
        String[] bodies = new String[n];
        Object[][] fns = new Object[n][];
        Map<String, Class<?>> found = new HashMap<>();         // this call's classes (the cache may evict)
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Fused f = loops.get(i);
            if (f != null) {
                List<Object> used = new ArrayList<>();
                bodies[i] = source(f, used);
                fns[i] = used.toArray();
                Class<?> c = CACHE.get(bodies[i]);
                if (c != null) {
                    found.put(bodies[i], c);
                } else {
                    missing.putIfAbsent(bodies[i], missing.size());
                }
            }
        }
        if (!missing.isEmpty()) {
            String unit = "Loops" + CLASSES.incrementAndGet();
            StringBuilder src = new StringBuilder("package dev.adjoint.graph.generated;\npublic final class ")
                    .append(unit).append(" {\n");
            for (Map.Entry<String, Integer> m : missing.entrySet()) {
                src.append("public static final class L").append(m.getValue())
                        .append(" implements dev.adjoint.graph.compile.Kernel {\n  public Object[] fns;\n")
                        .append(m.getKey()).append("}\n");
            }
            ClassLoader loader = Janino.cook(src.append("}\n").toString());
            for (Map.Entry<String, Integer> m : missing.entrySet()) {
                try {
                    Class<?> c = loader.loadClass("dev.adjoint.graph.generated." + unit + "$L" + m.getValue());
                    found.put(m.getKey(), c);
                    CACHE.put(m.getKey(), c);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        Kernel[] kernels = new Kernel[n];
        for (int i = 0; i < n; i++) {
            if (bodies[i] != null) {
                try {
                    Class<?> c = found.get(bodies[i]);
                    Object k = c.getDeclaredConstructor().newInstance();
                    c.getField("fns").set(k, fns[i]);
                    kernels[i] = (Kernel) k;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return kernels;
    }

    /** The fused op that {@code e} runs as: itself, a one-step loop for a loop-able primitive, or null. */
    private static Fused loop(Equation e) {
        if (e.op() instanceof Fused f) {
            return f;
        }
        Primitive p = ((PrimitiveOp) e.op()).primitive();
        boolean loop = e.op().elementwise() && supports(p) || reduces(p);
        if (!loop || domain(e).size() <= 1) {
            return null;
        }
        Map<Atom, Var> param = new LinkedHashMap<>();
        List<Atom> in = new ArrayList<>();
        for (Atom a : e.inputs()) {
            if (a instanceof Literal l && l.value().size() == 1) {
                in.add(a);                                       // a scalar literal stays a literal in the loop
            } else {
                in.add(param.computeIfAbsent(a, x -> Var.fresh(x.shape())));
            }
        }
        Graph body = new Graph(new ArrayList<>(param.values()), List.of(e.withInputs(in)), List.of(e.output()));
        return new Fused(body);
    }

    /**
     * Whether the loop for {@code e} maps elements (writes element i of its output only after reading element i of
     * each operand of the output's shape), so that it may write over such an operand.
     */
    public static boolean maps(Equation e) {
        if (e.op() instanceof Fused f) {
            List<Equation> body = f.body().equations();
            Equation root = body.get(body.size() - 1);
            return !reduces(((PrimitiveOp) root.op()).primitive());
        }
        return e.op().elementwise();
    }

    /** The shape a fused body's loop runs over: its last equation's operand for a reduction, else its output. */
    static Shape domain(Equation root) {
        Primitive p = root.op() instanceof PrimitiveOp o ? o.primitive() : null;
        return p != null && reduces(p) ? root.inputs().get(0).shape() : root.output().shape();
    }

    /** The generated run method (public for tests and for printing). */
    public static String source(Fused f, List<Object> fns) {
        Graph body = f.body();
        List<Equation> eqs = body.equations();
        Equation root = eqs.get(eqs.size() - 1);
        if (!root.output().equals(body.outputs().get(0))) {
            throw new IllegalStateException("compile: the fused body's output must be its last equation's");
        }
        Primitive rp = ((PrimitiveOp) root.op()).primitive();
        boolean sum = rp instanceof Sum && reduces(rp);
        boolean max = rp instanceof MaxReduce && reduces(rp);
        Shape domain = domain(root);
        boolean[] reduced = new boolean[domain.rank()];
        if (sum || max) {
            for (int a : domain.axes(sum ? ((Sum) rp).axes() : ((MaxReduce) rp).axes(), rp.name())) {
                reduced[a] = true;
            }
        }

        // The reads: each input read as it is (broadcast to the domain), and each slice of an input; their strides
        // over the domain and the output's, then the domain collapsed.
        List<Var> ins = body.inputs();
        List<Read> reads = new ArrayList<>();
        Map<Var, String> name = new HashMap<>();
        for (int k = 0; k < ins.size(); k++) {
            Var v = ins.get(k);
            boolean direct = false;
            for (Equation e : eqs) {
                direct |= e.inputs().contains(v) && !(e.op() instanceof PrimitiveOp p && p.primitive() instanceof Slice);
            }
            if (direct) {
                reads.add(new Read("p" + k, k, broadcastStrides(v.shape(), domain), 0, v.shape().size() == 1));
                name.put(v, "p" + k);
            }
        }
        for (Equation e : eqs) {
            if (e.op() instanceof PrimitiveOp p && p.primitive() instanceof Slice sl) {
                int k = ins.indexOf((Var) e.inputs().get(0));
                Read r = sliceRead("s" + reads.size(), k, ins.get(k).shape(), sl);
                reads.add(r);
                name.put(e.output(), r.name());
            }
        }
        int[][] strides = new int[reads.size() + 1][];
        for (int r = 0; r < reads.size(); r++) {
            strides[r] = reads.get(r).strides();
        }
        strides[reads.size()] = outputStrides(domain, reduced);
        Nest nest = Nest.of(domain.dims(), strides);
        int m = nest.dims.length;
        int inner = nest.dims[m - 1];
        int[] outStrides = nest.strides[reads.size()];
        boolean innerReduced = (sum || max) && outStrides[m - 1] == 0;

        StringBuilder top = new StringBuilder("  public void run(double[][] in, double[] out, int n) {\n");
        List<String> row = new ArrayList<>();                   // once per row of the innermost axis
        List<String> elem = new ArrayList<>();                  // once per element
        boolean[] declared = new boolean[ins.size()];
        for (int r = 0; r < reads.size(); r++) {
            Read read = reads.get(r);
            int k = read.input();
            if (read.scalar()) {
                top.append("    final double ").append(read.name()).append(" = in[").append(k).append("][0];\n");
                continue;
            }
            if (!declared[k]) {
                top.append("    final double[] a").append(k).append(" = in[").append(k).append("];\n");
                declared[k] = true;
            }
            String b = "b" + read.name();
            row.add("final int " + b + " = " + base(read.offset(), nest.strides[r]) + ";");
            int st = nest.strides[r][m - 1];
            if (st == 0) {
                row.add("final double " + read.name() + " = a" + k + "[" + b + "];");
            } else {
                elem.add("final double " + read.name() + " = a" + k + "[" + b + " + j" + (st == 1 ? "" : " * " + st)
                        + "];");
            }
        }
        row.add("final int bo = " + base(0, outStrides) + ";");
        int t = 0;
        for (Equation e : eqs) {
            if (e == root && (sum || max)) {
                break;
            }
            if (name.containsKey(e.output())) {
                continue;                                       // a slice: read above
            }
            String[] x = new String[e.inputs().size()];
            for (int j = 0; j < x.length; j++) {
                Atom a = e.inputs().get(j);
                x[j] = a instanceof Literal l ? Java.literal(l.value().buffer()[0]) : name.get((Var) a);
            }
            PrimitiveOp p = (PrimitiveOp) e.op();
            String expr = p.primitive() instanceof Broadcast ? x[0] : Java.primitive(p.primitive(), x, fns);
            if (expr == null) {
                throw new IllegalStateException("compile: " + p.name() + " is not elementwise");
            }
            String tn = "t" + t++;
            elem.add("final double " + tn + " = " + expr + ";");
            name.put(e.output(), tn);
        }
        Atom last = sum || max ? root.inputs().get(0) : root.output();
        String v = last instanceof Literal l ? Java.literal(l.value().buffer()[0]) : name.get((Var) last);

        List<String> loop = innerLoop(sum, max, innerReduced, inner, elem, v, top);
        StringBuilder src = new StringBuilder(top);
        for (int a = 0; a < m - 1; a++) {
            src.append("    ").append("  ".repeat(a)).append("for (int i").append(a).append(" = 0; i").append(a)
                    .append(" < ").append(nest.dims[a]).append("; i").append(a).append("++) {\n");
        }
        String ind = "    " + "  ".repeat(m - 1);
        for (String line : row) {
            src.append(ind).append(line).append("\n");
        }
        for (String line : loop) {
            src.append(ind).append(line).append("\n");
        }
        for (int a = m - 2; a >= 0; a--) {
            src.append("    ").append("  ".repeat(a)).append("}\n");
        }
        return src.append("  }\n").toString();
    }

    /**
     * The innermost loop over {@code j} with what it does with each value {@code v}: store it, add it to or take the
     * max with the output element, or (the innermost axis being reduced) combine the row into one output element;
     * statements that must run once before the rows go to {@code top}.
     */
    private static List<String> innerLoop(boolean sum, boolean max, boolean innerReduced, int inner,
                                          List<String> elem, String v, StringBuilder top) {
        List<String> loop = new ArrayList<>();
        String forJ = "for (int j = 0; j < " + inner + "; j++) {";
        String greater = v + " > m || " + v + " != " + v;       // core's max: NaN wins, the first of equals stays
        if (sum || max) {
            top.append("    java.util.Arrays.fill(out, ").append(sum ? "0.0" : "Double.NEGATIVE_INFINITY")
                    .append(");\n");
        }
        if (!sum && !max) {
            loop.add(forJ);
            indent(elem, loop);
            loop.add("  out[bo + j] = " + v + ";");
            loop.add("}");
        } else if (!innerReduced) {
            loop.add(forJ);
            indent(elem, loop);
            loop.addAll(sum ? List.of("  out[bo + j] += " + v + ";") : List.of("  final double m = out[bo + j];",
                    "  if (" + greater + ") {", "    out[bo + j] = " + v + ";", "  }"));
            loop.add("}");
        } else if (max) {
            loop.add("double m = out[bo];");
            loop.add(forJ);
            indent(elem, loop);
            loop.addAll(List.of("  if (" + greater + ") {", "    m = " + v + ";", "  }", "}", "out[bo] = m;"));
        } else {
            int chunk = Math.min(inner, CHUNK);
            top.append("    final double[] chunk = new double[").append(chunk).append("];\n")
                    .append("    final double[] sums = new double[").append((inner + chunk - 1) / chunk)
                    .append("];\n");
            loop.add("int c = 0;");
            loop.add("for (int j0 = 0; j0 < " + inner + "; j0 += " + chunk + ") {");
            loop.add("  final int je = Math.min(" + inner + ", j0 + " + chunk + ");");
            loop.add("  for (int j = j0; j < je; j++) {");
            List<String> once = new ArrayList<>();
            indent(elem, once);
            indent(once, loop);
            loop.add("    chunk[j - j0] = " + v + ";");
            loop.add("  }");
            loop.add("  sums[c++] = dev.adjoint.array.Reductions.pairwise(chunk, 0, je - j0);");   // core's order
            loop.add("}");
            loop.add("out[bo] += dev.adjoint.array.Reductions.pairwise(sums, 0, c);");
        }
        return loop;
    }

    private static void indent(List<String> lines, List<String> into) {
        for (String l : lines) {
            into.add("  " + l);
        }
    }

    /** An input read over the domain: its name in the loop, the input, strides and first element. */
    private record Read(String name, int input, int[] strides, int offset, boolean scalar) {
    }

    /** The read of {@code slice(input)}: the input's strides times the steps, from the starting element. */
    private static Read sliceRead(String name, int input, Shape s, Slice sl) {
        int[] own = s.strides();
        int[] st = new int[s.rank()];
        int offset = 0;
        for (int a = 0; a < st.length; a++) {
            st[a] = own[a] * sl.step()[a];
            offset += own[a] * sl.start()[a];
        }
        return new Read(name, input, st, offset, false);
    }

    /** The offset of row (i0, i1, ...) for an operand's first element and strides over the outer axes. */
    private static String base(int offset, int[] strides) {
        StringBuilder b = new StringBuilder(offset == 0 ? "" : Integer.toString(offset));
        for (int a = 0; a < strides.length - 1; a++) {
            if (strides[a] != 0) {
                b.append(b.length() == 0 ? "" : " + ").append("i").append(a).append(" * ").append(strides[a]);
            }
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    /** Strides reading an array of shape {@code s} broadcast to {@code domain} (NumPy rules): 0 along repeats. */
    static int[] broadcastStrides(Shape s, Shape domain) {
        if (!s.broadcastsTo(domain)) {
            throw new IllegalStateException("compile: an input of shape " + s + " does not broadcast to the loop's "
                    + domain);
        }
        int off = domain.rank() - s.rank();
        int[] own = s.strides();
        int[] st = new int[domain.rank()];
        for (int a = off; a < domain.rank(); a++) {
            st[a] = s.dim(a - off) == domain.dim(a) ? own[a - off] : 0;
        }
        return st;
    }

    /** Strides writing the reduced result (row-major over the kept axes) while running over the domain. */
    static int[] outputStrides(Shape domain, boolean[] reduced) {
        int[] st = new int[domain.rank()];
        int s = 1;
        for (int a = domain.rank() - 1; a >= 0; a--) {
            if (!reduced[a]) {
                st[a] = s;
                s *= domain.dim(a);
            }
        }
        return st;
    }

    /** The iteration space: axes of length one dropped, neighbours every operand walks as one axis merged. */
    record Nest(int[] dims, int[][] strides) {

        static Nest of(int[] dims, int[][] strides) {
            List<Integer> d = new ArrayList<>();
            List<int[]> s = new ArrayList<>();
            for (int a = 0; a < dims.length; a++) {
                if (dims[a] == 1) {
                    continue;
                }
                int[] col = new int[strides.length];
                for (int k = 0; k < strides.length; k++) {
                    col[k] = strides[k][a];
                }
                int last = d.size() - 1;
                boolean merge = last >= 0;
                for (int k = 0; merge && k < strides.length; k++) {
                    merge = s.get(last)[k] == col[k] * dims[a];
                }
                if (merge) {
                    d.set(last, d.get(last) * dims[a]);
                    s.set(last, col);
                } else {
                    d.add(dims[a]);
                    s.add(col);
                }
            }
            if (d.isEmpty()) {                                   // one element: a loop of one step
                d.add(1);
                s.add(new int[strides.length]);
            }
            int[] nd = new int[d.size()];
            int[][] ns = new int[strides.length][d.size()];
            for (int a = 0; a < nd.length; a++) {
                nd[a] = d.get(a);
                for (int k = 0; k < strides.length; k++) {
                    ns[k][a] = s.get(a)[k];
                }
            }
            return new Nest(nd, ns);
        }
    }
}
