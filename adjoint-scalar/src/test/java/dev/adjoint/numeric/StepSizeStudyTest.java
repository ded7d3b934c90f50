package dev.adjoint.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.numeric.StepSizeStudy.Curve;
import dev.adjoint.numeric.StepSizeStudy.Point;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import org.junit.jupiter.api.Test;

class StepSizeStudyTest {

    /** The lecture's l₄: three steps of the logistic map. */
    static final RealFunction L4 = x -> {
        Real v = x[0];
        for (int i = 0; i < 3; i++) {
            v = v.mul(4).mul(v.neg().add(1));
        }
        return v;
    };

    @Test
    void stepsRunFromOneTenthToTenToTheMinusSixteen() {
        double[] h = StepSizeStudy.steps(1);
        assertThat(h).hasSize(16);
        assertThat(h[0]).isCloseTo(0.1, within(1e-17));
        assertThat(h[15]).isCloseTo(1e-16, within(1e-30));
        assertThat(StepSizeStudy.steps(4)).hasSize(61);
    }

    @Test
    void errorCurvesAreUShapedWithTheBottomNearTheRoundOffEstimate() {
        StepSizeStudy study = StepSizeStudy.of(L4, 0.3);
        // Exact derivative of l4 at 0.3 from the closed form's hand derivative (checked in LogisticMapTest).
        assertThat(study.exact()).isCloseTo(dev.adjoint.symbolic.LogisticMap.manualDerivative(0.3), within(1e-12));
        for (Scheme s : new Scheme[] {Scheme.FORWARD, Scheme.CENTRAL}) {
            Curve c = study.curve(s);
            Point best = c.best();
            Point largest = c.points().get(0);
            Point smallest = c.points().get(c.points().size() - 1);
            // Truncation on the left, round-off on the right: both ends are far worse than the bottom.
            assertThat(largest.error()).isGreaterThan(1000 * best.error());
            assertThat(smallest.error()).isGreaterThan(1000 * best.error());
            // The bottom sits within two decades of ε^(1/(p+1)).
            double predicted = s.defaultStep(0.3);
            assertThat(Math.abs(Math.log10(best.step() / predicted))).isLessThanOrEqualTo(2);
        }
        assertThat(study.curve(Scheme.CENTRAL).best().error())
                .isLessThan(study.curve(Scheme.FORWARD).best().error() / 100);
        assertThat(study.table()).contains("forward").contains("central").contains("best h");
    }

    @Test
    void aVanishingStepIsRecordedNotThrown() {
        // At x = 1 the step 1e−16 is below half the spacing of doubles, so x + h == x.
        StepSizeStudy study = StepSizeStudy.of(x -> x[0].exp(), 1.0);
        Point last = study.curve(Scheme.FORWARD).points().get(15);
        assertThat(last.error()).isNaN();
        assertThat(study.table()).contains("x+h = x");
        assertThat(study.curve(Scheme.FORWARD).best().error()).isLessThan(1e-6);
    }
}
