package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.primitive.Primitive;
import java.util.Set;

/**
 * The bottom interpreter: runs a primitive's kernel on concrete arrays. It is not on the stack; {@link
 * Interpreter#bind} calls it directly when no input is traced, so plain tensor code pays nearly nothing. Inside
 * {@code Ad.detectAnomaly()} it also checks each result for the first NaN or infinity.
 */
public final class Evaluate {

    private static final Set<String> LIBRARY = Set.of("dev.adjoint.Tensor", "dev.adjoint.Ad", "dev.adjoint.Tree",
            "dev.adjoint.GradientTape", "dev.adjoint.Rng");

    private Evaluate() {
    }

    static Tensor apply(Primitive p, Tensor[] args) {
        NdArray[] x = new NdArray[args.length];
        for (int i = 0; i < args.length; i++) {
            x[i] = args[i].array();
        }
        NdArray y = p.evaluate(x);
        if (Interpreter.anomalyScopes > 0 && Interpreter.context().anomaly && y.hasNonFinite()) {
            for (NdArray a : x) {
                if (a.hasNonFinite()) {
                    return Tensor.of(y);
                }
            }
            throw new AnomalyException("detectAnomaly: " + p.name() + " produced " + firstNonFinite(y)
                    + " from finite inputs, at " + callSite());
        }
        return Tensor.of(y);
    }

    /** Returns {@code y}, or throws inside {@code detectAnomaly()} if it holds a NaN or infinity. */
    public static NdArray check(String what, NdArray y) {
        if (Interpreter.anomalyScopes > 0 && Interpreter.context().anomaly && y.hasNonFinite()) {
            throw new AnomalyException("detectAnomaly: " + what + " produced " + firstNonFinite(y) + ", at "
                    + callSite());
        }
        return y;
    }

    private static double firstNonFinite(NdArray y) {
        for (int i = 0; i < y.size(); i++) {
            if (!Double.isFinite(y.at(i))) {
                return y.at(i);
            }
        }
        return 0;
    }

    /** The first stack frame outside the library: where user code created the value. */
    static String callSite() {
        return StackWalker.getInstance().walk(frames -> frames.filter(f -> !library(f.getClassName()))
                .findFirst().map(StackWalker.StackFrame::toStackTraceElement).map(Object::toString)
                .orElse("(unknown)"));
    }

    private static boolean library(String cls) {
        if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                || cls.startsWith("dev.adjoint.array.") || cls.startsWith("dev.adjoint.primitive.")
                || cls.startsWith("dev.adjoint.interpret.")) {
            return true;
        }
        int dollar = cls.indexOf('$');
        return LIBRARY.contains(dollar < 0 ? cls : cls.substring(0, dollar));
    }
}
