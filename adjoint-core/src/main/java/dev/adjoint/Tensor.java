package dev.adjoint;

import dev.adjoint.array.DType;
import dev.adjoint.array.Gemm;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.array.Window;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Tracer;
import dev.adjoint.primitive.Add;
import dev.adjoint.primitive.AvgPool;
import dev.adjoint.primitive.ArgMax;
import dev.adjoint.primitive.Bivariate;
import dev.adjoint.primitive.Cast;
import dev.adjoint.primitive.Broadcast;
import dev.adjoint.primitive.Compare;
import dev.adjoint.primitive.Concat;
import dev.adjoint.primitive.Conv;
import dev.adjoint.primitive.CumSum;
import dev.adjoint.primitive.Div;
import dev.adjoint.primitive.Flip;
import dev.adjoint.primitive.Gather;
import dev.adjoint.primitive.MatMul;
import dev.adjoint.primitive.MaxPool;
import dev.adjoint.primitive.MaxReduce;
import dev.adjoint.primitive.Maximum;
import dev.adjoint.primitive.Mul;
import dev.adjoint.primitive.Pad;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Reshape;
import dev.adjoint.primitive.ScatterAdd;
import dev.adjoint.primitive.Slice;
import dev.adjoint.primitive.StopGradient;
import dev.adjoint.primitive.Sub;
import dev.adjoint.primitive.Sum;
import dev.adjoint.primitive.Transpose;
import dev.adjoint.primitive.Unary;
import dev.adjoint.primitive.Where;
import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Polygamma;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.UnaryFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable n-d array of numbers, differentiable by the transforms in {@link Ad}. Binary operations broadcast
 * by NumPy rules; every operation is a primitive or a composition of primitives, so the same code runs plain,
 * under {@code grad}, {@code jvp}, {@code vmap} and any nesting of them.
 *
 * <p><b>Dtypes.</b> Elements are float64 (the default and the reference) or float32 ({@link DType}); {@link
 * #astype} converts. Operations keep their operands' dtype; a binary operation on two dtypes casts both to {@link
 * DType#result} first (float64, except that a rank-0 operand or a {@code double} constant does not raise the dtype of
 * an operand with dimensions). Tangents and cotangents have their primal's dtype: the gradient of a float32 input is
 * float32.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe: tensors may be shared between threads freely. A tensor
 * that a transform is tracing belongs to that transform's thread until the transform returns.
 */
public final class Tensor {

    private static final Primitive ADD = new Add();
    private static final Primitive SUB = new Sub();
    private static final Primitive MUL = new Mul();
    private static final Primitive DIV = new Div();
    private static final Primitive MAXIMUM = new Maximum();
    private static final Primitive WHERE = new Where();
    private static final Primitive STOP = new StopGradient();
    private static final Primitive RELU = new Unary(new Unary.Relu());

    private final NdArray array;
    private final Tracer tracer;

    private Tensor(NdArray array, Tracer tracer) {
        this.array = array;
        this.tracer = tracer;
    }

    // ------------------------------------------------------------------ construction

    /** A tensor holding an array. */
    public static Tensor of(NdArray array) {
        return new Tensor(array, null);
    }

    /** A traced tensor (for interpreters). */
    public static Tensor traced(Tracer tracer) {
        return new Tensor(null, tracer);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(double value) {
        return of(NdArray.scalar(value));
    }

    /** A rank-0 tensor of the given dtype (the value rounded to it). */
    public static Tensor scalar(double value, DType dtype) {
        return of(NdArray.scalar(value, dtype));
    }

    /** A float32 tensor of the given shape from row-major data (copied). */
    public static Tensor ofFloats(Shape shape, float... data) {
        return of(NdArray.ofFloats(shape, data));
    }

    /** A vector. */
    public static Tensor of(double... values) {
        return of(NdArray.of(Shape.of(values.length), values));
    }

    /** A matrix from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("of: ragged rows (" + n + " and " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return of(NdArray.adopt(Shape.of(m, n), d));
    }

    /** A rank-3 tensor from nested arrays. */
    public static Tensor of(double[][][] blocks) {
        Tensor[] parts = new Tensor[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            parts[i] = of(blocks[i]);
        }
        return stack(0, parts);
    }

    /** A tensor of the given shape from row-major data (copied). */
    public static Tensor of(Shape shape, double... data) {
        return of(NdArray.of(shape, data));
    }

    /** Zeros. */
    public static Tensor zeros(int... shape) {
        return of(NdArray.zeros(Shape.of(shape)));
    }

    /** Zeros of the given dtype. */
    public static Tensor zeros(DType dtype, int... shape) {
        return of(NdArray.zeros(Shape.of(shape), dtype));
    }

    /** Ones of the given dtype. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1, dtype, shape);
    }

    /** Every element equal to {@code value}, in the given dtype. */
    public static Tensor full(double value, DType dtype, int... shape) {
        return of(NdArray.full(Shape.of(shape), value, dtype));
    }

    /** Ones. */
    public static Tensor ones(int... shape) {
        return full(1, shape);
    }

    /** Every element equal to {@code value}. */
    public static Tensor full(double value, int... shape) {
        return of(NdArray.full(Shape.of(shape), value));
    }

    /** Zeros of x's shape and dtype (a constant). */
    public static Tensor zerosLike(Tensor x) {
        return of(NdArray.zeros(x.shape(), x.dtype()));
    }

    /** Ones of x's shape and dtype (a constant). */
    public static Tensor onesLike(Tensor x) {
        return of(NdArray.full(x.shape(), 1, x.dtype()));
    }

    /** 0, 1, …, n − 1. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** start, start + step, … below stop. */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step must be nonzero");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return of(NdArray.adopt(Shape.of(n), d));
    }

    /** n evenly spaced values from a to b inclusive. */
    public static Tensor linspace(double a, double b, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        }
        return of(NdArray.adopt(Shape.of(n), d));
    }

    /** The n × n identity. */
    public static Tensor eye(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return of(NdArray.adopt(Shape.of(n, n), d));
    }

    /** Uniform draws in [0, 1). */
    public static Tensor rand(Rng rng, int... shape) {
        return uniform(rng, 0, 1, shape);
    }

    /** Standard normal draws. */
    public static Tensor randn(Rng rng, int... shape) {
        Shape s = Shape.of(shape);
        return of(NdArray.adopt(s, rng.normal(s.size())));
    }

    /** Uniform draws in [lo, hi). */
    public static Tensor uniform(Rng rng, double lo, double hi, int... shape) {
        Shape s = Shape.of(shape);
        return of(NdArray.adopt(s, rng.uniform(s.size(), lo, hi)));
    }

    // ------------------------------------------------------------------ inspection

    /** The tracer when this value is being traced by a transform, else null (for interpreters). */
    public Tracer tracer() {
        return tracer;
    }

    /** Whether this is a plain value (not traced by any transform). */
    public boolean isConcrete() {
        return tracer == null;
    }

    /** The values (for a traced tensor, its primal's values; not available inside vmap). */
    public NdArray array() {
        return array != null ? array : tracer.primal().array();
    }

    /** The shape. */
    public Shape shape() {
        return array != null ? array.shape() : tracer.shape();
    }

    /** The element type. */
    public DType dtype() {
        return array != null ? array.dtype() : tracer.dtype();
    }

    /**
     * This tensor converted to {@code dtype} (rounded to nearest when narrowing), or itself when it has it already.
     * Differentiable: the derivative of a cast is the cast of the tangent, and the cotangent is cast back.
     */
    public Tensor astype(DType dtype) {
        return dtype == dtype() ? this : Interpreter.bind(new Cast(dtype), this);
    }

    /** The number of axes. */
    public int rank() {
        return shape().rank();
    }

    /** The number of elements. */
    public int size() {
        return shape().size();
    }

    /** The length of an axis. */
    public int dim(int axis) {
        return shape().dim(axis);
    }

    /** The single value of a one-element tensor. */
    public double item() {
        return array().item();
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        return array().get(index);
    }

    /** A copy of the values in row-major order. */
    public double[] toArray() {
        return array().toArray();
    }

    @Override
    public String toString() {
        if (tracer != null) {
            return "Tensor(traced by " + tracer.owner() + ", shape " + shape() + ", " + dtype() + ")";
        }
        return array.toString();
    }

    // ------------------------------------------------------------------ elementwise

    /** f applied elementwise, for any row f of the scalar table (its derivative comes from the row). */
    public Tensor apply(UnaryFunction f) {
        return Interpreter.bind(new Unary(f), this);
    }

    /** f(this, y) elementwise for a row of the scalar binary table, broadcasting. */
    public Tensor apply(Binary f, Tensor y) {
        switch (f) {
            case ADD:
                return add(y);
            case SUB:
                return sub(y);
            case MUL:
                return mul(y);
            case DIV:
                return div(y);
            case MIN:
                return minimum(y);
            case MAX:
                return maximum(y);
            default:
                return binary(new Bivariate(f), this, y);
        }
    }

    private static Tensor binary(Primitive p, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            Tensor[] ab = promoted(a, b);
            a = ab[0];
            b = ab[1];
        }
        Shape sa = a.shape();
        Shape sb = b.shape();
        if (!sa.equals(sb)) {
            Shape s = Shape.broadcast(p.name(), sa, sb);
            a = a.broadcastTo(s);
            b = b.broadcastTo(s);
        }
        return Interpreter.bind(p, a, b);
    }

    /** this + y. */
    public Tensor add(Tensor y) {
        return binary(ADD, this, y);
    }

    /** this + c. */
    public Tensor add(double c) {
        return apply(new Unary.Affine(1, c));
    }

    /** this − y. */
    public Tensor sub(Tensor y) {
        return binary(SUB, this, y);
    }

    /** this − c. */
    public Tensor sub(double c) {
        return apply(new Unary.Affine(1, -c));
    }

    /** c − this. */
    public Tensor rsub(double c) {
        return apply(new Unary.Affine(-1, c));
    }

    /** this · y. */
    public Tensor mul(Tensor y) {
        return binary(MUL, this, y);
    }

    /** this · c. */
    public Tensor mul(double c) {
        return apply(new Unary.Affine(c, 0));
    }

    /** this / y. */
    public Tensor div(Tensor y) {
        return binary(DIV, this, y);
    }

    /** this / c. */
    public Tensor div(double c) {
        return apply(new Unary.Affine(1 / c, 0));
    }

    /** c / this. */
    public Tensor rdiv(double c) {
        return binary(DIV, scalar(c, dtype()), this);
    }

    /** −this. */
    public Tensor neg() {
        return apply(Elementary.NEG);
    }

    /** 1 / this. */
    public Tensor reciprocal() {
        return apply(Elementary.RECIPROCAL);
    }

    /** this². */
    public Tensor square() {
        return apply(Power.of(2));
    }

    /** this^p for a constant exponent. */
    public Tensor pow(double p) {
        return p == 2 ? square() : p == 1 ? this : apply(Power.of(p));
    }

    /** this^y elementwise (positive base), broadcasting. */
    public Tensor pow(Tensor y) {
        return apply(Binary.POW, y);
    }

    /** √this. */
    public Tensor sqrt() {
        return apply(Elementary.SQRT);
    }

    /** ∛this. */
    public Tensor cbrt() {
        return apply(Elementary.CBRT);
    }

    /** e^this. */
    public Tensor exp() {
        return apply(Elementary.EXP);
    }

    /** e^this − 1. */
    public Tensor expm1() {
        return apply(Elementary.EXPM1);
    }

    /** ln this. */
    public Tensor log() {
        return apply(Elementary.LOG);
    }

    /** ln(1 + this). */
    public Tensor log1p() {
        return apply(Elementary.LOG1P);
    }

    /** log₂ this. */
    public Tensor log2() {
        return apply(Elementary.LOG2);
    }

    /** log₁₀ this. */
    public Tensor log10() {
        return apply(Elementary.LOG10);
    }

    /** sin. */
    public Tensor sin() {
        return apply(Elementary.SIN);
    }

    /** cos. */
    public Tensor cos() {
        return apply(Elementary.COS);
    }

    /** tan. */
    public Tensor tan() {
        return apply(Elementary.TAN);
    }

    /** arcsin. */
    public Tensor asin() {
        return apply(Elementary.ASIN);
    }

    /** arccos. */
    public Tensor acos() {
        return apply(Elementary.ACOS);
    }

    /** arctan. */
    public Tensor atan() {
        return apply(Elementary.ATAN);
    }

    /** atan2(this, x), broadcasting. */
    public Tensor atan2(Tensor x) {
        return apply(Binary.ATAN2, x);
    }

    /** sinh. */
    public Tensor sinh() {
        return apply(Elementary.SINH);
    }

    /** cosh. */
    public Tensor cosh() {
        return apply(Elementary.COSH);
    }

    /** tanh. */
    public Tensor tanh() {
        return apply(Elementary.TANH);
    }

    /** arsinh. */
    public Tensor asinh() {
        return apply(Elementary.ASINH);
    }

    /** arcosh. */
    public Tensor acosh() {
        return apply(Elementary.ACOSH);
    }

    /** artanh. */
    public Tensor atanh() {
        return apply(Elementary.ATANH);
    }

    /** |this| (derivative 0 at 0). */
    public Tensor abs() {
        return apply(Elementary.ABS);
    }

    /** sign(this) ∈ {−1, 0, 1}. */
    public Tensor signum() {
        return apply(Elementary.SIGNUM);
    }

    /** 1 / (1 + e^−this). */
    public Tensor sigmoid() {
        return apply(Elementary.SIGMOID);
    }

    /** ln(1 + e^this), stable. */
    public Tensor softplus() {
        return apply(Elementary.SOFTPLUS);
    }

    /** max(this, 0), with slope ½ at 0 like {@link #maximum}; one primitive ({@link Unary.Relu}). */
    public Tensor relu() {
        return Interpreter.bind(RELU, this);
    }

    /** erf. */
    public Tensor erf() {
        return apply(Elementary.ERF);
    }

    /** erfc = 1 − erf. */
    public Tensor erfc() {
        return apply(Elementary.ERFC);
    }

    /** ln Γ. */
    public Tensor lgamma() {
        return apply(Elementary.LGAMMA);
    }

    /** ψ = (ln Γ)′. */
    public Tensor digamma() {
        return apply(Elementary.DIGAMMA);
    }

    /** ψ⁽ⁿ⁾. */
    public Tensor polygamma(int n) {
        return apply(Polygamma.of(n));
    }

    /** √(this² + y²), broadcasting. */
    public Tensor hypot(Tensor y) {
        return apply(Binary.HYPOT, y);
    }

    /** max(this, y) elementwise (ties share the derivative), broadcasting. */
    public Tensor maximum(Tensor y) {
        return binary(MAXIMUM, this, y);
    }

    /** max(this, c). */
    public Tensor maximum(double c) {
        return maximum(scalar(c, dtype()));
    }

    /** min(this, y) elementwise, broadcasting. */
    public Tensor minimum(Tensor y) {
        return neg().maximum(y.neg()).neg();
    }

    /** min(this, c). */
    public Tensor minimum(double c) {
        return minimum(scalar(c, dtype()));
    }

    /** this limited to [lo, hi]. */
    public Tensor clamp(double lo, double hi) {
        return maximum(lo).minimum(hi);
    }

    private Tensor compare(Compare.Kind kind, Tensor y) {
        return binary(new Compare(kind), this, y);
    }

    /** 1 where this &gt; y, else 0. */
    public Tensor gt(Tensor y) {
        return compare(Compare.Kind.GT, y);
    }

    /** 1 where this &gt; c, else 0. */
    public Tensor gt(double c) {
        return gt(scalar(c, dtype()));
    }

    /** 1 where this ≥ y, else 0. */
    public Tensor ge(Tensor y) {
        return compare(Compare.Kind.GE, y);
    }

    /** 1 where this ≥ c, else 0. */
    public Tensor ge(double c) {
        return ge(scalar(c, dtype()));
    }

    /** 1 where this &lt; y, else 0. */
    public Tensor lt(Tensor y) {
        return compare(Compare.Kind.LT, y);
    }

    /** 1 where this &lt; c, else 0. */
    public Tensor lt(double c) {
        return lt(scalar(c, dtype()));
    }

    /** 1 where this ≤ y, else 0. */
    public Tensor le(Tensor y) {
        return compare(Compare.Kind.LE, y);
    }

    /** 1 where this ≤ c, else 0. */
    public Tensor le(double c) {
        return le(scalar(c, dtype()));
    }

    /** 1 where this = y, else 0. */
    public Tensor eq(Tensor y) {
        return compare(Compare.Kind.EQ, y);
    }

    /** 1 where this = c, else 0. */
    public Tensor eq(double c) {
        return eq(scalar(c, dtype()));
    }

    /** 1 where this ≠ y, else 0. */
    public Tensor ne(Tensor y) {
        return compare(Compare.Kind.NE, y);
    }

    /** 1 where this ≠ c, else 0. */
    public Tensor ne(double c) {
        return ne(scalar(c, dtype()));
    }

    /** a where cond ≠ 0, else b, broadcasting all three; the branch not taken gets no gradient. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            Tensor[] ab = promoted(a, b);
            a = ab[0];
            b = ab[1];
        }
        Shape s = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape());
        return Interpreter.bind(WHERE, cond.broadcastTo(s), a.broadcastTo(s), b.broadcastTo(s));
    }

    /** a where cond ≠ 0, else the constant b. */
    public static Tensor where(Tensor cond, Tensor a, double b) {
        return where(cond, a, scalar(b, a.dtype()));
    }

    /** This value with its derivative declared zero (a constant to every transform). */
    public Tensor stopGradient() {
        return Interpreter.bind(STOP, this);
    }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements. */
    public Tensor sum() {
        return sum(new int[0], false);
    }

    /** The sum over the given axes (all when none are given). */
    public Tensor sum(int... axes) {
        return sum(axes, false);
    }

    /** The sum over the given axes (all when empty), keeping them as size-1 axes when keepDims. */
    public Tensor sum(int[] axes, boolean keepDims) {
        int[] a = shape().axes(axes, "sum");
        if (a.length == 0) {
            return this;
        }
        return Interpreter.bind(new Sum(a, keepDims), this);
    }

    /** The mean of all elements. */
    public Tensor mean() {
        return mean(new int[0], false);
    }

    /** The mean over the given axes. */
    public Tensor mean(int... axes) {
        return mean(axes, false);
    }

    /** The mean over the given axes (all when empty). */
    public Tensor mean(int[] axes, boolean keepDims) {
        return sum(axes, keepDims).div(count(axes));
    }

    private int count(int[] axes) {
        int n = 1;
        for (int a : shape().axes(axes, "reduce")) {
            n *= shape().dim(a);
        }
        return n;
    }

    /** The product of all elements. */
    public Tensor prod() {
        return prod(new int[0], false);
    }

    /**
     * The product over the given axes, as a tree of pairwise products, so every derivative is exact even with zeros
     * among the factors.
     */
    public Tensor prod(int[] axes, boolean keepDims) {
        Shape s = shape();
        int[] ax = s.axes(axes, "prod");
        int[] perm = keptThenReduced(s, ax);
        Tensor t = isIdentity(perm) ? this : permute(perm);
        Shape kept = s.reduce(ax, false);
        int n = count(axes);
        t = t.reshape(kept.concat(Shape.of(n)));
        while (n > 1) {
            if (n % 2 == 1) {
                t = concat(-1, t, of(NdArray.full(kept.concat(Shape.of(1)), 1, dtype())));
                n++;
            }
            t = t.reshape(kept.concat(Shape.of(n / 2, 2)));
            t = t.slice(-1, 0, 1, 1).mul(t.slice(-1, 1, 2, 1)).reshape(kept.concat(Shape.of(n / 2)));
            n /= 2;
        }
        if (n == 0) {
            t = of(NdArray.full(kept, 1, dtype()));
        }
        return t.reshape(s.reduce(ax, keepDims));
    }

    private static int[] keptThenReduced(Shape s, int[] ax) {
        boolean[] r = new boolean[s.rank()];
        for (int a : ax) {
            r[a] = true;
        }
        int[] perm = new int[s.rank()];
        int k = 0;
        for (int i = 0; i < s.rank(); i++) {
            if (!r[i]) {
                perm[k++] = i;
            }
        }
        for (int a : ax) {
            perm[k++] = a;
        }
        return perm;
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The largest element. */
    public Tensor max() {
        return max(new int[0], false);
    }

    /** The maximum over the given axes (all when empty); ties share the derivative. */
    public Tensor max(int[] axes, boolean keepDims) {
        int[] a = shape().axes(axes, "max");
        if (a.length == 0) {
            return this;
        }
        return Interpreter.bind(new MaxReduce(a, keepDims), this);
    }

    /** The smallest element. */
    public Tensor min() {
        return min(new int[0], false);
    }

    /** The minimum over the given axes (all when empty). */
    public Tensor min(int[] axes, boolean keepDims) {
        return neg().max(axes, keepDims).neg();
    }

    /** The index of the largest element of the flattened tensor. */
    public Tensor argmax() {
        return reshape(-1).argmax(0, false);
    }

    /** The index of the (first) largest element along an axis. */
    public Tensor argmax(int axis, boolean keepDims) {
        return Interpreter.bind(new ArgMax(shape().axis(axis, "argmax"), keepDims), this);
    }

    /** The index of the smallest element of the flattened tensor. */
    public Tensor argmin() {
        return neg().argmax();
    }

    /** The index of the (first) smallest element along an axis. */
    public Tensor argmin(int axis, boolean keepDims) {
        return neg().argmax(axis, keepDims);
    }

    /** The (population) variance of all elements. */
    public Tensor var() {
        return var(new int[0], false);
    }

    /** The population variance over the given axes: mean((x − mean x)²). */
    public Tensor var(int[] axes, boolean keepDims) {
        Tensor d = sub(mean(axes, true));
        return d.square().mean(axes, keepDims);
    }

    /** The standard deviation of all elements. */
    public Tensor std() {
        return var().sqrt();
    }

    /** The population standard deviation over the given axes. */
    public Tensor std(int[] axes, boolean keepDims) {
        return var(axes, keepDims).sqrt();
    }

    /** The Euclidean norm of all elements. */
    public Tensor norm() {
        return norm(new int[0], false);
    }

    /** The Euclidean norm over the given axes. */
    public Tensor norm(int[] axes, boolean keepDims) {
        return square().sum(axes, keepDims).sqrt();
    }

    /** log Σ e^x over all elements, stable. */
    public Tensor logsumexp() {
        return logsumexp(new int[0], false);
    }

    /** log Σ e^x over the given axes, computed as m + log Σ e^(x − m) with m the (constant) maximum. */
    public Tensor logsumexp(int[] axes, boolean keepDims) {
        Tensor m = max(axes, true).stopGradient();
        m = where(m.abs().lt(Double.POSITIVE_INFINITY), m, 0);
        Tensor r = sub(m).exp().sum(axes, true).log().add(m);
        return keepDims ? r : r.reshape(shape().reduce(shape().axes(axes, "logsumexp"), false));
    }

    /** The running sum along an axis. */
    public Tensor cumsum(int axis) {
        return Interpreter.bind(new CumSum(shape().axis(axis, "cumsum")), this);
    }

    /** softmax along an axis, stable: e^(x − max) / Σ e^(x − max). */
    public Tensor softmax(int axis) {
        int[] a = {axis};
        Tensor e = sub(max(a, true).stopGradient()).exp();
        return e.div(e.sum(a, true));
    }

    /** log softmax along an axis, stable: x − logsumexp(x). */
    public Tensor logSoftmax(int axis) {
        return sub(logsumexp(new int[] {axis}, true));
    }

    // ------------------------------------------------------------------ shape

    /** The same elements in another shape; one dimension may be −1 (inferred). */
    public Tensor reshape(int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        int known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: more than one -1 in " + Arrays.toString(dims));
                }
                infer = i;
            } else {
                known *= d[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size() % known != 0) {
                throw new IllegalArgumentException("reshape: " + shape() + " to " + Arrays.toString(dims)
                        + ": size " + size() + " is not divisible by " + known);
            }
            d[infer] = size() / known;
        }
        return reshape(Shape.of(d));
    }

    /** The same elements in another shape of equal size. */
    public Tensor reshape(Shape target) {
        if (target.equals(shape())) {
            return this;
        }
        if (target.size() != size()) {
            throw new IllegalArgumentException("reshape: " + shape() + " to " + target + ": sizes " + size()
                    + " and " + target.size() + " differ");
        }
        return Interpreter.bind(new Reshape(target), this);
    }

    /** The axes reversed (the matrix transpose for rank 2). */
    public Tensor transpose() {
        int r = rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = r - 1 - i;
        }
        return permute(p);
    }

    /** Two axes swapped. */
    public Tensor transpose(int a, int b) {
        int r = rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = i;
        }
        int x = shape().axis(a, "transpose");
        int y = shape().axis(b, "transpose");
        p[x] = y;
        p[y] = x;
        return permute(p);
    }

    /** The axes permuted: output axis i is input axis perm[i]. */
    public Tensor permute(int... perm) {
        int[] p = new int[perm.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = perm[i] < 0 ? perm[i] + rank() : perm[i];
        }
        Transpose t = new Transpose(p);
        t.shape(shape());
        return isIdentity(p) ? this : Interpreter.bind(t, this);
    }

    /** All size-1 axes removed. */
    public Tensor squeeze() {
        int[] d = Arrays.stream(shape().dims()).filter(n -> n != 1).toArray();
        return reshape(Shape.of(d));
    }

    /** A size-1 axis removed. */
    public Tensor squeeze(int axis) {
        int a = shape().axis(axis, "squeeze");
        if (shape().dim(a) != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of " + shape() + " has length "
                    + shape().dim(a) + ", not 1");
        }
        return reshape(shape().remove(a));
    }

    /** A size-1 axis inserted at {@code axis} (negative counts from the end of the result). */
    public Tensor unsqueeze(int axis) {
        int a = axis < 0 ? axis + rank() + 1 : axis;
        if (a < 0 || a > rank()) {
            throw new IllegalArgumentException("unsqueeze: axis " + axis + " out of range for shape " + shape());
        }
        return reshape(shape().insert(a, 1));
    }

    /** Broadcast to the given dimensions, where −1 keeps the existing length. */
    public Tensor expand(int... dims) {
        int[] d = dims.clone();
        int off = d.length - rank();
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (i < off) {
                    throw new IllegalArgumentException("expand: -1 for a new axis in " + Arrays.toString(dims));
                }
                d[i] = shape().dim(i - off);
            }
        }
        return broadcastTo(Shape.of(d));
    }

    /** Broadcast (NumPy rules) to the given dimensions. */
    public Tensor broadcastTo(int... dims) {
        return broadcastTo(Shape.of(dims));
    }

    /** Broadcast (NumPy rules) to a shape. */
    public Tensor broadcastTo(Shape target) {
        if (target.equals(shape())) {
            return this;
        }
        if (!shape().broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: " + shape() + " cannot be broadcast to " + target);
        }
        return Interpreter.bind(new Broadcast(target), this);
    }

    /**
     * Elements start, start + step, … before stop along one axis, with Python's conventions: negative indices count
     * from the end, bounds are clamped, a negative step walks backwards (x[::-1] is {@code slice(a, -1,
     * Integer.MIN_VALUE, -1)}; an open end is {@code Integer.MAX_VALUE}).
     */
    public Tensor slice(int axis, int start, int stop, int step) {
        Shape s = shape();
        int a = s.axis(axis, "slice");
        int n = s.dim(a);
        if (step == 0) {
            throw new IllegalArgumentException("slice: step must be nonzero");
        }
        if (step < 0) {
            // Reverse, then slice forward: index i of the original is n−1−i of the flipped axis.
            int b = start == Integer.MAX_VALUE ? n - 1 : norm(start, n, -1, n - 1);
            int e = stop == Integer.MIN_VALUE ? -1 : norm(stop, n, -1, n - 1);
            return flip(a).slice(a, n - 1 - b, n - 1 - e, -step);
        }
        int b = norm(start, n, 0, n);
        int e = Math.max(b, norm(stop, n, 0, n));
        if (b == 0 && e == n && step == 1) {
            return this;
        }
        int r = s.rank();
        int[] lo = new int[r];
        int[] hi = s.dims();
        int[] st = new int[r];
        Arrays.fill(st, 1);
        lo[a] = b;
        hi[a] = e;
        st[a] = step;
        return Interpreter.bind(new Slice(lo, hi, st), this);
    }

    /** Elements start … stop − 1 along an axis (Python conventions). */
    public Tensor slice(int axis, int start, int stop) {
        return slice(axis, start, stop, 1);
    }

    private static int norm(int i, int n, int lo, int hi) {
        int j = i < 0 ? i + n : i;
        return Math.max(lo, Math.min(hi, j));
    }

    /** The sub-tensor at the given leading indices (negative indices count from the end); drops those axes. */
    public Tensor index(int... idx) {
        Tensor t = this;
        for (int i = 0; i < idx.length; i++) {
            int n = t.shape().dim(0);
            int j = idx[i] < 0 ? idx[i] + n : idx[i];
            if (j < 0 || j >= n) {
                throw new IndexOutOfBoundsException("index: " + idx[i] + " out of range for axis of length " + n
                        + " in shape " + t.shape());
            }
            t = t.slice(0, j, j + 1, 1).squeeze(0);
        }
        return t;
    }

    /** take_along_axis: out[…, j, …] = this[…, index[…, j, …], …]; index has this rank and integer values. */
    public Tensor gather(int axis, Tensor index) {
        int a = shape().axis(axis, "gather");
        return Interpreter.bind(new Gather(a, index.stopGradient().array()), this);
    }

    /** The elements at the given positions along an axis (NumPy take): the axis is replaced by indices' shape. */
    public Tensor take(int axis, Tensor indices) {
        Shape s = shape();
        int a = s.axis(axis, "take");
        int k = indices.size();
        Shape target = s.with(a, k);
        int[] d = new int[s.rank()];
        Arrays.fill(d, 1);
        d[a] = k;
        NdArray idx = indices.stopGradient().array().reshape(Shape.of(d)).broadcastTo(target);
        Tensor g = Interpreter.bind(new Gather(a, idx), this);
        Shape out = s.sub(0, a).concat(indices.shape()).concat(s.sub(a + 1, s.rank()));
        return g.reshape(out);
    }

    /** This plus the updates added at the index along an axis (the adjoint of {@link #gather}). */
    public Tensor scatterAdd(int axis, Tensor index, Tensor updates) {
        int a = shape().axis(axis, "scatterAdd");
        return add(Interpreter.bind(new ScatterAdd(a, index.stopGradient().array(), shape()), updates));
    }

    /** Tensors joined along an existing axis. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        if (parts.length == 1) {
            return parts[0];
        }
        int a = parts[0].shape().axis(axis, "concat");
        parts = promoted(parts);
        Shape[] shapes = new Shape[parts.length];
        for (int i = 0; i < parts.length; i++) {
            shapes[i] = parts[i].shape();
        }
        Concat c = new Concat(a);
        c.shape(shapes);
        return Interpreter.bind(c, parts);
    }

    /**
     * The parts cast to one dtype by {@link DType#result} (folded over the parts: operands with dimensions decide
     * unless all are rank 0), or the parts themselves when they agree.
     */
    private static Tensor[] promoted(Tensor... parts) {
        DType t = parts[0].dtype();
        int rank = parts[0].rank();
        boolean mixed = false;
        for (Tensor p : parts) {
            mixed |= p.dtype() != t;
            t = DType.result(t, rank, p.dtype(), p.rank());
            rank = Math.max(rank, p.rank());
        }
        if (!mixed) {
            return parts;
        }
        Tensor[] out = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].astype(t);
        }
        return out;
    }

    /** Tensors of equal shape stacked along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: no tensors");
        }
        Tensor[] u = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].shape().equals(parts[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + parts[0].shape() + " and " + parts[i].shape()
                        + " differ");
            }
            u[i] = parts[i].unsqueeze(axis);
        }
        return concat(axis, u);
    }

    /** Pieces of the given lengths along an axis (they must add up to its length). */
    public List<Tensor> split(int axis, int... sizes) {
        int a = shape().axis(axis, "split");
        int total = Arrays.stream(sizes).sum();
        if (total != shape().dim(a)) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " add up to " + total
                    + ", not the length " + shape().dim(a) + " of axis " + axis + " of " + shape());
        }
        List<Tensor> out = new ArrayList<>();
        int pos = 0;
        for (int n : sizes) {
            out.add(slice(a, pos, pos + n, 1));
            pos += n;
        }
        return out;
    }

    /** Zeros added around: widths are (before, after) pairs, one per axis. */
    public Tensor pad(int... widths) {
        int r = rank();
        if (widths.length != 2 * r) {
            throw new IllegalArgumentException("pad: " + widths.length + " widths for shape " + shape()
                    + " (need a before/after pair per axis)");
        }
        int[] lo = new int[r];
        int[] hi = new int[r];
        for (int i = 0; i < r; i++) {
            lo[i] = widths[2 * i];
            hi[i] = widths[2 * i + 1];
        }
        Pad p = new Pad(lo, hi, new int[r]);
        p.shape(shape());
        return Interpreter.bind(p, this);
    }

    /** The element order reversed along the given axes (all when none are given). */
    public Tensor flip(int... axes) {
        int[] a = shape().axes(axes, "flip");
        return a.length == 0 ? this : Interpreter.bind(new Flip(a), this);
    }

    // ------------------------------------------------------------------ convolution and pooling

    /**
     * 2-d convolution (cross-correlation, as in every framework) of channels-last images {@code [N, H, W, C]} with a
     * kernel {@code [kh, kw, C, O]}, the same stride and zero padding on both axes: {@code [N, OH, OW, O]} with
     * OH = ⌊(H + 2·padding − kh)/stride⌋ + 1.
     */
    public Tensor conv2d(Tensor kernel, int stride, int padding) {
        return conv2d(kernel, new int[] {stride, stride}, new int[] {padding, padding}, new int[] {1, 1});
    }

    /**
     * 2-d convolution with (row, column) strides, paddings and dilations: y[n, oy, ox, o] = Σ x[n, oy·sh − ph +
     * i·dh, ox·sw − pw + j·dw, c] · w[i, j, c, o], zero outside the image.
     */
    public Tensor conv2d(Tensor kernel, int[] stride, int[] padding, int[] dilation) {
        Shape x = shape();
        Shape w = kernel.shape();
        if (x.rank() != 4 || w.rank() != 4 || x.dim(3) != w.dim(2)) {
            throw new IllegalArgumentException("conv2d: input " + x + " and kernel " + w
                    + " (need [N, H, W, C] and [kh, kw, C, O])");
        }
        if (stride.length != 2 || padding.length != 2 || dilation.length != 2) {
            throw new IllegalArgumentException("conv2d: stride, padding and dilation need two values (rows, columns)");
        }
        Window g = window("conv2d", x, w.dim(0), w.dim(1), stride, padding, dilation);
        Tensor[] xw = promoted(this, kernel);
        return Interpreter.bind(new Conv(g, Conv.Slot.OUTPUT), xw[0], xw[1]);
    }

    /** The maximum over each size × size window of channels-last images {@code [N, H, W, C]}; padding never wins. */
    public Tensor maxPool2d(int size, int stride, int padding) {
        return Interpreter.bind(new MaxPool(poolWindow("maxPool2d", size, stride, padding), MaxPool.Role.VALUE),
                this);
    }

    /** The mean over each size × size window of channels-last images {@code [N, H, W, C]}; padding counts as 0. */
    public Tensor avgPool2d(int size, int stride, int padding) {
        return Interpreter.bind(new AvgPool(poolWindow("avgPool2d", size, stride, padding), false), this);
    }

    private Window poolWindow(String op, int size, int stride, int padding) {
        if (rank() != 4) {
            throw new IllegalArgumentException(op + ": input of shape " + shape() + ", expected [N, H, W, C]");
        }
        if (padding < 0 || padding > size / 2) {
            throw new IllegalArgumentException(op + ": padding " + padding + " for a window of size " + size
                    + " (need 0 ≤ padding ≤ size/2)");
        }
        return window(op, shape(), size, size, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {1, 1});
    }

    private static Window window(String op, Shape x, int kh, int kw, int[] stride, int[] padding, int[] dilation) {
        try {
            return new Window(x.dim(1), x.dim(2), kh, kw, stride[0], stride[1], padding[0], padding[1], dilation[0],
                    dilation[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": input " + x + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * The matrix product, NumPy-style: vectors are promoted (and the added axis removed), leading batch axes
     * broadcast.
     */
    public Tensor matmul(Tensor b) {
        Tensor a = this;
        Shape sa = a.shape();
        Shape sb = b.shape();
        if (sa.rank() == 0 || sb.rank() == 0) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": operands must not be scalars");
        }
        int ka = sa.dim(-1);
        int kb = sb.rank() == 1 ? sb.dim(0) : sb.dim(-2);
        if (ka != kb) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": inner dimensions " + ka + " and "
                    + kb + " differ");
        }
        if (a.dtype() != b.dtype()) {
            Tensor[] ab = promoted(a, b);
            a = ab[0];
            b = ab[1];
        }
        boolean va = sa.rank() == 1;
        boolean vb = sb.rank() == 1;
        if (va) {
            a = a.unsqueeze(0);
        }
        if (vb) {
            b = b.unsqueeze(-1);
        }
        sa = a.shape();
        sb = b.shape();
        Shape batchA = sa.sub(0, sa.rank() - 2);
        Shape batchB = sb.sub(0, sb.rank() - 2);
        if (!batchA.equals(batchB) && batchA.rank() > 0 && batchB.rank() > 0) {
            Shape batch = Shape.broadcast("matmul", batchA, batchB);
            a = a.broadcastTo(batch.concat(sa.sub(sa.rank() - 2, sa.rank())));
            b = b.broadcastTo(batch.concat(sb.sub(sb.rank() - 2, sb.rank())));
        }
        Gemm.shape(a.shape(), b.shape(), false, false);
        Tensor c = Interpreter.bind(new MatMul(false, false), a, b);
        if (va) {
            c = c.squeeze(-2);
        }
        if (vb) {
            c = c.squeeze(-1);
        }
        return c;
    }

    /** The inner product of two vectors (for higher ranks, {@link #matmul}). */
    public Tensor dot(Tensor b) {
        return matmul(b);
    }

    /** The outer product of two vectors: out[i, j] = a[i] b[j]. */
    public Tensor outer(Tensor b) {
        if (rank() != 1 || b.rank() != 1) {
            throw new IllegalArgumentException("outer: " + shape() + " and " + b.shape() + ": operands must be vectors");
        }
        return unsqueeze(1).mul(b.unsqueeze(0));
    }
}
