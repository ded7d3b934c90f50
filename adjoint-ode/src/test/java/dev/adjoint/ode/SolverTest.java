package dev.adjoint.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolverTest {

    /** y′ = y·cos t, y(0) = 1: y = exp(sin t). */
    private static final VectorField EXP_SIN = (t, y) -> new double[] {y[0] * Math.cos(t)};

    private static Tableau tableau(String name) {
        return name.equals("RK4") ? Tableau.RK4 : Tableau.DORMAND_PRINCE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RK4", "DP"})
    void tableauxSatisfyTheOrderConditionsUpToFour(String name) {
        Tableau tb = tableau(name);
        int s = tb.stages();
        double[] bc = new double[5];
        double bac = 0;
        double bcac = 0;
        double bacc = 0;
        double baac = 0;
        for (int i = 0; i < s; i++) {
            double rowSum = 0;
            for (int j = 0; j < i; j++) {
                rowSum += tb.a(i, j);
            }
            assertThat(rowSum).as("row %d sums to c", i).isCloseTo(tb.c(i), within(1e-14));
            for (int q = 0; q < 4; q++) {
                bc[q] += tb.b(i) * Math.pow(tb.c(i), q);
            }
            for (int j = 0; j < i; j++) {
                bac += tb.b(i) * tb.a(i, j) * tb.c(j);
                bcac += tb.b(i) * tb.c(i) * tb.a(i, j) * tb.c(j);
                bacc += tb.b(i) * tb.a(i, j) * tb.c(j) * tb.c(j);
                for (int m = 0; m < j; m++) {
                    baac += tb.b(i) * tb.a(i, j) * tb.a(j, m) * tb.c(m);
                }
            }
        }
        assertThat(bc[0]).isCloseTo(1, within(1e-14));
        assertThat(bc[1]).isCloseTo(1 / 2.0, within(1e-14));
        assertThat(bc[2]).isCloseTo(1 / 3.0, within(1e-14));
        assertThat(bc[3]).isCloseTo(1 / 4.0, within(1e-14));
        assertThat(bac).isCloseTo(1 / 6.0, within(1e-14));
        assertThat(bcac).isCloseTo(1 / 8.0, within(1e-14));
        assertThat(bacc).isCloseTo(1 / 12.0, within(1e-14));
        assertThat(baac).isCloseTo(1 / 24.0, within(1e-14));
        if (tb.embedded()) {
            double sumE = 0;
            for (int i = 0; i < s; i++) {
                sumE += tb.e(i);
            }
            assertThat(sumE).as("the embedded method is consistent too").isCloseTo(0, within(1e-14));
        }
    }

    @Test
    void rk4ConvergesWithOrderFour() {
        double exact = Math.exp(Math.sin(2));
        double e1 = Math.abs(Solver.rk4(0.1).integrate(EXP_SIN, 0, 2, new double[] {1})[0] - exact);
        double e2 = Math.abs(Solver.rk4(0.05).integrate(EXP_SIN, 0, 2, new double[] {1})[0] - exact);
        double e3 = Math.abs(Solver.rk4(0.025).integrate(EXP_SIN, 0, 2, new double[] {1})[0] - exact);
        assertThat(Math.log(e1 / e2) / Math.log(2)).isBetween(3.7, 4.3);
        assertThat(Math.log(e2 / e3) / Math.log(2)).isBetween(3.7, 4.3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 1e-7, 1e-10})
    void dormandPrinceMeetsItsTolerance(double tol) {
        Trajectory tr = Solver.dormandPrince(tol, tol).solve(EXP_SIN, new double[] {1}, 0, 1, 2, 5);
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.times()[i];
            assertThat(tr.state(i)[0]).isCloseTo(Math.exp(Math.sin(t)), within(100 * tol));
        }
        assertThat(tr.steps()).isPositive();
    }

    @Test
    void tighterTolerancesTakeMoreSteps() {
        long loose = Solver.dormandPrince(1e-4, 1e-4).solve(EXP_SIN, new double[] {1}, 0, 10).steps();
        long tight = Solver.dormandPrince(1e-10, 1e-10).solve(EXP_SIN, new double[] {1}, 0, 10).steps();
        assertThat(tight).isGreaterThan(3 * loose);
    }

    @Test
    void agreesWithHipparchusOnANonLinearProblem() {
        VectorField f = Dynamics.of(Problems.LOTKA_VOLTERRA).at(Problems.LV_THETA);
        double[] ours = Solver.dormandPrince(1e-11, 1e-11).integrate(f, 0, 8, Problems.LV_Z0);
        DormandPrince54Integrator reference = new DormandPrince54Integrator(1e-8, 1, 1e-11, 1e-11);
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return f.apply(t, y);
            }
        };
        double[] theirs = reference.integrate(ode, new ODEState(0, Problems.LV_Z0), 8).getPrimaryState();
        assertThat(ours[0]).isCloseTo(theirs[0], within(1e-8));
        assertThat(ours[1]).isCloseTo(theirs[1], within(1e-8));
    }

    @Test
    void integratesBackwardsInTime() {
        double[] y2 = Solver.dormandPrince(1e-10, 1e-10).integrate(EXP_SIN, 0, 2, new double[] {1});
        double[] y0 = Solver.dormandPrince(1e-10, 1e-10).integrate(EXP_SIN, 2, 0, y2);
        assertThat(y0[0]).isCloseTo(1, within(1e-8));
        double[] back = Solver.rk4(0.01).integrate(EXP_SIN, 2, 0, new double[] {Math.exp(Math.sin(2))});
        assertThat(back[0]).isCloseTo(1, within(1e-8));
    }

    @Test
    void badInputsAreExplained() {
        assertThatThrownBy(() -> Solver.rk4(0)).hasMessageContaining("step size must be positive");
        assertThatThrownBy(() -> Solver.dormandPrince(0, 0)).hasMessageContaining("not both zero");
        assertThatThrownBy(() -> Solver.rk4(0.1).solve(EXP_SIN, new double[] {1}, 0, 1, 1))
                .hasMessageContaining("strictly monotone: times[1]=1.0, times[2]=1.0");
        assertThatThrownBy(() -> Solver.rk4(0.1).solve(EXP_SIN, new double[] {1}, 0))
                .hasMessageContaining("at least two times");
        assertThatThrownBy(() -> Solver.dormandPrince(1e-6, 1e-6)
                .integrate((t, y) -> new double[] {Double.NaN}, 0, 1, new double[] {1}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> Solver.rk4(0.1).integrate((t, y) -> new double[2], 0, 1, new double[] {1}))
                .hasMessageContaining("returned 2 entries for a state of 1");
    }
}
