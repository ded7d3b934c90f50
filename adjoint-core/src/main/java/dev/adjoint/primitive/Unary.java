package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.interpret.Evaluate;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;

/**
 * f(x) elementwise for a row f of the scalar table ({@link Elementary}, {@code Power}, {@code Polygamma}): the
 * row is the function's one definition, value and derivative, so ẏ = f′(x) ẋ and x̄ = ȳ f′(x) with f′ written
 * over {@code Real} and evaluated here on tensors (differentiable again, to any order). A few derivatives reuse the
 * output (exp′ = y, tanh′ = 1 − y², sqrt′ = 1/(2y), sigmoid′ = y(1 − y)). The kernel is the row's value, or an
 * array kernel computing the same bits faster (affine, negation, square, and tanh in two vectorisable passes: see
 * {@link dev.adjoint.scalar.FastMath}).
 */
public record Unary(UnaryFunction function) implements Elementwise {

    /**
     * x ↦ a x + b, the row behind arithmetic with a constant ({@code x.mul(2)}, {@code x.add(1)}, {@code 1 - x}):
     * one pass forward and one backward instead of a broadcast constant and a binary primitive.
     */
    public record Affine(double scale, double shift) implements UnaryFunction {

        @Override
        public String symbol() {
            return "affine";
        }

        @Override
        public double value(double x) {
            return scale * x + shift;
        }

        @Override
        public double slope(double x) {
            return scale;
        }

        @Override
        public Real derivative(Real x) {
            return x.constant(scale);
        }
    }

    /**
     * max(x, 0) with slope 1 above 0, ½ at 0 (a tie of {@code maximum}, as everywhere in the library) and 0 below:
     * one pass forward and one backward, where {@code maximum(x, 0)} broadcasts a zero and its rule takes four
     * comparison passes. Its derivative (sign(x) + 1)/2 is piecewise constant, so every higher one is zero.
     */
    public record Relu() implements UnaryFunction {

        @Override
        public String symbol() {
            return "relu";
        }

        @Override
        public double value(double x) {
            return Math.max(x, 0);
        }

        @Override
        public double slope(double x) {
            return x > 0 ? 1 : x == 0 ? 0.5 : 0;
        }

        @Override
        public Real derivative(Real x) {
            return x.signum().add(1).mul(0.5);
        }
    }

    @Override
    public String name() {
        return function.symbol();
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        UnaryFunction f = function;
        if (f instanceof Affine) {
            return x[0].affine(((Affine) f).scale, ((Affine) f).shift);
        } else if (f == Elementary.NEG) {
            return x[0].scale(-1);
        } else if (f instanceof Power && ((Power) f).exponent() == 2) {
            return x[0].mul(x[0]);
        } else if (f == Elementary.TANH) {
            return x[0].tanh();
        } else if (f instanceof Relu) {
            return x[0].relu();
        }
        return x[0].map(f::value);
    }

    /** f′(x) as a tensor expression (y = f(x) is given for the rows whose derivative is cheaper from it). */
    public Tensor derivative(Tensor x, Tensor y) {
        if (function == Elementary.EXP) {
            return y;
        } else if (function == Elementary.TANH) {
            return y.square().neg().add(1);
        } else if (function == Elementary.SQRT) {
            return y.reciprocal().mul(0.5);
        } else if (function == Elementary.SIGMOID) {
            return y.mul(y.neg().add(1));
        } else if (function == Elementary.NEG) {
            return Tensor.scalar(-1, x.dtype()).broadcastTo(x.shape());
        } else if (function instanceof Affine) {
            return Tensor.scalar(((Affine) function).scale, x.dtype()).broadcastTo(x.shape());
        } else if (function instanceof Power && ((Power) function).exponent() == 2) {
            return x.mul(2);
        }
        return TensorReal.of(function.derivative(new TensorReal(x))).broadcastTo(x.shape()).astype(x.dtype());
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[0] == null) {
            return null;
        }
        if (function == Elementary.NEG) {
            return t[0].neg();
        } else if (function instanceof Affine) {
            return t[0].mul(((Affine) function).scale);
        }
        if (t[0].isConcrete() && x[0].isConcrete() && y.isConcrete()) {
            return Tensor.of(Evaluate.check("jvp of " + name(), fused(t[0].array(), x[0].array(), y.array())));
        }
        return SafeMul.apply(t[0], derivative(x[0], y));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        if (function == Elementary.NEG) {
            return new Tensor[] {g.neg()};
        } else if (function instanceof Affine) {
            return new Tensor[] {g.mul(((Affine) function).scale)};
        }
        if (g.isConcrete() && x[0].isConcrete() && y.isConcrete()) {
            return new Tensor[] {Tensor.of(Evaluate.check("vjp of " + name(), fused(g.array(), x[0].array(),
                    y.array())))};
        }
        if (function instanceof Power && ((Power) function).exponent() == 2) {
            return new Tensor[] {SafeMul.apply(g.mul(2), x[0])};
        }
        return new Tensor[] {SafeMul.apply(g, derivative(x[0], y))};
    }

    /** ȳ ⊙ f′(x) (or ẋ ⊙ f′(x), see {@link SafeMul}) in one pass, for the innermost transform's concrete values. */
    private NdArray fused(NdArray g, NdArray x, NdArray y) {
        UnaryFunction f = function;
        if (f == Elementary.EXP) {
            return g.zip(y, (a, b) -> a == 0 ? 0 : a * b);
        } else if (f == Elementary.TANH) {
            return g.zip(y, (a, b) -> a * (1 - b * b));
        } else if (f == Elementary.SIGMOID) {
            return g.zip(y, (a, b) -> a * b * (1 - b));
        } else if (f == Elementary.SQRT) {
            return g.zip(y, (a, b) -> a == 0 ? 0 : a * 0.5 / b);
        } else if (f instanceof Power && ((Power) f).exponent() == 2) {
            return g.zip(x, (a, b) -> 2 * a * b);
        } else if (f instanceof Relu) {
            return x.reluSlope(g);
        }
        return g.zip(x, (a, b) -> a == 0 ? 0 : a * f.slope(b));
    }
}
