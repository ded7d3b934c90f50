package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static final int MAX_N = 60;
    private static final int MAX_S = 8;

    /**
     * The optimum by brute force over all split points: cost(n, s) = min over m of m + cost(n − m, s − 1) +
     * cost(m, s), with cost(1, s) = 0 and cost(n, 1) = n(n − 1)/2 (advance from x₀ afresh for every step).
     */
    private static long[][] optimum() {
        long[][] c = new long[MAX_N + 1][MAX_S + 1];
        for (int s = 1; s <= MAX_S; s++) {
            for (int n = 2; n <= MAX_N; n++) {
                if (s == 1) {
                    c[n][s] = (long) n * (n - 1) / 2;
                    continue;
                }
                long best = Long.MAX_VALUE;
                for (int m = 1; m < n; m++) {
                    best = Math.min(best, m + c[n - m][s - 1] + c[m][s]);
                }
                c[n][s] = best;
            }
        }
        return c;
    }

    private static long binomial(int n, int k) {
        return k < 0 || n < 0 ? 0 : new BigInteger(String.valueOf(fact(n))).divide(fact(k).multiply(fact(n - k)))
                .longValueExact();
    }

    private static BigInteger fact(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    @Test
    void binomialSchedulesReachTheBruteForceOptimum() {
        long[][] best = optimum();
        for (int s = 1; s <= MAX_S; s++) {
            for (int n = 1; n <= MAX_N; n++) {
                Schedule schedule = Schedule.binomial(n, s);
                assertThat(schedule.advances()).as("N=%d s=%d", n, s).isEqualTo(best[n][s]);
                assertThat(Revolve.minimalAdvances(n, s)).as("closed form, N=%d s=%d", n, s).isEqualTo(best[n][s]);
                assertThat(schedule.peakSnapshots()).isLessThanOrEqualTo(Math.min(s, n));
            }
        }
    }

    @Test
    void theClosedFormUsesTheBinomialCoefficients() {
        for (int s = 1; s <= MAX_S; s++) {
            for (int t = 0; t < 8; t++) {
                assertThat(Revolve.beta(s, t)).isEqualTo(binomial(s + t, s));
            }
            for (int n = 1; n <= MAX_N; n++) {
                int t = Revolve.repetitions(n, s);
                assertThat(binomial(s + t, s)).isGreaterThanOrEqualTo(n);
                assertThat(t == 0 || binomial(s + t - 1, s) < n).isTrue();
            }
        }
        assertThat(Revolve.beta(3, -1)).isZero();
        assertThat(Revolve.beta(60, 60)).as("saturates instead of overflowing").isPositive();
    }

    @Test
    void noStepIsAdvancedMoreThanTTimes() {
        for (int s = 1; s <= 6; s++) {
            for (int n = 1; n <= MAX_N; n++) {
                int[] count = new int[n];
                for (Action a : Schedule.binomial(n, s).actions()) {
                    if (a instanceof Action.Advance v) {
                        for (int i = v.from(); i < v.to(); i++) {
                            count[i]++;
                        }
                    }
                }
                int t = Revolve.repetitions(n, s);
                for (int c : count) {
                    assertThat(c).as("N=%d s=%d", n, s).isLessThanOrEqualTo(t);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000, 10000})
    void largeLoopsWithLogNSnapshots(int n) {
        int s = (int) Math.ceil(Math.log(n) / Math.log(2));
        Schedule b = Schedule.binomial(n, s);
        assertThat(b.advances()).isEqualTo(Revolve.minimalAdvances(n, s));
        assertThat(b.peakSnapshots()).isLessThanOrEqualTo(s);
        assertThat(b.advances()).as("at most ⌈log₂N⌉ + 1 times the forward work")
                .isLessThanOrEqualTo((long) (s + 1) * n);
        Schedule q = Schedule.sqrt(n);
        int k = (int) Math.ceil(Math.sqrt(n));
        assertThat(q.peakSnapshots()).isLessThanOrEqualTo(2 * k);
        assertThat(q.advances()).isLessThan(2L * n);
        Schedule all = Schedule.storeAll(n);
        assertThat(all.peakSnapshots()).isEqualTo(n - 1 == 0 ? 1 : n - 1);
        assertThat(all.advances()).isEqualTo(n - 1);
    }

    @Test
    void storeAllIsBinomialWithEnoughSnapshots() {
        for (int n = 1; n <= 30; n++) {
            assertThat(Schedule.binomial(n, n).advances()).isEqualTo(Schedule.storeAll(n).advances());
        }
    }

    @Test
    void malformedSchedulesAreRejectedWithTheOffendingAction() {
        assertThatThrownBy(() -> Schedule.of("bad", 2, List.of(new Action.Reverse(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action 0")
                .hasMessageContaining("last to first; the next one is 1");
        assertThatThrownBy(() -> Schedule.of("bad", 2, List.of(new Action.Restore(3, 0))))
                .hasMessageContaining("slot 3 holds nothing");
        assertThatThrownBy(() -> Schedule.of("bad", 2,
                List.of(new Action.Advance(0, 1), new Action.Reverse(1))))
                .hasMessageContaining("ends before reversing steps 0..0");
        assertThatThrownBy(() -> Schedule.of("bad", 3,
                List.of(new Action.Advance(0, 1), new Action.Reverse(1))))
                .hasMessageContaining("the next one is 2");
        assertThatThrownBy(() -> Schedule.of("bad", 2, List.of(new Action.Snapshot(0, 0),
                new Action.Snapshot(0, 0)))).hasMessageContaining("already holds x0; free it first");
        assertThatThrownBy(() -> Schedule.of("bad", 2, List.of(new Action.Reverse(1))))
                .hasMessageContaining("restore or advance to x1 first");
        assertThatThrownBy(() -> Schedule.binomial(5, 0)).hasMessageContaining("at least 1 of snapshots");
        assertThatThrownBy(() -> Schedule.segments(0, 2)).hasMessageContaining("at least 1 of steps");
    }
}
