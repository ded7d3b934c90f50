package dev.adjoint.graph;

import dev.adjoint.array.Shape;
import java.util.Arrays;
import java.util.function.Function;

/** How graphs spell shapes, numbers and parameters. */
final class Format {

    private Format() {
    }

    /** {@code f64[3,4]}. */
    static String type(Shape s) {
        return "f64" + Arrays.toString(s.dims()).replace(" ", "");
    }

    /** A number without a useless {@code .0}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A parameter value: arrays by content, functions by symbol, lambdas by kind. */
    static String value(Object v) {
        if (v instanceof int[] a) {
            return Arrays.toString(a).replace('[', '(').replace(']', ')').replace(" ", "");
        } else if (v instanceof double[] a) {
            return Arrays.toString(a);
        } else if (v instanceof Shape s) {
            return Arrays.toString(s.dims()).replace('[', '(').replace(']', ')').replace(" ", "");
        } else if (v instanceof Function<?, ?> || v != null && v.getClass().isSynthetic()) {
            return "<fn@" + Integer.toHexString(System.identityHashCode(v)) + ">";
        }
        return String.valueOf(v);
    }
}
