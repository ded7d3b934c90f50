package dev.adjoint;

import dev.adjoint.array.Shape;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one op table: every public tensor operation (and through them every primitive) with input shapes and an
 * input domain. {@link OpTableTest} checks each row in every mode; {@link CoverageTest} fails when an operation or
 * a primitive has no row.
 */
final class OpTable {

    /** A row: the Tensor method it exercises, a label, the function, the domain and the input shapes. */
    record Op(String method, String label, Function<List<Tensor>, Tensor> f, double lo, double hi, Shape[] shapes,
              boolean zeroDerivative) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Op> ROWS = new ArrayList<>();

    private OpTable() {
    }

    static List<Op> rows() {
        if (ROWS.isEmpty()) {
            build();
        }
        return ROWS;
    }

    private static Shape[] shapes(int[]... s) {
        Shape[] out = new Shape[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Shape.of(s[i]);
        }
        return out;
    }

    private static void row(String method, String label, Function<List<Tensor>, Tensor> f, double lo, double hi,
                            int[]... s) {
        ROWS.add(new Op(method, method + ":" + label, f, lo, hi, shapes(s), false));
    }

    private static void row1(String method, String label, Function<Tensor, Tensor> f, double lo, double hi,
                             int... s) {
        row(method, label, a -> f.apply(a.get(0)), lo, hi, s);
    }

    private static void row2(String method, String label, java.util.function.BiFunction<Tensor, Tensor, Tensor> f,
                             double lo, double hi, int[] s1, int[] s2) {
        row(method, label, a -> f.apply(a.get(0), a.get(1)), lo, hi, s1, s2);
    }

    private static int[] s(int... d) {
        return d;
    }

    /** The domain where a table row is smooth, kept away from its ends. */
    private static double[] domain(Elementary e) {
        double lo = Double.isFinite(e.lower()) ? e.lower() + 0.2 : -2;
        double hi = Double.isFinite(e.upper()) ? e.upper() - 0.2 : 2;
        if (e == Elementary.CBRT || e == Elementary.RECIPROCAL) {
            lo = 0.3;
        }
        if (e == Elementary.LGAMMA || e == Elementary.DIGAMMA) {
            lo = 0.5;
            hi = 3;
        }
        if (e == Elementary.ACOSH) {
            hi = 3;
        }
        return new double[] {lo, hi};
    }

    private static void build() {
        // Elementwise functions of one variable: every row of the scalar table, through its Tensor method.
        String[][] methods = {{"neg", "NEG"}, {"reciprocal", "RECIPROCAL"}, {"sqrt", "SQRT"}, {"cbrt", "CBRT"},
            {"exp", "EXP"}, {"expm1", "EXPM1"}, {"log", "LOG"}, {"log1p", "LOG1P"}, {"log2", "LOG2"},
            {"log10", "LOG10"}, {"sin", "SIN"}, {"cos", "COS"}, {"tan", "TAN"}, {"asin", "ASIN"}, {"acos", "ACOS"},
            {"atan", "ATAN"}, {"sinh", "SINH"}, {"cosh", "COSH"}, {"tanh", "TANH"}, {"asinh", "ASINH"},
            {"acosh", "ACOSH"}, {"atanh", "ATANH"}, {"abs", "ABS"}, {"signum", "SIGNUM"}, {"sigmoid", "SIGMOID"},
            {"softplus", "SOFTPLUS"}, {"erf", "ERF"}, {"erfc", "ERFC"}, {"lgamma", "LGAMMA"},
            {"digamma", "DIGAMMA"}};
        for (String[] m : methods) {
            Elementary e = Elementary.valueOf(m[1]);
            double[] d = domain(e);
            row1(m[0], "", x -> invoke(x, m[0]), d[0], d[1], 2, 3);
        }
        for (Elementary e : Elementary.values()) {
            double[] d = domain(e);
            row1("apply", e.name(), x -> x.apply(e), d[0], d[1], 3);
        }
        row1("apply", "pow3.5", x -> x.apply(Power.of(3.5)), 0.3, 2, 4);
        row1("polygamma", "2", x -> x.polygamma(2), 0.5, 3, 3);
        row1("square", "", Tensor::square, -2, 2, 2, 3);
        row1("pow", "double", x -> x.pow(2.5), 0.2, 2, 4);
        row1("pow", "int", x -> x.pow(3), -2, 2, 4);
        row2("pow", "tensor", Tensor::pow, 0.3, 2, s(2, 3), s(3));
        row2("atan2", "", Tensor::atan2, -2, 2, s(4), s(4));
        row2("hypot", "", Tensor::hypot, -2, 2, s(2, 2), s(2, 2));
        row1("relu", "", Tensor::relu, -2, 2, 6);
        row2("maximum", "tensor", Tensor::maximum, -2, 2, s(3, 2), s(2));
        row1("maximum", "double", x -> x.maximum(0.3), -2, 2, 5);
        row2("minimum", "tensor", Tensor::minimum, -2, 2, s(4), s(4));
        row1("minimum", "double", x -> x.minimum(-0.3), -2, 2, 5);
        row1("clamp", "", x -> x.clamp(-0.5, 0.7), -2, 2, 6);

        // Arithmetic with broadcasting.
        row2("add", "broadcast", Tensor::add, -2, 2, s(3, 4), s(4));
        row2("add", "both", Tensor::add, -2, 2, s(2, 1, 3), s(4, 1));
        row1("add", "double", x -> x.add(1.5), -2, 2, 3);
        row2("sub", "broadcast", Tensor::sub, -2, 2, s(3, 1), s(1, 4));
        row1("sub", "double", x -> x.sub(0.5), -2, 2, 3);
        row1("rsub", "", x -> x.rsub(0.5), -2, 2, 3);
        row2("mul", "broadcast", Tensor::mul, -2, 2, s(2, 3), s(2, 1));
        row2("mul", "scalar", Tensor::mul, -2, 2, s(3), s());
        row1("mul", "double", x -> x.mul(-3), -2, 2, 3);
        row2("div", "broadcast", Tensor::div, 0.5, 2, s(2, 3), s(3));
        row1("div", "double", x -> x.div(4), -2, 2, 3);
        row1("rdiv", "", x -> x.rdiv(2), 0.5, 2, 3);

        // Comparisons and selection (piecewise constant: derivative zero away from ties).
        row2("gt", "", Tensor::gt, -2, 2, s(5), s(5));
        row1("gt", "double", x -> x.gt(0.1), -2, 2, 5);
        row2("ge", "", Tensor::ge, -2, 2, s(5), s(1));
        row1("ge", "double", x -> x.ge(0.1), -2, 2, 5);
        row2("lt", "", Tensor::lt, -2, 2, s(5), s(5));
        row1("lt", "double", x -> x.lt(0.1), -2, 2, 5);
        row2("le", "", Tensor::le, -2, 2, s(5), s(5));
        row1("le", "double", x -> x.le(0.1), -2, 2, 5);
        row2("eq", "", (x, y) -> x.eq(y).add(x), -2, 2, s(5), s(5));
        row1("eq", "double", x -> x.eq(0.1).add(x), -2, 2, 5);
        row2("ne", "", (x, y) -> x.ne(y).mul(x), -2, 2, s(5), s(5));
        row1("ne", "double", x -> x.ne(0.1).mul(x), -2, 2, 5);
        row2("where", "", (x, y) -> Tensor.where(x.gt(y), x.sin(), y.square()), -2, 2, s(2, 3), s(3));
        row1("where", "double", x -> Tensor.where(x.gt(0), x.exp(), 0.5), -2, 2, 6);
        ROWS.add(new Op("stopGradient", "stopGradient:", a -> a.get(0).stopGradient().mul(3), -2, 2,
                shapes(s(3)), true));

        // Reductions.
        row1("sum", "all", Tensor::sum, -2, 2, 3, 4);
        row1("sum", "axes", x -> x.sum(0, 2), -2, 2, 2, 3, 4);
        row1("sum", "keep", x -> x.sum(new int[] {1}, true), -2, 2, 2, 3);
        row1("mean", "all", Tensor::mean, -2, 2, 3, 4);
        row1("mean", "axes", x -> x.mean(-1), -2, 2, 3, 4);
        row1("mean", "keep", x -> x.mean(new int[] {0}, true), -2, 2, 3, 4);
        row1("prod", "all", Tensor::prod, -2, 2, 5);
        row1("prod", "axes", x -> x.prod(new int[] {0, 2}, false), -2, 2, 3, 2, 3);
        row1("prod", "keep", x -> x.prod(new int[] {1}, true), -2, 2, 2, 7);
        row1("max", "all", Tensor::max, -2, 2, 3, 4);
        row1("max", "axes", x -> x.max(new int[] {1}, false), -2, 2, 3, 4);
        row1("max", "keep", x -> x.max(new int[] {0, 2}, true), -2, 2, 2, 3, 2);
        row1("min", "all", Tensor::min, -2, 2, 3, 4);
        row1("min", "axes", x -> x.min(new int[] {0}, false), -2, 2, 3, 4);
        row1("argmax", "all", Tensor::argmax, -2, 2, 3, 4);
        row1("argmax", "axis", x -> x.argmax(1, false), -2, 2, 3, 4);
        row1("argmin", "all", Tensor::argmin, -2, 2, 3, 4);
        row1("argmin", "axis", x -> x.argmin(0, true), -2, 2, 3, 4);
        row1("var", "all", Tensor::var, -2, 2, 3, 4);
        row1("var", "axes", x -> x.var(new int[] {1}, true), -2, 2, 3, 4);
        row1("std", "all", Tensor::std, -2, 2, 3, 4);
        row1("std", "axes", x -> x.std(new int[] {0}, false), -2, 2, 3, 4);
        row1("norm", "all", Tensor::norm, -2, 2, 3, 4);
        row1("norm", "axes", x -> x.norm(new int[] {1}, false), -2, 2, 3, 4);
        row1("logsumexp", "all", Tensor::logsumexp, -2, 2, 3, 4);
        row1("logsumexp", "axes", x -> x.logsumexp(new int[] {1}, false), -2, 2, 3, 4);
        
        row1("cumsum", "", x -> x.cumsum(1), -2, 2, 3, 4);
        row1("softmax", "", x -> x.softmax(1), -2, 2, 3, 4);
        row1("logSoftmax", "", x -> x.logSoftmax(-1), -2, 2, 3, 4);

        // Shape.
        row1("reshape", "infer", x -> x.reshape(4, -1).sin(), -2, 2, 2, 6);
        row1("reshape", "shape", x -> x.reshape(Shape.of(3, 4)).sin(), -2, 2, 12);
        row1("transpose", "", x -> x.transpose().sin(), -2, 2, 2, 3);
        row1("transpose", "axes", x -> x.transpose(0, 2).sin(), -2, 2, 2, 3, 4);
        row1("permute", "", x -> x.permute(1, 2, 0).sin(), -2, 2, 2, 3, 4);
        row1("squeeze", "all", x -> x.squeeze().sin(), -2, 2, 1, 3, 1);
        row1("squeeze", "axis", x -> x.squeeze(-1).sin(), -2, 2, 3, 1);
        row1("unsqueeze", "", x -> x.unsqueeze(1).sin(), -2, 2, 3, 2);
        row1("expand", "", x -> x.expand(2, -1, 3).sin(), -2, 2, 4, 1);
        row1("broadcastTo", "", x -> x.broadcastTo(3, 2, 4).sin(), -2, 2, 2, 1);
        row1("broadcastTo", "shape", x -> x.broadcastTo(Shape.of(2, 3)).sin(), -2, 2, 3);
        row1("slice", "step", x -> x.slice(1, 1, 7, 2).sin(), -2, 2, 3, 8);
        row1("slice", "negative", x -> x.slice(0, -1, Integer.MIN_VALUE, -2).sin(), -2, 2, 7, 2);
        row1("slice", "simple", x -> x.slice(0, 1, 3).sin(), -2, 2, 4);
        row1("index", "", x -> x.index(1, -1).sin(), -2, 2, 3, 4, 2);
        Tensor idx = Tensor.of(new double[][] {{2, 0}, {1, 1}, {0, 3}});
        row1("gather", "", x -> x.gather(1, idx).sin(), -2, 2, 3, 4);
        row1("take", "", x -> x.take(1, Tensor.of(3, 0, 0, 2)).sin(), -2, 2, 2, 4);
        row2("scatterAdd", "", (x, u) -> x.scatterAdd(1, idx, u.sin()), -2, 2, s(3, 4), s(3, 2));
        row2("concat", "", (x, y) -> Tensor.concat(1, x, y.square()), -2, 2, s(2, 3), s(2, 2));
        row2("stack", "", (x, y) -> Tensor.stack(1, x, y.square()), -2, 2, s(2, 3), s(2, 3));
        row1("split", "", x -> {
            List<Tensor> p = x.split(0, 1, 3);
            return Tensor.concat(0, p.get(1).square(), p.get(0));
        }, -2, 2, 4, 2);
        row1("pad", "", x -> x.pad(1, 0, 2, 1).sin(), -2, 2, 2, 3);
        row1("flip", "", x -> x.flip(1).mul(Tensor.arange(3)), -2, 2, 2, 3);
        row1("flip", "all", x -> x.flip().mul(Tensor.arange(6).reshape(2, 3)), -2, 2, 2, 3);

        // Linear algebra.
        row2("matmul", "matrix", Tensor::matmul, -2, 2, s(3, 4), s(4, 2));
        row2("matmul", "batched", Tensor::matmul, -2, 2, s(2, 3, 4), s(4, 2));
        row2("matmul", "broadcast", Tensor::matmul, -2, 2, s(2, 1, 3, 2), s(3, 2, 2));
        row2("matmul", "vector", Tensor::matmul, -2, 2, s(3), s(3, 2));
        row2("matmul", "matvec", Tensor::matmul, -2, 2, s(2, 3), s(3));
        row2("dot", "", Tensor::dot, -2, 2, s(4), s(4));
        row2("outer", "", Tensor::outer, -2, 2, s(3), s(2));

        // Convolution and pooling on channels-last images [N, H, W, C].
        row2("conv2d", "3×3 pad 1", (x, w) -> x.conv2d(w, 1, 1), -2, 2, s(2, 5, 5, 2), s(3, 3, 2, 3));
        row2("conv2d", "stride, padding, dilation per axis", (x, w) -> x.conv2d(w, new int[] {2, 1},
                new int[] {1, 0}, new int[] {1, 2}).sin(), -2, 2, s(1, 6, 7, 2), s(2, 3, 2, 2));
        Tensor kernel = Tensor.uniform(Rng.seed(11), -1, 1, 2, 2, 3, 2);
        row1("conv2d", "constant kernel, stride 2", x -> x.conv2d(kernel, 2, 0).square(), -2, 2, 2, 4, 5, 3);
        row1("maxPool2d", "2 (tiling)", x -> x.maxPool2d(2, 2, 0).sin(), -2, 2, 2, 4, 4, 3);
        row1("maxPool2d", "3 stride 2 pad 1", x -> x.maxPool2d(3, 2, 1).square(), -2, 2, 1, 5, 5, 2);
        row1("avgPool2d", "2 (tiling)", x -> x.avgPool2d(2, 2, 0).sin(), -2, 2, 2, 4, 6, 2);
        row1("avgPool2d", "3 stride 1 pad 1", x -> x.avgPool2d(3, 1, 1).square(), -2, 2, 1, 4, 4, 2);

        // User rules (Ad.customVjp / customJvp) behave like the code they replace.
        Function<Tensor, Tensor> sinVjp = Ad.customVjp(Tensor::sin, (x, y, g) -> g.mul(x.cos()));
        Function<Tensor, Tensor> sinJvp = Ad.customJvp(Tensor::sin, (x, t, y) -> t.mul(x.cos()));
        ROWS.add(new Op("customVjp", "customVjp:sin", a -> sinVjp.apply(a.get(0)).mul(a.get(0)), -2, 2,
                shapes(s(2, 2)), false));
        ROWS.add(new Op("customJvp", "customJvp:sin", a -> sinJvp.apply(a.get(0)).mul(a.get(0)), -2, 2,
                shapes(s(2, 2)), false));
    }

    private static Tensor invoke(Tensor x, String method) {
        try {
            return (Tensor) Tensor.class.getMethod(method).invoke(x);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
