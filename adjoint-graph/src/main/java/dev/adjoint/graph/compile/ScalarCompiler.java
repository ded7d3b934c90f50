package dev.adjoint.graph.compile;

import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles a Wengert list ({@link Trace}) to a JVM class: the forward sweep and the reverse sweep as Java source
 * ({@link Sweeps}), where runs of steps that repeat become loops with their temporaries in locals, and the rest is
 * straight-line code, one assignment per step forward and one multiply-add per operand backward, with the local
 * partials written as expressions (cos a for sin, the other factor for a product, the result itself for exp …).
 * The code is split into methods of a few hundred statements, because HotSpot does not compile methods over 8000
 * bytes of bytecode.
 */
public final class ScalarCompiler {

    private static final int CHUNK = 200;
    private static final int CALLS = 100;
    private static final AtomicInteger CLASSES = new AtomicInteger();

    private ScalarCompiler() {
    }

    /** Records {@code f} at {@code example}, in the order it runs, and compiles its Wengert list. */
    public static CompiledGradient compile(RealFunction f, double... example) {
        return compile(Trace.recordAsRun(f, List.of(), example));
    }

    /** Compiles a recorded Wengert list. */
    public static CompiledGradient compile(Trace t) {
        String simple = "Scalar" + CLASSES.incrementAndGet();
        List<Object> fns = new ArrayList<>();
        Sweeps sweeps = new Sweeps(t, fns);
        String src = source(sweeps, t, simple);
        Object o = Janino.instantiate("dev.adjoint.graph.generated." + simple, src);
        GeneratedGradient g = (GeneratedGradient) o;
        g.init(fns.toArray(), t.inputCount(), t.steps().size(), sweeps.slotCount(),
                sweeps.deadInputs().stream().mapToInt(Integer::intValue).toArray());
        return g;
    }

    /** The generated Java source (for inspection and tests). */
    public static String source(Trace t, String simple, List<Object> fns) {
        return source(new Sweeps(t, fns), t, simple);
    }

    private static String source(Sweeps sweeps, Trace t, String simple) {
        StringBuilder sb = new StringBuilder("package dev.adjoint.graph.generated;\n")
                .append("public final class ").append(simple)
                .append(" extends dev.adjoint.graph.compile.GeneratedGradient {\n");
        List<Integer> fbases = new ArrayList<>();
        int fchunks = chunks(sb, "f", sweeps.forward(), fbases);
        List<String> fcalls = new ArrayList<>();
        for (int c = 0; c < fchunks; c++) {
            fcalls.add("f" + c + "(v, " + fbases.get(c) + ");");
        }
        dispatch(sb, "fd", "(double[] v)", "(v)", fcalls);
        int y = sweeps.outputSlot();
        sb.append("  protected double forward(double[] x, double[] v) {\n");
        sb.append("    System.arraycopy(x, 0, v, 0, ").append(t.inputCount()).append(");\n");
        sb.append("    fd(v);\n");
        sb.append("    return ").append(y < 0 ? Java.literal(t.output().value()) : "v[" + y + "]").append(";\n  }\n");
        List<Integer> rbases = new ArrayList<>();
        int rchunks = chunks(sb, "r", sweeps.reverse(), rbases);
        List<String> rcalls = new ArrayList<>();
        for (int c = 0; c < rchunks; c++) {
            rcalls.add("r" + c + "(v, b, " + rbases.get(c) + ");");
        }
        dispatch(sb, "rd", "(double[] v, double[] b)", "(v, b)", rcalls);
        sb.append("  protected void reverse(double[] v, double[] b) {\n    rd(v, b);\n  }\n}\n");
        return sb.toString();
    }

    /**
     * Emits the units as methods of about {@value #CHUNK} statements each, their bases into {@code bases}, and
     * returns their number. Array indices (written {@code #k#}) become {@code o + d} relative to the method's base
     * {@code o}, a parameter: a class can hold only 65535 constants, and a long program would need one per large
     * index.
     */
    private static int chunks(StringBuilder sb, String prefix, List<Sweeps.Unit> units, List<Integer> bases) {
        int c = 0;
        int i = 0;
        while (i < units.size()) {
            int base = firstIndex(units.get(i).text());
            sb.append("  private void ").append(prefix).append(c)
                    .append(prefix.equals("f") ? "(double[] v, int o) {\n" : "(double[] v, double[] b, int o) {\n");
            int weight = 0;
            while (i < units.size() && (weight == 0 || weight + units.get(i).weight() <= CHUNK)) {
                Sweeps.Unit u = units.get(i++);
                sb.append("    ").append(relative(u.text(), base)).append('\n');
                weight += u.weight();
            }
            sb.append("  }\n");
            bases.add(base);
            c++;
        }
        return c;
    }

    private static int firstIndex(String line) {
        int a = line.indexOf('#');
        return a < 0 ? 0 : Integer.parseInt(line.substring(a + 1, line.indexOf('#', a + 1)));
    }

    private static String relative(String line, int base) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int at = 0;
        while (true) {
            int a = line.indexOf('#', at);
            if (a < 0) {
                return out.append(line, at, line.length()).toString();
            }
            int b = line.indexOf('#', a + 1);
            int k = Integer.parseInt(line.substring(a + 1, b));
            out.append(line, at, a);
            int d = k - base;
            if (k < Short.MAX_VALUE) {
                out.append(k);                                  // small constants are inline operands
            } else if (d > Short.MIN_VALUE && d < Short.MAX_VALUE) {
                out.append("o + ").append(d);
            } else {
                out.append(k);
            }
            at = b + 1;
        }
    }

    /**
     * Emits method {@code name} making the calls, through a tree of methods of at most {@value #CALLS} calls each,
     * so that every method stays small enough for HotSpot to compile.
     */
    private static void dispatch(StringBuilder sb, String name, String params, String args, List<String> calls) {
        if (calls.size() <= CALLS) {
            sb.append("  private void ").append(name).append(params).append(" {\n");
            for (String c : calls) {
                sb.append("    ").append(c).append('\n');
            }
            sb.append("  }\n");
            return;
        }
        List<String> groups = new ArrayList<>();
        for (int start = 0, k = 0; start < calls.size(); start += CALLS, k++) {
            String child = name + "_" + k;
            dispatch(sb, child, params, args, calls.subList(start, Math.min(calls.size(), start + CALLS)));
            groups.add(child + args + ";");
        }
        dispatch(sb, name, params, args, groups);
    }
}
