package dev.adjoint.array;

import dev.adjoint.scalar.FastMath;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable n-d array of doubles or floats ({@link DType}): a contiguous row-major {@code double[]} or
 * {@code float[]}, its {@link Shape} and strides. Kernels allocate their output buffer and never write to an input,
 * so arrays can be shared freely.
 *
 * <p>Dtypes: a kernel on float32 operands returns float32. The hot kernels (arithmetic, comparisons, selection,
 * layout, sums, matrix products, convolution, max pooling) have float loops; the others widen to double, compute and
 * round the result to float once. For + − × ÷ and √ of float operands that equals float32 arithmetic (a double holds
 * the exact result to more than twice float's precision); for transcendental functions it is at least as accurate.
 * A kernel given operands of both dtypes computes in float64 and returns float64 (the fluent API casts operands to
 * one dtype before calling a kernel, see {@link DType#result}).
 */
public final class NdArray {

    /** The elements of a float64 array, else null. */
    final double[] data;
    /** The elements of a float32 array, else null. */
    final float[] floats;
    final Shape shape;
    private final int[] strides;

    NdArray(double[] data, Shape shape) {
        this.data = data;
        this.floats = null;
        this.shape = shape;
        this.strides = shape.rawStrides();
    }

    NdArray(float[] floats, Shape shape) {
        this.data = null;
        this.floats = floats;
        this.shape = shape;
        this.strides = shape.rawStrides();
    }

    /** An array holding a copy of {@code data} laid out row-major in {@code shape}. */
    public static NdArray of(Shape shape, double... data) {
        checkLength(shape, data.length);
        return new NdArray(data.clone(), shape);
    }

    /**
     * A float32 array holding a copy of {@code data} laid out row-major in {@code shape} (not an overload of {@link
     * #of(Shape, double...)}: Java would pick it for integer literals).
     */
    public static NdArray ofFloats(Shape shape, float... data) {
        checkLength(shape, data.length);
        return new NdArray(data.clone(), shape);
    }

    private static void checkLength(Shape shape, int n) {
        if (n != shape.size()) {
            throw new IllegalArgumentException("array of shape " + shape + " needs " + shape.size()
                    + " values, got " + n);
        }
    }

    /** A rank-0 array. */
    public static NdArray scalar(double value) {
        return new NdArray(new double[] {value}, Shape.scalar());
    }

    /** A rank-0 array of the given dtype (the value rounded to it). */
    public static NdArray scalar(double value, DType dtype) {
        return dtype == DType.FLOAT32 ? new NdArray(new float[] {(float) value}, Shape.scalar()) : scalar(value);
    }

    /** An array of zeros. */
    public static NdArray zeros(Shape shape) {
        return new NdArray(new double[shape.size()], shape);
    }

    /** An array of zeros of the given dtype. */
    public static NdArray zeros(Shape shape, DType dtype) {
        return dtype == DType.FLOAT32 ? new NdArray(new float[shape.size()], shape) : zeros(shape);
    }

    /** An array with every element equal to {@code value}. */
    public static NdArray full(Shape shape, double value) {
        double[] d = new double[shape.size()];
        Arrays.fill(d, value);
        return new NdArray(d, shape);
    }

    /** An array of the given dtype with every element equal to {@code value} (rounded to the dtype). */
    public static NdArray full(Shape shape, double value, DType dtype) {
        if (dtype == DType.FLOAT64) {
            return full(shape, value);
        }
        float[] d = new float[shape.size()];
        Arrays.fill(d, (float) value);
        return new NdArray(d, shape);
    }

    /** An array taking ownership of {@code data} (the caller must not write to it afterwards). */
    public static NdArray adopt(Shape shape, double[] data) {
        checkLength(shape, data.length);
        return new NdArray(data, shape);
    }

    /** A float32 array taking ownership of {@code data} (the caller must not write to it afterwards). */
    public static NdArray adopt(Shape shape, float[] data) {
        checkLength(shape, data.length);
        return new NdArray(data, shape);
    }

    /** The element type. */
    public DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** Whether this is a float32 array. */
    boolean f32() {
        return floats != null;
    }

    /** This array converted to {@code target} (rounded to nearest when narrowing), or itself when it has it. */
    public NdArray astype(DType target) {
        if (target == dtype()) {
            return this;
        }
        if (target == DType.FLOAT64) {
            return new NdArray(widen(floats), shape);
        }
        float[] out = new float[data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = (float) data[i];
            }
        });
        return new NdArray(out, shape);
    }

    private static double[] widen(float[] f) {
        double[] out = new double[f.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f[i];
            }
        });
        return out;
    }

    /** This array as float64 (itself, or a widened copy): the fallback of kernels without a float loop. */
    NdArray f64() {
        return astype(DType.FLOAT64);
    }

    /** The elements as doubles: the float64 buffer itself, or a widened copy. */
    double[] doubles() {
        return data != null ? data : widen(floats);
    }

    /** The float64 result {@code r} of a fallback, rounded to float32 when this array is float32. */
    private NdArray like(NdArray r) {
        return r.astype(dtype());
    }

    /** Whether two arrays are both float32 (so a float loop applies). */
    private static boolean both32(NdArray a, NdArray b) {
        return a.floats != null && b.floats != null;
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** Row-major strides of this array. */
    public int[] strides() {
        return strides.clone();
    }

    /** The number of elements. */
    public int size() {
        return data != null ? data.length : floats.length;
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException("get: index of rank " + index.length + " for shape " + shape);
        }
        int p = 0;
        for (int i = 0; i < index.length; i++) {
            int d = shape.dim(i);
            int j = index[i] < 0 ? index[i] + d : index[i];
            if (j < 0 || j >= d) {
                throw new IndexOutOfBoundsException("get: index " + Arrays.toString(index) + " out of bounds for shape "
                        + shape);
            }
            p += j * strides[i];
        }
        return at(p);
    }

    /** The element at a row-major position. */
    public double at(int flatIndex) {
        return data != null ? data[flatIndex] : floats[flatIndex];
    }

    /** The single element of a one-element array. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item: array of shape " + shape + " has " + size() + " elements");
        }
        return at(0);
    }

    /**
     * The backing buffer of a float64 array in row-major order, without a copy: read only (for compiled kernels in
     * adjoint-graph). A float32 array has no {@code double[]}: that is an error saying what to use instead.
     */
    public double[] buffer() {
        if (data == null) {
            throw new IllegalStateException("buffer: the array " + shape + " is float32 and has no double[] buffer;"
                    + " use floatBuffer(), or astype(DType.FLOAT64) first");
        }
        return data;
    }

    /** The backing buffer of a float32 array in row-major order, without a copy: read only. */
    public float[] floatBuffer() {
        if (floats == null) {
            throw new IllegalStateException("floatBuffer: the array " + shape + " is float64;"
                    + " use buffer(), or astype(DType.FLOAT32) first");
        }
        return floats;
    }

    /** A copy of the elements in row-major order, as doubles (widened from float32 exactly). */
    public double[] toArray() {
        return data != null ? data.clone() : widen(floats);
    }

    /** Whether any element is NaN or infinite. */
    public boolean hasNonFinite() {
        if (floats != null) {
            for (float v : floats) {
                if (!Float.isFinite(v)) {
                    return true;
                }
            }
            return false;
        }
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    // ---- elementwise kernels (operands of equal shape) ----

    /** f applied to each element (for float32: to the widened element, the result rounded). */
    public NdArray map(DoubleUnaryOperator f) {
        if (floats != null) {
            float[] x = floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 16, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) f.applyAsDouble(x[i]);
                }
            });
            return new NdArray(out, shape);
        }
        double[] out = new double[data.length];
        Parallel.each(out.length, 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.applyAsDouble(data[i]);
            }
        });
        return new NdArray(out, shape);
    }

    /** tanh of each element ({@link FastMath#tanh}: Java 17's {@code Math.tanh} is a slow native call). */
    public NdArray tanh() {
        if (floats != null) {
            return like(f64().tanh());
        }
        double[] out = new double[data.length];
        FastMath.tanh(data, out, out.length);
        return new NdArray(out, shape);
    }

    /** f applied to corresponding elements of two arrays of equal shape (float32: on widened elements, rounded). */
    public NdArray zip(NdArray b, DoubleBinaryOperator f) {
        same("zip", b);
        if (both32(this, b)) {
            float[] x = floats;
            float[] y = b.floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 16, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) f.applyAsDouble(x[i], y[i]);
                }
            });
            return new NdArray(out, shape);
        }
        double[] x = doubles();
        double[] y = b.doubles();
        double[] out = new double[x.length];
        Parallel.each(out.length, 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.applyAsDouble(x[i], y[i]);
            }
        });
        return new NdArray(out, shape);
    }

    /** The arithmetic of {@link #add}, {@link #sub}, {@link #mul}, {@link #safeMul} and {@link #div}. */
    private enum Arith { ADD, SUB, MUL, SAFE_MUL, DIV }

    private NdArray arith(String op, Arith k, NdArray b) {
        same(op, b);
        if (both32(this, b)) {
            float[] x = floats;
            float[] y = b.floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> arith32(k, x, y, out, from, to));
            return new NdArray(out, shape);
        }
        double[] x = doubles();
        double[] y = b.doubles();
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> arith64(k, x, y, out, from, to));
        return new NdArray(out, shape);
    }

    // One loop per operation (not a lambda per element), so each one vectorises.
    private static void arith64(Arith k, double[] x, double[] y, double[] out, int from, int to) {
        switch (k) {
            case ADD:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] + y[i];
                }
                break;
            case SUB:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] - y[i];
                }
                break;
            case MUL:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] * y[i];
                }
                break;
            case SAFE_MUL:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] == 0 ? 0 : x[i] * y[i];
                }
                break;
            default:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] / y[i];
                }
        }
    }

    private static void arith32(Arith k, float[] x, float[] y, float[] out, int from, int to) {
        switch (k) {
            case ADD:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] + y[i];
                }
                break;
            case SUB:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] - y[i];
                }
                break;
            case MUL:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] * y[i];
                }
                break;
            case SAFE_MUL:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] == 0 ? 0 : x[i] * y[i];
                }
                break;
            default:
                for (int i = from; i < to; i++) {
                    out[i] = x[i] / y[i];
                }
        }
    }

    /** Elementwise sum. */
    public NdArray add(NdArray b) {
        return arith("add", Arith.ADD, b);
    }

    /** Elementwise difference. */
    public NdArray sub(NdArray b) {
        return arith("sub", Arith.SUB, b);
    }

    /** Elementwise product. */
    public NdArray mul(NdArray b) {
        return arith("mul", Arith.MUL, b);
    }

    /** Elementwise product in which a zero in this array gives zero whatever the other element (even ∞, NaN). */
    public NdArray safeMul(NdArray b) {
        return arith("safeMul", Arith.SAFE_MUL, b);
    }

    /** Elementwise quotient. */
    public NdArray div(NdArray b) {
        return arith("div", Arith.DIV, b);
    }

    /** Elementwise {@code this * s} for a constant s (float32: computed in double, rounded once). */
    public NdArray scale(double s) {
        if (floats != null) {
            float[] x = floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) (x[i] * s);
                }
            });
            return new NdArray(out, shape);
        }
        double[] out = new double[data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = data[i] * s;
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise max(this, b), NaN if either is NaN. */
    public NdArray maximum(NdArray b) {
        same("maximum", b);
        if (both32(this, b)) {
            float[] x = floats;
            float[] y = b.floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(x[i], y[i]);
                }
            });
            return new NdArray(out, shape);
        }
        double[] x = doubles();
        double[] y = b.doubles();
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Math.max(x[i], y[i]);
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise max(this, 0). */
    public NdArray relu() {
        if (floats != null) {
            float[] x = floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(x[i], 0f);
                }
            });
            return new NdArray(out, shape);
        }
        double[] x = data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Math.max(x[i], 0);
            }
        });
        return new NdArray(out, shape);
    }

    /**
     * The cotangent (or tangent) of relu: {@code g} where this (the input) is positive, half of it where this is 0
     * and g is nonzero, else 0 (a zero g stays zero, whatever the input).
     */
    public NdArray reluSlope(NdArray g) {
        same("relu", g);
        if (both32(this, g)) {
            float[] u = g.floats;
            float[] v = floats;
            float[] out = new float[u.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = Float.intBitsToFloat(reluSlopeBits(Float.floatToRawIntBits(v[i]),
                            Float.floatToRawIntBits(u[i]), Float.floatToRawIntBits(0.5f * u[i])));
                }
            });
            return new NdArray(out, shape);
        }
        double[] u = g.doubles();
        double[] v = doubles();
        double[] out = new double[u.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Double.longBitsToDouble(reluSlopeBits(Double.doubleToRawLongBits(v[i]),
                        Double.doubleToRawLongBits(u[i]), Double.doubleToRawLongBits(0.5 * u[i])));
            }
        });
        return new NdArray(out, shape);
    }

    // reluSlope on the bits: the input's sign decides between g, g/2 and 0, and on random signs a branch there
    // mispredicts every other element, which costs more than the whole loop. Same results as the comparisons
    // (v > 0: g; v = ±0 and g ≠ 0: g/2; else +0), NaN inputs included.

    private static int reluSlopeBits(int v, int g, int half) {
        int positive = (-v >> 31) & ((v - 0x7f800001) >> 31); // 0 < v ≤ +∞, as an int: all ones
        int zero = ((v & 0x7fffffff) - 1) >> 31;                // v = ±0
        int nonzeroG = ~(((g & 0x7fffffff) - 1) >> 31);         // g ≠ ±0
        return (g & positive) | (half & zero & nonzeroG);
    }

    private static long reluSlopeBits(long v, long g, long half) {
        long positive = (-v >> 63) & ((v - 0x7ff0000000000001L) >> 63);
        long zero = ((v & 0x7fffffffffffffffL) - 1) >> 63;
        long nonzeroG = ~(((g & 0x7fffffffffffffffL) - 1) >> 63);
        return (g & positive) | (half & zero & nonzeroG);
    }

    /** A comparison, 1 where it holds and 0 elsewhere, in the operands' dtype. */
    public enum Comparison {
        /** x &gt; y. */ GT,
        /** x ≥ y. */ GE,
        /** x &lt; y. */ LT,
        /** x ≤ y. */ LE,
        /** x = y. */ EQ,
        /** x ≠ y. */ NE
    }

    /** 1 where {@code this k b} holds and 0 elsewhere, elementwise. */
    public NdArray compare(Comparison k, NdArray b, String op) {
        same(op, b);
        if (both32(this, b)) {
            float[] x = floats;
            float[] y = b.floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = holds(k, x[i], y[i]) ? 1 : 0;
                }
            });
            return new NdArray(out, shape);
        }
        double[] x = doubles();
        double[] y = b.doubles();
        double[] out = new double[x.length];
        // One loop per kind (not a lambda per element): comparisons sit in every relu and max backward pass.
        Parallel.each(out.length, 1, (from, to) -> {
            switch (k) {
                case GT:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] > y[i] ? 1 : 0;
                    }
                    break;
                case GE:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] >= y[i] ? 1 : 0;
                    }
                    break;
                case LT:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] < y[i] ? 1 : 0;
                    }
                    break;
                case LE:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] <= y[i] ? 1 : 0;
                    }
                    break;
                case EQ:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] == y[i] ? 1 : 0;
                    }
                    break;
                default:
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] != y[i] ? 1 : 0;
                    }
            }
        });
        return new NdArray(out, shape);
    }

    private static boolean holds(Comparison k, float a, float b) {
        switch (k) {
            case GT:
                return a > b;
            case GE:
                return a >= b;
            case LT:
                return a < b;
            case LE:
                return a <= b;
            case EQ:
                return a == b;
            default:
                return a != b;
        }
    }

    /** Elementwise {@code a·b + c·d} in one pass (the product rule's tangent), where a zero a or c gives 0. */
    public static NdArray productRule(NdArray a, NdArray b, NdArray c, NdArray d) {
        a.same("productRule", b);
        a.same("productRule", c);
        a.same("productRule", d);
        if (both32(a, b) && both32(c, d)) {
            float[] fa = a.floats;
            float[] fb = b.floats;
            float[] fc = c.floats;
            float[] fd = d.floats;
            float[] out = new float[fa.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double p = fa[i] == 0 ? 0 : (double) fa[i] * fb[i];
                    double q = fc[i] == 0 ? 0 : (double) fc[i] * fd[i];
                    out[i] = (float) (p + q);
                }
            });
            return new NdArray(out, a.shape);
        }
        double[] da = a.doubles();
        double[] db = b.doubles();
        double[] dc = c.doubles();
        double[] dd = d.doubles();
        double[] out = new double[da.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                double p = da[i] == 0 ? 0 : da[i] * db[i];
                double q = dc[i] == 0 ? 0 : dc[i] * dd[i];
                out[i] = p + q;
            }
        });
        return new NdArray(out, a.shape);
    }

    /** Elementwise {@code a * this + b} for constants a, b (float32: computed in double, rounded once). */
    public NdArray affine(double a, double b) {
        if (floats != null) {
            float[] x = floats;
            float[] out = new float[x.length];
            Parallel.each(out.length, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) (a * x[i] + b);
                }
            });
            return new NdArray(out, shape);
        }
        double[] out = new double[data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = a * data[i] + b;
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise choice: {@code cond != 0 ? a : b} (the condition may have either dtype). */
    public static NdArray where(NdArray cond, NdArray a, NdArray b) {
        cond.same("where", a);
        cond.same("where", b);
        if (both32(a, b)) {
            float[] fa = a.floats;
            float[] fb = b.floats;
            float[] out = new float[fa.length];
            if (cond.floats != null) {
                float[] c = cond.floats;
                Parallel.each(out.length, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = c[i] != 0 ? fa[i] : fb[i];
                    }
                });
            } else {
                double[] c = cond.data;
                Parallel.each(out.length, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = c[i] != 0 ? fa[i] : fb[i];
                    }
                });
            }
            return new NdArray(out, cond.shape);
        }
        double[] c = cond.doubles();
        double[] da = a.doubles();
        double[] db = b.doubles();
        double[] out = new double[c.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = c[i] != 0 ? da[i] : db[i];
            }
        });
        return new NdArray(out, cond.shape);
    }

    /** Whether all elements are nonzero. */
    public boolean allNonZero() {
        int n = size();
        for (int i = 0; i < n; i++) {
            if (at(i) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether all elements are zero. */
    public boolean allZero() {
        int n = size();
        for (int i = 0; i < n; i++) {
            if (at(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private void same(String op, NdArray b) {
        if (!shape.equals(b.shape)) {
            throw new IllegalArgumentException(op + ": shapes " + shape + " and " + b.shape + " differ");
        }
    }

    // ---- layout kernels ----

    /** The same elements viewed in another shape of equal size (shares the buffer: both are immutable). */
    public NdArray reshape(Shape target) {
        if (target.size() != size()) {
            throw new IllegalArgumentException("reshape: " + shape + " to " + target + ": sizes " + size()
                    + " and " + target.size() + " differ");
        }
        return floats != null ? new NdArray(floats, target) : new NdArray(data, target);
    }

    /** This array repeated along new leading axes and size-1 axes to fill {@code target} (NumPy rules). */
    public NdArray broadcastTo(Shape target) {
        if (target.equals(shape)) {
            return this;
        }
        if (!shape.broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: " + shape + " cannot be broadcast to " + target);
        }
        int off = target.rank() - shape.rank();
        int[] s = new int[target.rank()];
        for (int i = 0; i < shape.rank(); i++) {
            s[i + off] = shape.dim(i) == 1 ? 0 : strides[i];
        }
        return strided(0, s, target);
    }

    /** The axes permuted: output axis i is input axis {@code perm[i]}. */
    public NdArray transpose(int... perm) {
        int[] s = new int[perm.length];
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = strides[perm[i]];
            d[i] = shape.dim(perm[i]);
        }
        return strided(0, s, Shape.of(d));
    }

    /** Elements start, start+step, ... (below stop) along each axis; steps are positive. */
    public NdArray slice(int[] start, int[] stop, int[] step) {
        int r = shape.rank();
        int[] d = new int[r];
        int[] s = new int[r];
        int off = 0;
        for (int i = 0; i < r; i++) {
            d[i] = Math.max(0, (stop[i] - start[i] + step[i] - 1) / step[i]);
            s[i] = strides[i] * step[i];
            off += start[i] * strides[i];
        }
        Shape out = Shape.of(d);
        return out.size() == 0 ? zeros(out, dtype()) : strided(off, s, out);
    }

    /** The order of elements reversed along the given axes. */
    public NdArray flip(int... axes) {
        int[] s = strides.clone();
        int off = 0;
        for (int a : axes) {
            s[a] = -strides[a];
            off += (shape.dim(a) - 1) * strides[a];
        }
        return size() == 0 ? this : strided(off, s, shape);
    }

    /** Zero padding: {@code lo[i]} before, {@code hi[i]} after and {@code interior[i]} between elements of axis i. */
    public NdArray pad(int[] lo, int[] hi, int[] interior) {
        int r = shape.rank();
        int[] d = new int[r];
        int off = 0;
        int[] outStrides;
        for (int i = 0; i < r; i++) {
            int n = shape.dim(i);
            d[i] = lo[i] + hi[i] + n + Math.max(0, n - 1) * interior[i];
        }
        Shape out = Shape.of(d);
        outStrides = out.strides();
        int[] s = new int[r];
        for (int i = 0; i < r; i++) {
            s[i] = outStrides[i] * (interior[i] + 1);
            off += lo[i] * outStrides[i];
        }
        NdArray o = zeros(out, dtype());
        if (Arrays.equals(s, strides)) {
            // one contiguous block (padding along the leading axis only): a copy right after the allocation,
            // which the JIT does not zero first
            System.arraycopy(storage(), 0, o.storage(), off, size());
        } else if (size() > 0) {
            scatterStrided(storage(), o.storage(), off, s, shape.raw());
        }
        return o;
    }

    /**
     * The backing {@code double[]} or {@code float[]}, without a copy: read only (for copies that work on either
     * dtype, and as the identity of a buffer in memory accounting).
     */
    public Object storage() {
        return data != null ? data : floats;
    }

    /** Arrays joined along an existing axis (other axes must agree); mixed dtypes give float64. */
    public static NdArray concat(int axis, NdArray... parts) {
        DType t = parts[0].dtype();
        for (NdArray p : parts) {
            t = DType.promote(t, p.dtype());
        }
        Shape first = parts[0].shape;
        int total = 0;
        for (NdArray p : parts) {
            total += p.shape.dim(axis);
        }
        Shape out = first.with(axis, total);
        NdArray result = zeros(out, t);
        Object o = result.storage();
        int outer = first.sizeBefore(axis);
        int inner = first.sizeAfter(axis);
        int rowOut = total * inner;
        int pos = 0;
        for (NdArray p : parts) {
            Object src = p.astype(t).storage();
            int len = p.shape.dim(axis) * inner;
            for (int j = 0; j < outer; j++) {
                System.arraycopy(src, j * len, o, j * rowOut + pos, len);
            }
            pos += len;
        }
        return result;
    }

    /** take_along_axis: {@code out[..., j, ...] = this[..., index[..., j, ...], ...]}; index has this rank. */
    public NdArray gather(int axis, NdArray index) {
        if (floats != null) {
            return like(f64().gather(axis, index));
        }
        Shape is = index.shape;
        int outer = is.sizeBefore(axis);
        int inner = is.sizeAfter(axis);
        int m = is.dim(axis);
        int n = shape.dim(axis);
        double[] o = new double[is.size()];
        for (int a = 0; a < outer; a++) {
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < inner; b++) {
                    int q = (a * m + j) * inner + b;
                    int k = checkIndex("gather", index.at(q), n);
                    o[q] = data[(a * n + k) * inner + b];
                }
            }
        }
        return new NdArray(o, is);
    }

    /** The adjoint of {@link #gather}: zeros of {@code target} with this array's elements added at the index. */
    public NdArray scatterAdd(int axis, NdArray index, Shape target) {
        if (floats != null) {
            return like(f64().scatterAdd(axis, index, target));
        }
        Shape is = index.shape;
        int outer = is.sizeBefore(axis);
        int inner = is.sizeAfter(axis);
        int m = is.dim(axis);
        int n = target.dim(axis);
        double[] o = new double[target.size()];
        for (int a = 0; a < outer; a++) {
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < inner; b++) {
                    int q = (a * m + j) * inner + b;
                    int k = checkIndex("scatterAdd", index.at(q), n);
                    o[(a * n + k) * inner + b] += data[q];
                }
            }
        }
        return new NdArray(o, target);
    }

    private static int checkIndex(String op, double v, int n) {
        int k = (int) v;
        if (k != v || k < -n || k >= n) {
            throw new IndexOutOfBoundsException(op + ": index " + v + " out of range for axis of length " + n);
        }
        return k < 0 ? k + n : k;
    }

    /** Running sum along an axis (float32: accumulated in double, each partial sum rounded). */
    public NdArray cumsum(int axis) {
        if (floats != null) {
            return like(f64().cumsum(axis));
        }
        int outer = shape.sizeBefore(axis);
        int inner = shape.sizeAfter(axis);
        int n = shape.dim(axis);
        double[] o = new double[data.length];
        for (int a = 0; a < outer; a++) {
            int base = a * n * inner;
            System.arraycopy(data, base, o, base, Math.min(inner, data.length - base));
            for (int j = 1; j < n; j++) {
                int p = base + j * inner;
                for (int b = 0; b < inner; b++) {
                    o[p + b] = o[p - inner + b] + data[p + b];
                }
            }
        }
        return new NdArray(o, shape);
    }

    /** A contiguous copy of the strided view (offset, strides) of this buffer with the given shape. */
    NdArray strided(int offset, int[] s, Shape out) {
        NdArray o = zeros(out, dtype());
        gatherStrided(storage(), offset, s, out.raw(), o.storage());
        return o;
    }

    /** Copies the strided view (offset, strides s, dims) of src into dst, row by row; both one dtype. */
    static void gatherStrided(Object src, int offset, int[] s, int[] dims, Object dst) {
        if (java.lang.reflect.Array.getLength(dst) == 0) {
            return;
        }
        int rank = dims.length;
        if (rank == 0) {
            System.arraycopy(src, offset, dst, 0, 1);
            return;
        }
        int last = rank - 1;
        int n = dims[last];
        int step = s[last];
        int[] idx = new int[rank];
        int pos = offset;
        int o = 0;
        while (true) {
            if (step == 1) {
                System.arraycopy(src, pos, dst, o, n);
            } else if (src instanceof float[] f) {
                copyRow(f, pos, step, (float[]) dst, o, n);
            } else {
                copyRow((double[]) src, pos, step, (double[]) dst, o, n);
            }
            o += n;
            pos = nextRow(idx, s, dims, pos);
            if (pos < 0) {
                return;
            }
        }
    }

    // One row of a strided copy per dtype (step 0 is a broadcast).

    private static void copyRow(double[] src, int pos, int step, double[] dst, int o, int n) {
        if (step == 0) {
            Arrays.fill(dst, o, o + n, src[pos]);
            return;
        }
        for (int i = 0, p = pos; i < n; i++, p += step) {
            dst[o + i] = src[p];
        }
    }

    private static void copyRow(float[] src, int pos, int step, float[] dst, int o, int n) {
        if (step == 0) {
            Arrays.fill(dst, o, o + n, src[pos]);
            return;
        }
        for (int i = 0, p = pos; i < n; i++, p += step) {
            dst[o + i] = src[p];
        }
    }

    /**
     * Advances the odometer {@code idx} over every axis but the last and returns the offset of the next row, or −1
     * when all rows are done.
     */
    private static int nextRow(int[] idx, int[] s, int[] dims, int pos) {
        for (int k = dims.length - 2; k >= 0; k--) {
            idx[k]++;
            pos += s[k];
            if (idx[k] < dims[k]) {
                return pos;
            }
            pos -= s[k] * dims[k];
            idx[k] = 0;
        }
        return -1;
    }

    /** Writes the rows of {@code src} (a {@code double[]} or {@code float[]}) to the strided view of dst. */
    static void scatterStrided(Object src, Object dst, int offset, int[] s, int[] dims) {
        int rank = dims.length;
        if (rank == 0) {
            System.arraycopy(src, 0, dst, offset, 1);
            return;
        }
        int last = rank - 1;
        int n = dims[last];
        int step = s[last];
        int[] idx = new int[rank];
        int pos = offset;
        int o = 0;
        double[] sd = src instanceof double[] ? (double[]) src : null;
        double[] dd = sd != null ? (double[]) dst : null;
        float[] sf = sd == null ? (float[]) src : null;
        float[] df = sd == null ? (float[]) dst : null;
        while (true) {
            if (step == 1) {
                System.arraycopy(src, o, dst, pos, n);
            } else if (sd != null) {
                for (int i = 0, p = pos; i < n; i++, p += step) {
                    dd[p] = sd[o + i];
                }
            } else {
                for (int i = 0, p = pos; i < n; i++, p += step) {
                    df[p] = sf[o + i];
                }
            }
            o += n;
            pos = nextRow(idx, s, dims, pos);
            if (pos < 0) {
                return;
            }
        }
    }

    /** Equal shape, dtype and elements (bit patterns, as {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NdArray)) {
            return false;
        }
        NdArray b = (NdArray) o;
        return shape.equals(b.shape) && (data != null ? Arrays.equals(data, b.data) : Arrays.equals(floats, b.floats));
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + (data != null ? Arrays.hashCode(data) : 7 * Arrays.hashCode(floats));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        format(sb, 0, 0);
        // float64 is the default and goes unsaid; float32 is named, so the two never print alike.
        return floats != null ? sb.append(" (float32)").toString() : sb.toString();
    }

    private int format(StringBuilder sb, int axis, int pos) {
        if (axis == shape.rank()) {
            if (floats != null) {
                sb.append(floats[pos]);
            } else {
                sb.append(data[pos]);
            }
            return pos + 1;
        }
        sb.append('[');
        int n = shape.dim(axis);
        int limit = 6;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (n > 2 * limit && i == limit) {
                sb.append("...");
                int skip = n - 2 * limit;
                pos += skip * strides[axis];
                i += skip - 1;
                continue;
            }
            pos = format(sb, axis + 1, pos);
        }
        sb.append(']');
        return pos;
    }
}
