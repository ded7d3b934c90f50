package dev.adjoint.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first-order updates against the formulas written out on one flat vector, on a structure of several tensors,
 * in float64 and float32, over several steps (so the optimiser's reused buffers and moments carry over): the update
 * gives the textbook loop's numbers, and float32 tensors round once per step.
 */
class FirstOrderUpdateTest {

    /** A method as the optimiser and as the reference formula (x, g, state, t) on the flat vector. */
    interface Formula {
        void step(double[] x, double[] g, double[][] state, int t);
    }

    static Stream<Arguments> methods() {
        double lr = 0.01;
        return Stream.of(
                Arguments.of("sgd", (Supplier<FirstOrder>) () -> Sgd.of(lr), (Formula) (x, g, s, t) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= lr * g[i];
                    }
                }),
                Arguments.of("sgd momentum, decay, clip",
                        (Supplier<FirstOrder>) () -> Sgd.of(lr).momentum(0.9).weightDecay(0.1).clipNorm(3),
                        (Formula) (x, g, s, t) -> {
                            clip(g, 3);
                            for (int i = 0; i < x.length; i++) {
                                double gi = g[i] + 0.1 * x[i];
                                s[0][i] = 0.9 * s[0][i] + gi;
                                x[i] -= lr * s[0][i];
                            }
                        }),
                Arguments.of("nesterov", (Supplier<FirstOrder>) () -> Sgd.of(lr).nesterov(0.8),
                        (Formula) (x, g, s, t) -> {
                            for (int i = 0; i < x.length; i++) {
                                s[0][i] = 0.8 * s[0][i] + g[i];
                                x[i] -= lr * (g[i] + 0.8 * s[0][i]);
                            }
                        }),
                Arguments.of("rmsprop", (Supplier<FirstOrder>) () -> RmsProp.of(lr).weightDecay(0.05),
                        (Formula) (x, g, s, t) -> {
                            for (int i = 0; i < x.length; i++) {
                                double gi = g[i] + 0.05 * x[i];
                                s[0][i] = 0.99 * s[0][i] + 0.01 * gi * gi;
                                x[i] -= lr * gi / (Math.sqrt(s[0][i]) + 1e-8);
                            }
                        }),
                Arguments.of("adam, clip", (Supplier<FirstOrder>) () -> Adam.of(lr).clipNorm(2),
                        (Formula) (x, g, s, t) -> {
                            clip(g, 2);
                            adam(x, g, s, t, lr, 1);
                        }),
                Arguments.of("adamw", (Supplier<FirstOrder>) () -> Adam.adamW(Schedule.constant(lr), 0.2),
                        (Formula) (x, g, s, t) -> adam(x, g, s, t, lr, 1 - lr * 0.2)));
    }

    private static void adam(double[] x, double[] g, double[][] s, int t, double lr, double shrink) {
        for (int i = 0; i < x.length; i++) {
            s[0][i] = 0.9 * s[0][i] + 0.1 * g[i];
            s[1][i] = 0.999 * s[1][i] + 0.001 * g[i] * g[i];
            double mHat = s[0][i] / (1 - Math.pow(0.9, t));
            double vHat = s[1][i] / (1 - Math.pow(0.999, t));
            x[i] = x[i] * shrink - lr * mHat / (Math.sqrt(vHat) + 1e-8);
        }
    }

    private static void clip(double[] g, double max) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        double n = Math.sqrt(s);
        for (int i = 0; n > max && i < g.length; i++) {
            g[i] *= max / n;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void updatesAreTheFormulaOnTheFlatVector(String name, Supplier<FirstOrder> make, Formula formula) {
        int[] sizes = {3, 1024, 2500, 1};
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            Random r = new Random(name.hashCode() + dtype.ordinal());
            List<Tensor> params = new ArrayList<>();
            for (int n : sizes) {
                params.add(random(r, n).astype(dtype));
            }
            int total = 3 + 1024 + 2500 + 1;
            double[] x = flat(params);
            double[][] state = new double[2][total];
            FirstOrder opt = make.get();
            for (int t = 1; t <= 3; t++) {
                List<Tensor> grad = new ArrayList<>();
                for (int n : sizes) {
                    grad.add(random(r, n).mul(2).astype(dtype));
                }
                params = opt.update(params, grad);
                formula.step(x, flat(grad), state, t);
                if (dtype == DType.FLOAT32) {
                    for (int i = 0; i < total; i++) {
                        x[i] = (float) x[i];
                    }
                }
                assertThat(params.get(2).dtype()).isEqualTo(dtype);
                double[] got = flat(params);
                // the formula's constants are grouped differently (lr/c₁ once, 1 − ρ as a literal): last bits only,
                // and in float32 at most one rounding step apart
                double rel = dtype == DType.FLOAT32 ? 0x1p-23 : 1e-13;
                for (int i = 0; i < total; i++) {
                    assertThat(Math.abs(got[i] - x[i])).as("%s, %s, step %d, entry %d", name, dtype, t, i)
                            .isLessThanOrEqualTo(rel * Math.abs(x[i]) + 1e-15);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void aGradientOfAnotherStructureIsRefused(String name, Supplier<FirstOrder> make, Formula unused) {
        FirstOrder opt = make.get();
        List<Tensor> params = List.of(Tensor.zeros(2, 3), Tensor.zeros(4));
        assertThatThrownBy(() -> opt.update(params, List.of(Tensor.zeros(2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("structure has 1 tensors, expected 2");
        assertThatThrownBy(() -> opt.update(params, List.of(Tensor.zeros(3, 2), Tensor.zeros(4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("tensor 0", "[3, 2]", "[2, 3]");
    }

    private static Tensor random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return Tensor.of(v);
    }

    private static double[] flat(List<Tensor> tensors) {
        List<Double> all = new ArrayList<>();
        for (Tensor t : tensors) {
            for (double v : t.toArray()) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
