package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reverse-mode tape: long programs, reuse, memory, and misuse (10⁷ entries at -Xmx2g: {@link BigTapeTest}). */
class TapeTest {

    @Test
    void aMillionOperationChainIsSweptWithoutRecursion() {
        int n = 1_000_000;
        double a = 1 + 1e-6;
        Tape tape = Tape.create();
        Var x = tape.variable(0.75);
        Var z = tape.variable(3);
        Var y = x;
        for (int i = 0; i < n / 3; i++) {
            y = y.mul(a).add(z).sub(z); // three operations; the last two cancel, mul(a) is folded into add's partial
        }
        double[] g = tape.gradient(y, x, z);
        assertThat(tape.size()).isEqualTo(2 + 2 * (n / 3));
        assertThat(g[0]).isCloseTo(Math.pow(a, n / 3), within(1e-9));
        assertThat(g[1]).isZero();
        assertThat(y.value()).isCloseTo(0.75 * Math.pow(a, n / 3), within(1e-9));
    }

    @Test
    void aMillionOperationChainThroughDerivatives() {
        RealFunction f = v -> {
            Real y = v[0];
            for (int i = 0; i < 1_000_000; i++) {
                y = y.add(v[1].mul(1e-6));
            }
            return y.square();
        };
        Gradient g = Derivatives.gradient(f, 1.5, 2);
        double y = 1.5 + 2;
        assertThat(g.gradient()).containsExactly(new double[] {2 * y, 2 * y}, within(1e-6));
    }

    @Test
    void bytesPerOperationAreTwoIndicesAndTwoPartials() {
        assertThat(Tape.BYTES_PER_OPERATION).isEqualTo(2 * 4 + 2 * 8);
        Tape tape = Tape.withCapacity(100_000);
        long empty = tape.bytesHeld();
        Var[] v = tape.variables(1, 1);
        Var x = v[0];
        for (int i = 0; i < 99_998; i++) {
            x = x.mul(v[1]);
        }
        assertThat(tape.size()).isEqualTo(100_000);
        assertThat(tape.bytesHeld()).as("no growth within the requested capacity").isEqualTo(empty);
        assertThat(empty).isEqualTo((100_000L + Tape.SINKS) * Tape.BYTES_PER_OPERATION);
        tape.backward(x);
        assertThat(tape.bytesHeld()).as("plus 8 bytes of adjoint per entry for the sweep")
                .isEqualTo((100_000L + Tape.SINKS) * (Tape.BYTES_PER_OPERATION + Double.BYTES));
    }

    @Test
    void clearReusesTheArrays() {
        Tape tape = Tape.create();
        double first = 0;
        long held = 0;
        for (int round = 0; round < 5; round++) {
            Var x = tape.variable(0.5);
            Real y = x;
            for (int i = 0; i < 50_000; i++) {
                y = y.sin().add(x);
            }
            double g = tape.gradient((Var) y, x)[0];
            if (round == 0) {
                first = g;
                held = tape.bytesHeld();
            }
            assertThat(g).as("round %d", round).isEqualTo(first);
            assertThat(tape.bytesHeld()).as("round %d allocates nothing new", round).isEqualTo(held);
            tape.clear();
            assertThat(tape.size()).isZero();
        }
    }

    @Test
    void aVarFromAnotherTapeIsRefusedWithAdvice() {
        Tape a = Tape.create();
        Tape b = Tape.create();
        Var x = a.variable(1);
        Var y = b.variable(2);
        assertThatThrownBy(() -> x.add(y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("another tape", "same Tape");
        assertThatThrownBy(() -> b.backward(x)).hasMessageContaining("another tape");
        assertThatThrownBy(() -> x.add(Dual.of(1, 0))).hasMessageContainingAll("Dual", "Vars of one tape");
    }

    @Test
    void aVarRecordedBeforeClearIsRefusedWithAdvice() {
        Tape tape = Tape.create();
        Var x = tape.variable(1);
        Real y = x.exp();
        tape.clear();
        Var z = tape.variable(3);
        assertThatThrownBy(() -> y.mul(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("before tape.clear()", "record the computation again");
        assertThatThrownBy(() -> z.add(x)).hasMessageContaining("before tape.clear()");
        assertThatThrownBy(() -> tape.backward((Var) y)).hasMessageContaining("before tape.clear()");
        assertThatThrownBy(((Var) y)::adjoint).hasMessageContaining("before tape.clear()");
    }

    @Test
    void vectorJacobianProductWeightsTheOutputs() {
        Tape tape = Tape.create();
        Var[] x = tape.variables(2, 3);
        Var p = x[0].mul(x[1]);
        Var s = x[0].add(x[1]);
        tape.backward(new Var[] {p, s}, new double[] {10, 1});
        assertThat(x[0].adjoint()).isEqualTo(10 * 3 + 1);
        assertThat(x[1].adjoint()).isEqualTo(10 * 2 + 1);
        assertThat(tape.adjoint(tape.constant(5))).isZero();
        double[] into = new double[3];
        tape.adjoints(x, into);
        assertThat(into).containsExactly(10 * 3 + 1, 10 * 2 + 1, 0);
        assertThatThrownBy(() -> tape.adjoints(x, new double[1])).hasMessageContainingAll("2 variables", "room for 1");
        assertThatThrownBy(() -> tape.backward(new Var[] {p}, new double[] {1, 2}))
                .hasMessageContainingAll("1 outputs", "2 weights");
    }

    @Test
    void intermediateAdjointsAreTheLecturesReverseTrace() {
        Tape tape = Tape.create();
        Var x1 = tape.variable(2);
        Var x2 = tape.variable(5);
        Var v1 = tape.keep((Var) x1.log()); // a unary result has no entry of its own unless kept
        Var v2 = x1.mul(x2);
        Var v3 = tape.keep((Var) x2.sin());
        Var v4 = v1.add(v2);
        Var v5 = v4.sub(v3);
        tape.backward(v5);
        assertThat(v4.adjoint()).isEqualTo(1);
        assertThat(v3.adjoint()).isEqualTo(-1);
        assertThat(v2.adjoint()).isEqualTo(1);
        assertThat(v1.adjoint()).isEqualTo(1);
        assertThat(x2.adjoint()).isCloseTo(2 - Math.cos(5), within(1e-15));
        assertThat(x1.adjoint()).isCloseTo(0.5 + 5, within(1e-15));
    }

    @Test
    void aChainInOneVariableRecordsOnlyItsInput() {
        Tape tape = Tape.create();
        Var x = tape.variable(0.3);
        Var l = x;
        for (int k = 0; k < 3; k++) {
            l = l.mul(-4).mul(l.sub(1)); // the lecture's step 4l(1 − l): depends on x alone, folded into l's scale
        }
        l = (Var) l.exp().sin();
        assertThat(tape.size()).isEqualTo(1);
        double d = 1;
        double v = 0.3;
        for (int k = 0; k < 3; k++) {
            d *= 4 - 8 * v;
            v = 4 * v * (1 - v);
        }
        d *= Math.cos(Math.exp(v)) * Math.exp(v);
        assertThat(l.value()).isEqualTo(Math.sin(Math.exp(v)));
        assertThat(tape.gradient(l, x)[0]).isCloseTo(d, within(1e-12 * Math.abs(d)));
    }

    @Test
    void onlyOperationsOnTwoEntriesAreRecorded() {
        Tape tape = Tape.create();
        Var[] x = tape.variables(1.5, -2);
        Var sq = x[0].mul(x[0]);
        Var shifted = x[0].add(1).mul(x[0]);
        Var withConstant = x[1].add(tape.constant(4));
        Var constants = tape.constant(2).mul(tape.constant(3));
        assertThat(tape.size()).as("the inputs only").isEqualTo(2);
        Var both = sq.mul(withConstant);
        assertThat(tape.size()).isEqualTo(3);
        assertThat(constants.value()).isEqualTo(6);
        tape.backward(new Var[] {sq, shifted, withConstant, constants, both}, new double[] {1, 10, 100, 1000, 1e4});
        assertThat(x[0].adjoint()).isEqualTo(2 * 1.5 + 10 * (2 * 1.5 + 1) + 1e4 * 2 * 1.5 * 2);
        assertThat(x[1].adjoint()).isEqualTo(100 + 1e4 * 1.5 * 1.5);
        assertThat(both.adjoint()).isEqualTo(1e4);
        assertThat(constants.adjoint()).isZero();
    }

    @Test
    void keepGivesAFoldedVarAnEntryAndAnAdjoint() {
        Tape tape = Tape.create();
        Var x = tape.variable(2);
        Var y = tape.keep((Var) x.mul(3).sin());
        Var z = y.mul(y).add(x.exp());
        assertThat(tape.size()).isEqualTo(3);
        tape.backward(z);
        assertThat(y.adjoint()).isCloseTo(2 * Math.sin(6), within(1e-15));
        assertThat(x.adjoint()).isCloseTo(2 * Math.sin(6) * 3 * Math.cos(6) + Math.exp(2), within(1e-13));
        assertThat(tape.keep(tape.constant(1)).adjoint()).isZero();
    }

    @Test
    void aScaledOutputSeedsItsScale() {
        Tape tape = Tape.create();
        Var x = tape.variable(2);
        assertThat(tape.gradient(x.mul(-3).add(1), x)).containsExactly(-3);
        assertThat(tape.gradient(x.neg().div(4), x)).containsExactly(-0.25);
        assertThat(tape.gradient(x.mul(0), x)).containsExactly(0);
    }

    @Test
    void theAdjointOfAVarWithoutAnEntryIsRefusedWithAdvice() {
        Tape tape = Tape.create();
        Var x = tape.variable(2);
        Var y = x.mul(3);
        Var z = (Var) y.sin().add(x);
        tape.backward(z);
        assertThat(x.adjoint()).isCloseTo(3 * Math.cos(6) + 1, within(1e-15));
        assertThatThrownBy(y::adjoint).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("depends on a single entry", "no entry of its own", "tape.keep(v)");
        assertThatThrownBy(z::adjoint).hasMessageContaining("tape.keep(v)");
    }

    /**
     * Random programs whose inputs are made both before and between operations (so the sweep's leading inputs,
     * entries made later, and shares to the one or two entries just below, handed over in registers, all occur):
     * the tape's gradient against forward mode, one input at a time.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomProgramsWithInputsAnywhereAgreeWithForwardMode(long seed) {
        Random r = new Random(seed);
        double[] inputs = new double[8 + r.nextInt(8)];
        for (int j = 0; j < inputs.length; j++) {
            inputs[j] = 0.5 + r.nextDouble();
        }
        int first = 2 + r.nextInt(inputs.length - 2); // inputs made before the first operation
        int made = first;
        List<int[]> program = new ArrayList<>();
        for (int s = 0, pool = first; s < 60; s++, pool++) {
            // kind 0 makes the next input; 1–4 are +, −, ·, ÷ and 5–6 sin, exp; operands often among the last few
            int kind = made < inputs.length && r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(6);
            int near = Math.max(0, pool - 1 - r.nextInt(3));
            program.add(new int[] {kind, r.nextBoolean() ? near : r.nextInt(pool), r.nextInt(pool)});
            made += kind == 0 ? 1 : 0;
        }
        Tape tape = Tape.create();
        Var[] x = new Var[inputs.length];
        Var y = (Var) run(program, first, k -> x[k] = tape.variable(inputs[k]));
        tape.backward(y);
        for (int j = 0; j < made; j++) {
            int seeded = j;
            Dual d = (Dual) run(program, first, k -> Dual.of(inputs[k], k == seeded ? 1 : 0));
            assertThat(d.value()).isCloseTo(y.value(), within(1e-14 * (1 + Math.abs(y.value()))));
            assertThat(x[j].adjoint()).as("input %d of seed %d", j, seed)
                    .isCloseTo(d.tangent(), within(1e-12 * (1 + Math.abs(d.tangent()))));
        }
    }

    /** Replays a random program: inputs 0 … first − 1 are made at the start, kind 0 makes the next one. */
    private static Real run(List<int[]> program, int first, IntFunction<Real> input) {
        List<Real> values = new ArrayList<>();
        int made = 0;
        while (made < first) {
            values.add(input.apply(made++));
        }
        for (int[] step : program) {
            Real a = values.get(step[1]);
            Real b = values.get(step[2]);
            switch (step[0]) {
                case 0 -> values.add(input.apply(made++));
                case 1 -> values.add(a.add(b));
                case 2 -> values.add(a.sub(b));
                case 3 -> values.add(a.mul(b));
                case 4 -> values.add(a.div(b.square().add(1)));
                case 5 -> values.add(a.sin());
                default -> values.add(a.mul(0.3).exp());
            }
        }
        return values.get(values.size() - 1);
    }
}
