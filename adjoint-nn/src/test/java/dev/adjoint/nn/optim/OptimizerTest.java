package dev.adjoint.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.layer.Linear;
import dev.adjoint.nn.loss.Losses;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each optimiser on problems whose minimum is known. */
class OptimizerTest {

    // f(x) = ½ xᵀAx − bᵀx with A = diag(1, 4, 10) + a coupling; minimum A⁻¹b.
    private static final Tensor A = Tensor.of(new double[][] {{1, 0.5, 0}, {0.5, 4, 1}, {0, 1, 10}});
    private static final Tensor B = Tensor.of(1, -2, 3);

    private static Tensor quadratic(Tensor x) {
        return x.matmul(A.matmul(x)).mul(0.5).sub(B.matmul(x));
    }

    private static double[] quadraticMinimum() {
        // Solved by hand-free means: Newton's step from 0 with the exact Hessian via Ad.hessian.
        Tensor h = Ad.hessian(OptimizerTest::quadratic).apply(Tensor.zeros(3));
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = h.get(i, j);
            }
            m[i][3] = B.get(i);
        }
        for (int c = 0; c < 3; c++) {
            for (int r = c + 1; r < 3; r++) {
                double k = m[r][c] / m[c][c];
                for (int j = c; j < 4; j++) {
                    m[r][j] -= k * m[c][j];
                }
            }
        }
        double[] x = new double[3];
        for (int i = 2; i >= 0; i--) {
            double s = m[i][3];
            for (int j = i + 1; j < 3; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    static Stream<Arguments> quadraticCases() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> Sgd.of(0.15), 400),
                Arguments.of("sgd momentum", (Supplier<Optimizer>) () -> Sgd.of(0.05).momentum(0.9), 400),
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> Sgd.of(0.05).nesterov(0.9), 400),
                Arguments.of("adam", (Supplier<Optimizer>) () -> Adam.of(Schedule.cosine(0.1, 2000, 1e-4)), 2000),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> RmsProp.of(Schedule.cosine(0.01, 3000, 1e-6)).rho(0.9), 3000),
                Arguments.of("lbfgs", (Supplier<Optimizer>) Lbfgs::create, 20),
                Arguments.of("hessian-free (Hessian)",
                        (Supplier<Optimizer>) () -> HessianFree.of(HessianFree.Curvature.HESSIAN, 1e-3, 20), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quadraticCases")
    void quadraticMinimum(String name, Supplier<Optimizer> make, int steps) {
        Optimizer opt = make.get();
        Tensor x = Tensor.of(3, 3, 3);
        Function<Tensor, Tensor> f = OptimizerTest::quadratic;
        for (int i = 0; i < steps; i++) {
            x = opt.step(f, x).params();
        }
        assertThat(x.toArray()).containsExactly(quadraticMinimum(), within(1e-3));
    }

    static Tensor rosenbrock(Tensor x) {
        Tensor a = x.index(0);
        Tensor b = x.index(1);
        return a.rsub(1).square().add(b.sub(a.square()).square().mul(100));
    }

    @Test
    void lbfgsSolvesRosenbrock() {
        Lbfgs opt = Lbfgs.create();
        Tensor x = Tensor.of(-1.2, 1);
        Function<Tensor, Tensor> f = OptimizerTest::rosenbrock;
        for (int i = 0; i < 100; i++) {
            x = opt.step(f, x).params();
        }
        assertThat(x.toArray()).containsExactly(new double[] {1, 1}, within(1e-6));
        assertThat(opt.evaluations()).isLessThan(200);
    }

    @Test
    void hessianFreeSolvesRosenbrock() {
        HessianFree opt = HessianFree.of(HessianFree.Curvature.HESSIAN, 1, 10);
        Tensor x = Tensor.of(-1.2, 1);
        Function<Tensor, Tensor> f = OptimizerTest::rosenbrock;
        for (int i = 0; i < 200; i++) {
            x = opt.step(f, x).params();
        }
        assertThat(x.toArray()).containsExactly(new double[] {1, 1}, within(1e-4));
    }

    @Test
    void adamSolvesRosenbrock() {
        Optimizer opt = Adam.of(Schedule.step(0.02, 3000, 0.1));
        Tensor x = Tensor.of(-1.2, 1);
        Function<Tensor, Tensor> f = OptimizerTest::rosenbrock;
        for (int i = 0; i < 9000; i++) {
            x = opt.step(f, x).params();
        }
        assertThat(x.toArray()).containsExactly(new double[] {1, 1}, within(1e-2));
    }

    /** L2-regularised logistic regression on a record (Linear): the minimum is where the gradient vanishes. */
    static Stream<Arguments> logisticCases() {
        return Stream.of(
                Arguments.of("lbfgs", (Supplier<Optimizer>) Lbfgs::create, 60),
                Arguments.of("hessian-free (Gauss-Newton)", (Supplier<Optimizer>) HessianFree::create, 30),
                Arguments.of("adamw", (Supplier<Optimizer>) () -> Adam.of(Schedule.cosine(0.05, 3000, 1e-5)), 3000),
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> Sgd.of(0.5).nesterov(0.9), 3000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logisticCases")
    void logisticRegressionReachesStationaryPoint(String name, Supplier<Optimizer> make, int steps) {
        Rng rng = Rng.seed(3);
        Tensor x = Tensor.randn(rng, 80, 3);
        Tensor w = Tensor.of(new double[][] {{2}, {-1}, {0.5}});
        Tensor y = x.matmul(w).add(Tensor.randn(rng, 80, 1)).gt(0);
        Objective<Linear> obj = new Objective<>(m -> m.apply(x), z -> Losses.bceWithLogits(z, y));
        Function<Linear, Tensor> f = m -> obj.apply(m).add(m.weight().square().sum().mul(0.01));
        Objective<Linear> regularised = new Objective<>(m -> Tensor.concat(0, m.apply(x).reshape(-1),
                m.weight().reshape(-1)),
                z -> Losses.bceWithLogits(z.slice(0, 0, 80).reshape(80, 1), y)
                        .add(z.slice(0, 80, 83).square().sum().mul(0.01)));
        Linear m = Linear.create(3, 1, Init.XAVIER_NORMAL, rng);
        Optimizer opt = make.get();
        Function<Linear, Tensor> objective = opt instanceof HessianFree ? regularised : f;
        for (int i = 0; i < steps; i++) {
            m = opt.step(objective, m).params();
        }
        Linear grad = Ad.gradTree(f).apply(m);
        double norm = Clip.globalNorm(grad);
        assertThat(norm).as(name + " gradient norm at the result").isLessThan(1e-4);
        assertThat(f.apply(m).item()).isLessThan(f.apply(Linear.create(3, 1, Init.ZEROS, rng)).item());
    }

    @Test
    void hessianFreeGaussNewtonMatchesHessianOnLeastSquares() {
        // For a linear model with squared loss, Gauss–Newton equals the Hessian: one undamped step is Newton's.
        Rng rng = Rng.seed(9);
        Tensor x = Tensor.randn(rng, 30, 4);
        Tensor y = Tensor.randn(rng, 30, 1);
        Objective<Linear> obj = new Objective<>(m -> m.apply(x), z -> Losses.mse(z, y));
        Linear m = Linear.create(4, 1, Init.XAVIER_NORMAL, rng);
        HessianFree hf = HessianFree.of(HessianFree.Curvature.GAUSS_NEWTON, 0, 50);
        Linear m1 = hf.step(obj, m).params();
        Linear grad = Ad.gradTree(obj).apply(m1);
        assertThat(Clip.globalNorm(grad)).isLessThan(1e-8);
        assertThat(hf.lastRho()).isCloseTo(1, within(1e-6));
    }

    @Test
    void dampingFollowsLevenbergMarquardt() {
        // On a quadratic the model is exact (ρ = 1), so λ shrinks by 2/3 each step.
        HessianFree hf = HessianFree.of(HessianFree.Curvature.HESSIAN, 1, 3);
        Tensor x = Tensor.of(3, 3, 3);
        x = hf.step(OptimizerTest::quadratic, x).params();
        assertThat(hf.lastRho()).isCloseTo(1, within(1e-9));
        assertThat(hf.damping()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void optimisersWorkOnAnyStructure() {
        // A list of a record and a tensor: the same optimiser, the same type back.
        List<Object> p = List.of(new Linear(Tensor.of(new double[][] {{1}}), Tensor.of(1.0)), Tensor.of(2.0, -1));
        Function<List<Object>, Tensor> f = l -> ((Linear) l.get(0)).weight().sum().square()
                .add(((Tensor) l.get(1)).sub(1).square().sum());
        Optimizer opt = Adam.of(0.1);
        for (int i = 0; i < 500; i++) {
            p = opt.step(f, p).params();
        }
        assertThat(((Linear) p.get(0)).weight().item()).isCloseTo(0, within(1e-2));
        assertThat(((Tensor) p.get(1)).toArray()).containsExactly(new double[] {1, 1}, within(1e-2));
    }

    @Test
    void weightDecayShrinksTowardsZero() {
        // f = ½(x − 1)² with L2 weight decay λ: the minimum moves to 1/(1 + λ); AdamW's decoupled decay too.
        Function<Tensor, Tensor> f = x -> x.sub(1).square().mul(0.5).sum();
        Optimizer sgd = Sgd.of(0.1).weightDecay(1);
        Tensor x = Tensor.of(5.0);
        for (int i = 0; i < 300; i++) {
            x = sgd.step(f, x).params();
        }
        assertThat(x.item()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void clippingLimitsTheStep() {
        Function<Tensor, Tensor> f = x -> x.square().sum().mul(1000);
        Sgd sgd = Sgd.of(1).clipNorm(0.5);
        Tensor x = Tensor.of(3.0, 4.0);
        Tensor x1 = sgd.step(f, x).params();
        assertThat(x.sub(x1).norm().item()).isCloseTo(0.5, within(1e-12));
        assertThat(Clip.globalNorm(Clip.byGlobalNorm(List.of(Tensor.of(3.0, 4.0)), 1))).isCloseTo(1, within(1e-12));
        assertThat(Clip.byValue(Tensor.of(-3, 0.5, 7), 1).toArray()).containsExactly(-1, 0.5, 1);
    }

    @Test
    void schedules() {
        assertThat(Schedule.step(1, 10, 0.5).rate(25)).isEqualTo(0.25);
        Schedule cos = Schedule.cosine(1, 100, 0);
        assertThat(cos.rate(0)).isEqualTo(1);
        assertThat(cos.rate(50)).isCloseTo(0.5, within(1e-12));
        assertThat(cos.rate(100)).isEqualTo(0);
        Schedule w = Schedule.constant(2).withWarmup(4);
        assertThat(new double[] {w.rate(0), w.rate(1), w.rate(3), w.rate(10)}).containsExactly(0.5, 1, 2, 2);
    }

    @Test
    void badSettingsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sgd.of(0.1).momentum(1.5))
                .hasMessageContaining("momentum");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WolfeLineSearch(0.9, 0.1, 10))
                .hasMessageContaining("0 < c1 < c2 < 1");
    }
}
