package dev.adjoint.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.checkpoint.Schedule;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradientTest {

    private static final double[] TIMES = {0, 0.5, 1.3, 2, 3};

    static Stream<Arguments> problems() {
        return Stream.of(1L, 2L, 3L).flatMap(seed -> Stream.of(
                Arguments.of("lotka-volterra", seed), Arguments.of("duffing", seed)));
    }

    private static RealDynamics dynamics(String name) {
        return name.equals("duffing") ? Problems.DUFFING : Problems.LOTKA_VOLTERRA;
    }

    private static double[][] point(String name, long seed) {
        Random r = new Random(seed);
        double[] z0 = (name.equals("duffing") ? Problems.DUFFING_Z0 : Problems.LV_Z0).clone();
        double[] theta = (name.equals("duffing") ? Problems.DUFFING_THETA : Problems.LV_THETA).clone();
        for (int i = 0; i < z0.length; i++) {
            z0[i] *= 1 + 0.2 * r.nextGaussian();
        }
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= 1 + 0.2 * r.nextGaussian();
        }
        return new double[][] {z0, theta};
    }

    private static double loss(Solver solver, Dynamics f, double[] z0, double[] theta) {
        return Problems.loss(Problems.states(Odeint.solve(solver, f, z0, theta, TIMES)));
    }

    /** Central differences of the loss in every coordinate of z0, then θ. */
    private static double[] finiteDifferences(Solver solver, Dynamics f, double[] z0, double[] theta, double h) {
        double[] g = new double[z0.length + theta.length];
        for (int k = 0; k < g.length; k++) {
            double[] zp = z0.clone();
            double[] zm = z0.clone();
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            if (k < z0.length) {
                zp[k] += h;
                zm[k] -= h;
            } else {
                tp[k - z0.length] += h;
                tm[k - z0.length] -= h;
            }
            g[k] = (loss(solver, f, zp, tp) - loss(solver, f, zm, tm)) / (2 * h);
        }
        return g;
    }

    private static double[] both(OdeGradient g) {
        double[] z = g.z0();
        double[] t = g.theta();
        double[] out = new double[z.length + t.length];
        System.arraycopy(z, 0, out, 0, z.length);
        System.arraycopy(t, 0, out, z.length, t.length);
        return out;
    }

    private static void assertClose(double[] actual, double[] expected, double rel) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("component %d", k).isCloseTo(expected[k], within(rel * Math.max(1, scale)));
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("problems")
    void backpropThroughRk4MatchesFiniteDifferences(String name, long seed) {
        double[][] p = point(name, seed);
        Dynamics f = Dynamics.of(dynamics(name));
        Solver rk4 = Solver.rk4(0.05);
        OdeGradient g = Odeint.backprop(rk4, f, p[0], p[1], TIMES, Problems.lossGradient(TIMES.length));
        assertClose(both(g), finiteDifferences(rk4, f, p[0], p[1], 1e-6), 1e-7);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("problems")
    void backpropThroughDormandPrinceMatchesFiniteDifferences(String name, long seed) {
        double[][] p = point(name, seed);
        Dynamics f = Dynamics.of(dynamics(name));
        Solver dp = Solver.dormandPrince(1e-12, 1e-12);
        OdeGradient g = Odeint.backprop(dp, f, p[0], p[1], TIMES, Problems.lossGradient(TIMES.length));
        assertClose(both(g), finiteDifferences(dp, f, p[0], p[1], 1e-5), 1e-6);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("problems")
    void adjointMatchesBackpropToSolverTolerance(String name, long seed) {
        double[][] p = point(name, seed);
        Dynamics f = Dynamics.of(dynamics(name));
        Solver dp = Solver.dormandPrince(1e-10, 1e-10);
        LossGradient loss = Problems.lossGradient(TIMES.length);
        OdeGradient adjoint = Odeint.adjoint(dp, f, p[0], p[1], TIMES, loss);
        OdeGradient backprop = Odeint.backprop(dp, f, p[0], p[1], TIMES, loss);
        assertClose(both(adjoint), both(backprop), 1e-7);
        double[] loose = both(Odeint.adjoint(Solver.dormandPrince(1e-4, 1e-4), f, p[0], p[1], TIMES, loss));
        assertClose(loose, both(backprop), 1e-2);
        for (int i = 0; i < TIMES.length; i++) {
            assertThat(adjoint.state(i)).containsExactly(backprop.state(i));
        }
    }

    @Test
    void adjointWithRk4MatchesBackpropToTheDiscretisationError() {
        double[][] p = point("duffing", 4);
        Dynamics f = Dynamics.of(Problems.DUFFING);
        LossGradient loss = Problems.lossGradient(TIMES.length);
        double[] exact = both(Odeint.backprop(Solver.dormandPrince(1e-12, 1e-12), f, p[0], p[1], TIMES, loss));
        double[] coarse = both(Odeint.adjoint(Solver.rk4(0.1), f, p[0], p[1], TIMES, loss));
        double[] fine = both(Odeint.adjoint(Solver.rk4(0.05), f, p[0], p[1], TIMES, loss));
        double errCoarse = 0;
        double errFine = 0;
        for (int k = 0; k < exact.length; k++) {
            errCoarse = Math.max(errCoarse, Math.abs(coarse[k] - exact[k]));
            errFine = Math.max(errFine, Math.abs(fine[k] - exact[k]));
        }
        assertThat(errCoarse / errFine).as("fourth-order convergence of the adjoint gradient").isBetween(10.0, 22.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void binomialCheckpointingGivesTheSameGradientInLessMemory(int snapshots) {
        double[][] p = point("lotka-volterra", 9);
        Dynamics f = Dynamics.of(Problems.LOTKA_VOLTERRA);
        Solver rk4 = Solver.rk4(0.01);
        LossGradient loss = Problems.lossGradient(TIMES.length);
        OdeGradient all = Odeint.backprop(rk4, f, p[0], p[1], TIMES, loss);
        OdeGradient few = Odeint.backprop(rk4, f, p[0], p[1], TIMES, loss, n -> Schedule.binomial(n, snapshots));
        assertThat(few.z0()).containsExactly(all.z0());
        assertThat(few.theta()).containsExactly(all.theta());
        assertThat(all.forwardSteps()).isEqualTo(300);
        long stateBytes = 8L * 2 + 16;
        long gridBytes = 24L * TIMES.length;
        assertThat(all.peakBytes()).isEqualTo(299 * stateBytes + gridBytes);
        assertThat(few.peakBytes()).isLessThanOrEqualTo(snapshots * stateBytes + gridBytes);
    }

    @Test
    void adjointMemoryDoesNotGrowWithTheNumberOfSteps() {
        double[][] p = point("duffing", 5);
        Dynamics f = Dynamics.of(Problems.DUFFING);
        LossGradient loss = Problems.lossGradient(TIMES.length);
        long[] adjointBytes = new long[3];
        long[] backpropBytes = new long[3];
        double[] h = {0.1, 0.01, 0.001};
        for (int i = 0; i < 3; i++) {
            adjointBytes[i] = Odeint.adjoint(Solver.rk4(h[i]), f, p[0], p[1], TIMES, loss).peakBytes();
            backpropBytes[i] = Odeint.backprop(Solver.rk4(h[i]), f, p[0], p[1], TIMES, loss).peakBytes();
        }
        assertThat(adjointBytes[1]).isEqualTo(adjointBytes[0]);
        assertThat(adjointBytes[2]).isEqualTo(adjointBytes[0]);
        assertThat(backpropBytes[1]).isGreaterThan(8 * backpropBytes[0]);
        assertThat(backpropBytes[2]).isGreaterThan(8 * backpropBytes[1]);
        assertThat(adjointBytes[2]).isLessThan(backpropBytes[0]);
    }

    @Test
    void scalarDynamicsVjpMatchesFiniteDifferences() {
        Dynamics f = Dynamics.of(Problems.DUFFING);
        Random r = new Random(11);
        double[] z = {r.nextGaussian(), r.nextGaussian()};
        double[] theta = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double[] a = {r.nextGaussian(), r.nextGaussian()};
        double[] zBar = new double[2];
        double[] thetaBar = new double[4];
        double[] value = f.vjp(0.7, z, theta, a, zBar, thetaBar);
        assertThat(value).containsExactly(f.apply(0.7, z, theta));
        double h = 1e-6;
        for (int k = 0; k < 6; k++) {
            double[] zp = z.clone();
            double[] zm = z.clone();
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            if (k < 2) {
                zp[k] += h;
                zm[k] -= h;
            } else {
                tp[k - 2] += h;
                tm[k - 2] -= h;
            }
            double[] fp = f.apply(0.7, zp, tp);
            double[] fm = f.apply(0.7, zm, tm);
            double fd = (a[0] * (fp[0] - fm[0]) + a[1] * (fp[1] - fm[1])) / (2 * h);
            assertThat(k < 2 ? zBar[k] : thetaBar[k - 2]).isCloseTo(fd, within(1e-8));
        }
    }

    @Test
    void aLossGradientOfTheWrongLengthIsExplained() {
        Dynamics f = Dynamics.of(Problems.LOTKA_VOLTERRA);
        assertThatThrownBy(() -> Odeint.adjoint(Solver.rk4(0.1), f, Problems.LV_Z0, Problems.LV_THETA, TIMES,
                (i, z) -> new double[3])).hasMessageContaining("observation 4 has 3 entries for a state of 2");
        assertThatThrownBy(() -> Odeint.backprop(Solver.rk4(0.1), f, Problems.LV_Z0, Problems.LV_THETA, TIMES,
                (i, z) -> new double[1])).hasMessageContaining("has 1 entries for a state of 2");
    }
}
