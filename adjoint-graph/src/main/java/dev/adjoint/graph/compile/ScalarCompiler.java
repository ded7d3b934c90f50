package dev.adjoint.graph.compile;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.UnaryFunction;
import dev.adjoint.scalar.trace.Operand;
import dev.adjoint.scalar.trace.Step;
import dev.adjoint.scalar.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles a Wengert list ({@link Trace}) to a JVM class: the forward sweep as one assignment per step and the
 * reverse sweep as one multiply-add per operand, with the local partials written as expressions (cos a for sin,
 * the other factor for a product, the result itself for exp …). The first contribution to an adjoint assigns it,
 * so no array is cleared; steps that do not reach the output are left out of the reverse sweep. The code is split
 * into methods of a few hundred statements, because HotSpot does not compile methods over 8000 bytes of bytecode.
 */
public final class ScalarCompiler {

    private static final int CHUNK = 200;
    private static final int CALLS = 100;
    /**
     * Sweeps longer than this are rerolled into loops. Shorter ones stay straight-line, which measured faster (the
     * JIT keeps a value in a register from one step to the next instead of storing and reloading it); longer ones
     * would take the JIT too long to compile (a 10⁵-statement sweep did not reach optimised code in seconds).
     */
    private static final int REROLL_ABOVE = 16_384;
    private static final AtomicInteger CLASSES = new AtomicInteger();

    private ScalarCompiler() {
    }

    /** Records {@code f} at {@code example} and compiles its Wengert list. */
    public static CompiledGradient compile(RealFunction f, double... example) {
        return compile(Trace.record(f, List.of(), example));
    }

    /** Compiles a recorded Wengert list. */
    public static CompiledGradient compile(Trace t) {
        String simple = "Scalar" + CLASSES.incrementAndGet();
        List<Object> fns = new ArrayList<>();
        List<Integer> dead = new ArrayList<>();
        String src = source(t, simple, fns, dead);
        Object o = Janino.instantiate("dev.adjoint.graph.generated." + simple, src);
        GeneratedGradient g = (GeneratedGradient) o;
        g.init(fns.toArray(), t.inputCount(), t.steps().size(), dead.stream().mapToInt(Integer::intValue).toArray());
        return g;
    }

    /** The generated Java source (for inspection and tests). */
    public static String source(Trace t, String simple, List<Object> fns) {
        return source(t, simple, fns, new ArrayList<>());
    }

    /** The generated source; {@code dead} receives the inputs y does not depend on (their gradient is 0). */
    static String source(Trace t, String simple, List<Object> fns, List<Integer> dead) {
        int n = t.inputCount();
        List<Step> steps = t.steps();
        StringBuilder sb = new StringBuilder("package dev.adjoint.graph.generated;\n")
                .append("public final class ").append(simple)
                .append(" extends dev.adjoint.graph.compile.GeneratedGradient {\n");
        // Forward sweep, in chunks.
        List<String> fwd = new ArrayList<>();
        for (Step s : steps) {
            fwd.add("v[#" + slot(s.id(), n) + "#] = " + expression(s, n, fns) + ";");
        }
        List<Integer> fbases = new ArrayList<>();
        int fchunks = chunks(sb, "f", fwd, fbases);
        Operand out = t.output();
        String y = out.literal() ? Java.literal(out.value()) : "v[" + slot(out.id(), n) + "]";
        List<String> fcalls = new ArrayList<>();
        for (int c = 0; c < fchunks; c++) {
            fcalls.add("f" + c + "(v, " + fbases.get(c) + ");");
        }
        dispatch(sb, "fd", "(double[] v)", "(v)", fcalls);
        sb.append("  protected double forward(double[] x, double[] v) {\n");
        sb.append("    System.arraycopy(x, 0, v, 0, ").append(n).append(");\n");
        sb.append("    fd(v);\n");
        sb.append("    return ").append(y).append(";\n  }\n");
        // Reverse sweep: which steps reach y, and which update is the first to each adjoint.
        boolean[] live = new boolean[n + steps.size()];
        if (!out.literal()) {
            live[slot(out.id(), n)] = true;
        }
        List<String> rev = new ArrayList<>();
        if (!out.literal()) {
            rev.add("b[#" + slot(out.id(), n) + "#] = 1.0;");
        }
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step s = steps.get(k);
            int me = slot(s.id(), n);
            if (!live[me]) {
                continue;
            }
            for (int i = 0; i < s.operands().size(); i++) {
                Operand o = s.operands().get(i);
                if (o.literal()) {
                    continue;
                }
                int j = slot(o.id(), n);
                String partial = partial(s, i, n, fns);
                String term = partial.equals("1.0") ? "b[#" + me + "#]" : partial.equals("-1.0") ? "-b[#" + me + "#]"
                        : "b[#" + me + "#] * " + partial;
                rev.add("b[#" + j + "#] " + (live[j] ? "+=" : "=") + " " + term + ";");
                live[j] = true;
            }
        }
        List<Integer> rbases = new ArrayList<>();
        int rchunks = chunks(sb, "r", rev, rbases);
        List<String> rcalls = new ArrayList<>();
        for (int c = 0; c < rchunks; c++) {
            rcalls.add("r" + c + "(v, b, " + rbases.get(c) + ");");
        }
        dispatch(sb, "rd", "(double[] v, double[] b)", "(v, b)", rcalls);
        sb.append("  protected void reverse(double[] v, double[] b) {\n    rd(v, b);\n  }\n}\n");
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                dead.add(i);
            }
        }
        return sb.toString();
    }

    /**
     * Emits the statements, rerolled into loops where they repeat when they are many ({@link Reroll}), as methods of about
     * {@value #CHUNK} statements each, their bases into {@code bases}, and returns their number. Array indices
     * (written {@code #k#}) become {@code o + d} relative to the method's base {@code o}, a parameter: a class
     * can hold only 65535 constants, and a long program would need one per large index.
     */
    private static int chunks(StringBuilder sb, String prefix, List<String> lines, List<Integer> bases) {
        List<Reroll.Unit> units = new ArrayList<>();
        if (lines.size() > REROLL_ABOVE) {
            units = Reroll.reroll(lines);       // too long for the JIT as straight-line code
        } else {
            for (String line : lines) {
                units.add(new Reroll.Unit(line, 1, false));   // straight-line: values stay in registers
            }
        }
        int c = 0;
        int i = 0;
        while (i < units.size()) {
            int base = units.get(i).loop() ? 0 : firstIndex(units.get(i).text());
            sb.append("  private void ").append(prefix).append(c)
                    .append(prefix.equals("f") ? "(double[] v, int o) {\n" : "(double[] v, double[] b, int o) {\n");
            int weight = 0;
            while (i < units.size() && (weight == 0 || weight + units.get(i).weight() <= CHUNK)) {
                Reroll.Unit u = units.get(i++);
                sb.append("    ").append(u.loop() ? u.text() : relative(u.text(), base)).append('\n');
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
        return Integer.parseInt(line.substring(a + 1, line.indexOf('#', a + 1)));
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

    /** The array index of node v_id (inputs first). */
    private static int slot(int id, int n) {
        return id + n - 1;
    }

    private static String operand(Step s, int i, int n) {
        Operand o = s.operands().get(i);
        return o.literal() ? Java.literal(o.value()) : "v[#" + slot(o.id(), n) + "#]";
    }

    private static String expression(Step s, int n, List<Object> fns) {
        if (s.unary() != null) {
            return Java.unary(s.unary(), operand(s, 0, n), fns);
        }
        return Java.binary(s.binary(), operand(s, 0, n), operand(s, 1, n), fns);
    }

    /** ∂(step)/∂(operand i) as a Java expression in the stored values. */
    private static String partial(Step s, int i, int n, List<Object> fns) {
        String a = operand(s, 0, n);
        String v = "v[#" + slot(s.id(), n) + "#]";
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
            } else if (f instanceof Power p && p.exponent() == 2) {
                return "(2.0 * " + a + ")";
            }
            return "((dev.adjoint.scalar.UnaryFunction) fns[" + Java.register(f, fns) + "]).slope(" + a + ")";
        }
        BinaryFunction f = s.binary();
        String b = operand(s, 1, n);
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
