package dev.adjoint.array;

/**
 * The element type of an array: {@link #FLOAT64} (the default and the reference) or {@link #FLOAT32}.
 *
 * <p>The promotion rule, in this one place: an operation on two arrays of one dtype keeps it; an operation mixing
 * float32 and float64 gives float64, except that a rank-0 operand does not raise the dtype of an operand with
 * dimensions (as in PyTorch, and in NumPy 2 for Python scalars), so a float32 tensor times a float64 scalar tensor
 * (or a {@code double} constant) stays float32. Two rank-0 operands promote like two dimensioned ones.
 */
public enum DType {

    /** IEEE 754 binary64, {@code double}. */
    FLOAT64(8, "<f8"),

    /** IEEE 754 binary32, {@code float}. */
    FLOAT32(4, "<f4");

    private final int bytes;
    private final String npy;

    DType(int bytes, String npy) {
        this.bytes = bytes;
        this.npy = npy;
    }

    /** The bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** NumPy's little-endian type string, {@code <f8} or {@code <f4}. */
    public String npyDescr() {
        return npy;
    }

    /** The wider of two dtypes. */
    public static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /**
     * The dtype of a binary operation on an operand of rank {@code rankA} and dtype {@code a} and one of rank
     * {@code rankB} and dtype {@code b}: {@link #promote}, except that a rank-0 operand does not raise the dtype of
     * an operand with dimensions.
     */
    public static DType result(DType a, int rankA, DType b, int rankB) {
        if (a == b) {
            return a;
        }
        if (rankA == 0 && rankB > 0) {
            return b;
        }
        if (rankB == 0 && rankA > 0) {
            return a;
        }
        return promote(a, b);
    }

    /** Parses {@code float32}/{@code f32} or {@code float64}/{@code f64} (any case). */
    public static DType parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32":
            case "f32":
            case "float":
                return FLOAT32;
            case "float64":
            case "f64":
            case "double":
                return FLOAT64;
            default:
                throw new IllegalArgumentException("dtype '" + s + "': expected float32 or float64");
        }
    }

    /** {@code float64} or {@code float32}, as NumPy and PyTorch spell them. */
    @Override
    public String toString() {
        return this == FLOAT64 ? "float64" : "float32";
    }
}
