package dev.adjoint.graph.compile;

import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.primitive.Broadcast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Generates one JVM class per fused elementwise loop: inputs read once per element, one store per element. */
public final class LoopCompiler {

    private static final AtomicInteger CLASSES = new AtomicInteger();

    private LoopCompiler() {
    }

    /** Whether an elementwise primitive can be part of a generated loop (fusion only fuses those). */
    public static boolean supports(dev.adjoint.primitive.Primitive p) {
        return Java.supports(p);
    }

    /** The compiled loop for a fused op. */
    public static Kernel compile(Fused f) {
        String cls = "dev.adjoint.graph.generated.Loop" + CLASSES.incrementAndGet();
        List<Object> fns = new ArrayList<>();
        String body = source(f, fns);
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        String src = "package dev.adjoint.graph.generated;\n"
                + "public final class " + simple + " implements dev.adjoint.graph.compile.Kernel {\n"
                + "  public Object[] fns;\n"
                + body + "}\n";
        Object k = Janino.instantiate(cls, src);
        try {
            k.getClass().getField("fns").set(k, fns.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return (Kernel) k;
    }

    /** The generated run method (public for tests and for printing). */
    public static String source(Fused f, List<Object> fns) {
        StringBuilder head = new StringBuilder("  public void run(double[][] in, double[] out, int n) {\n");
        StringBuilder loop = new StringBuilder("    for (int i = 0; i < n; i++) {\n");
        Map<Var, String> name = new HashMap<>();
        List<Var> ins = f.body().inputs();
        for (int k = 0; k < ins.size(); k++) {
            Var v = ins.get(k);
            if (v.shape().size() == 1) {
                head.append("    final double p").append(k).append(" = in[").append(k).append("][0];\n");
                name.put(v, "p" + k);
            } else {
                head.append("    final double[] a").append(k).append(" = in[").append(k).append("];\n");
                loop.append("      final double p").append(k).append(" = a").append(k).append("[i];\n");
                name.put(v, "p" + k);
            }
        }
        int t = 0;
        for (Equation e : f.body().equations()) {
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
            loop.append("      final double ").append(tn).append(" = ").append(expr).append(";\n");
            name.put(e.output(), tn);
        }
        loop.append("      out[i] = ").append(name.get((Var) f.body().outputs().get(0))).append(";\n    }\n");
        return head.append(loop).append("  }\n").toString();
    }
}
