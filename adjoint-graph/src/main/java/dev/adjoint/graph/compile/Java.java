package dev.adjoint.graph.compile;

import dev.adjoint.primitive.Add;
import dev.adjoint.primitive.Compare;
import dev.adjoint.primitive.Div;
import dev.adjoint.primitive.Maximum;
import dev.adjoint.primitive.Mul;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Sub;
import dev.adjoint.primitive.Unary;
import dev.adjoint.primitive.Where;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.UnaryFunction;
import java.util.List;
import java.util.Map;

/**
 * Java source for one elementwise step, shared by the fused-loop and the scalar-program generators. Functions
 * whose row value is exactly a {@code java.lang.Math} (or our {@code FastMath}) call are inlined; any other row is
 * called through the generated class's {@code fns} array, so the table stays the one definition of every function.
 */
final class Java {

    private static final Map<UnaryFunction, String> MATH = Map.ofEntries(
            Map.entry(Elementary.SQRT, "Math.sqrt"), Map.entry(Elementary.CBRT, "Math.cbrt"),
            Map.entry(Elementary.EXP, "Math.exp"), Map.entry(Elementary.EXPM1, "Math.expm1"),
            Map.entry(Elementary.LOG, "Math.log"), Map.entry(Elementary.LOG1P, "Math.log1p"),
            Map.entry(Elementary.LOG10, "Math.log10"), Map.entry(Elementary.SIN, "Math.sin"),
            Map.entry(Elementary.COS, "Math.cos"), Map.entry(Elementary.TAN, "Math.tan"),
            Map.entry(Elementary.ASIN, "Math.asin"), Map.entry(Elementary.ACOS, "Math.acos"),
            Map.entry(Elementary.ATAN, "Math.atan"), Map.entry(Elementary.SINH, "Math.sinh"),
            Map.entry(Elementary.COSH, "Math.cosh"), Map.entry(Elementary.TANH, "dev.adjoint.scalar.FastMath.tanh"),
            Map.entry(Elementary.ABS, "Math.abs"), Map.entry(Elementary.SIGNUM, "Math.signum"));

    private Java() {
    }

    /** The expression of f(a), registering f in {@code fns} when it is called through the table. */
    static String unary(UnaryFunction f, String a, List<Object> fns) {
        if (f instanceof Unary.Affine af) {
            return "(" + literal(af.scale()) + " * " + a + " + " + literal(af.shift()) + ")";
        } else if (f == Elementary.NEG) {
            return "(-" + a + ")";
        } else if (f == Elementary.RECIPROCAL) {
            return "(1.0 / " + a + ")";
        } else if (f instanceof Power p && p.exponent() == 2) {
            return "(" + a + " * " + a + ")";
        } else if (f instanceof Power p && p.exponent() != 0) {
            return "Math.pow(" + a + ", " + literal(p.exponent()) + ")";
        } else if (MATH.containsKey(f)) {
            return MATH.get(f) + "(" + a + ")";
        }
        return "((dev.adjoint.scalar.UnaryFunction) fns[" + register(f, fns) + "]).value(" + a + ")";
    }

    /** The expression of f(a, b) for a row of the binary table. */
    static String binary(BinaryFunction f, String a, String b, List<Object> fns) {
        switch (f.symbol()) {
            case "+":
                return "(" + a + " + " + b + ")";
            case "-":
                return "(" + a + " - " + b + ")";
            case "*":
                return "(" + a + " * " + b + ")";
            case "/":
                return "(" + a + " / " + b + ")";
            default:
                return "((dev.adjoint.scalar.BinaryFunction) fns[" + register(f, fns) + "]).value(" + a + ", " + b
                        + ")";
        }
    }

    /** Whether {@link #primitive} has an expression for {@code p}. */
    static boolean supports(Primitive p) {
        return primitive(p, new String[] {"a", "b", "c"}, new java.util.ArrayList<>()) != null;
    }

    /** The expression of an elementwise primitive on operand expressions, or null when it has none. */
    static String primitive(Primitive p, String[] x, List<Object> fns) {
        if (p instanceof Add) {
            return "(" + x[0] + " + " + x[1] + ")";
        } else if (p instanceof Sub) {
            return "(" + x[0] + " - " + x[1] + ")";
        } else if (p instanceof Mul) {
            return "(" + x[0] + " * " + x[1] + ")";
        } else if (p instanceof Div) {
            return "(" + x[0] + " / " + x[1] + ")";
        } else if (p instanceof dev.adjoint.primitive.SafeMul) {
            return "(" + x[0] + " == 0 ? 0.0 : " + x[0] + " * " + x[1] + ")";
        } else if (p instanceof Maximum) {
            return "Math.max(" + x[0] + ", " + x[1] + ")";
        } else if (p instanceof Unary u) {
            return unary(u.function(), x[0], fns);
        } else if (p instanceof Where) {
            return "(" + x[0] + " != 0 ? " + x[1] + " : " + x[2] + ")";
        } else if (p instanceof Compare c) {
            String op = switch0(c.kind());
            return "(" + x[0] + " " + op + " " + x[1] + " ? 1.0 : 0.0)";
        } else if (p instanceof dev.adjoint.primitive.Bivariate b) {
            return "((dev.adjoint.scalar.BinaryFunction) fns[" + register(b.function(), fns) + "]).value(" + x[0]
                    + ", " + x[1] + ")";
        }
        return null;
    }

    private static String switch0(Compare.Kind k) {
        switch (k) {
            case GT:
                return ">";
            case GE:
                return ">=";
            case LT:
                return "<";
            case LE:
                return "<=";
            case EQ:
                return "==";
            default:
                return "!=";
        }
    }

    static int register(Object f, List<Object> fns) {
        int i = fns.indexOf(f);
        if (i < 0) {
            fns.add(f);
            i = fns.size() - 1;
        }
        return i;
    }

    /** A double literal that Java reads back exactly. */
    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return "(" + Double.toString(v) + ")";
    }
}
