package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written hand Jacobian ({@link ManualHand}) against {@link Hand}: the same residuals, the AD Jacobian on
 * every shipped input in both variants, and central differences of {@link Hand}'s residuals at seeded random poses.
 */
class ManualHandTest {

    static Stream<Arguments> shippedInputs() {
        return Stream.of("simple", "complicated").flatMap(v -> Stream.of("hand1_t26_c100", "hand4_t26_c400",
                "hand6_t26_c1600").map(f -> Arguments.of(v, f)));
    }

    static HandInput shipped(String variant, String file) {
        return HandInput.resource(HandTest.MODEL, "hand/" + variant + "_small/" + file + ".txt",
                variant.equals("complicated"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shippedInputs")
    void objectiveEqualsHandResiduals(String variant, String file) {
        HandInput in = shipped(variant, file);
        ManualHand m = new ManualHand(in);
        double[] r = new double[m.rows()];
        m.objective(ManualHand.parameters(in), r);
        assertNear(variant + " " + file + " residuals", r, new Hand(in).residuals().toArray(), 1e-12);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shippedInputs")
    void jacobianEqualsAdJacobian(String variant, String file) {
        HandInput in = shipped(variant, file);
        Hand h = new Hand(in);
        ManualHand m = new ManualHand(in);
        double[] r = new double[m.rows()];
        double[] j = new double[m.rows() * m.columns()];
        m.jacobian(ManualHand.parameters(in), r, j);
        Tensor ad = HandTest.jacobian(h);
        assertThat(ad.dim(1)).isEqualTo(m.columns());
        assertNear(variant + " " + file + " Jacobian", j, ad.toArray(), 1e-10);
        assertNear(variant + " " + file + " residuals", r, h.residuals().toArray(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomPosesMatchAdAndCentralDifferences(long seed) {
        for (String variant : new String[] {"simple", "complicated"}) {
            HandInput in = randomPose(shipped(variant, "hand1_t26_c100"), new Random(seed));
            Hand h = new Hand(in);
            ManualHand m = new ManualHand(in);
            double[] x = ManualHand.parameters(in);
            double[] r = new double[m.rows()];
            double[] j = new double[m.rows() * m.columns()];
            m.jacobian(x, r, j);
            String what = variant + " seed " + seed;
            assertNear(what + " residuals", r, h.residuals().toArray(), 1e-12);
            assertNear(what + " Jacobian vs AD", j, HandTest.jacobian(h).toArray(), 1e-10);
            // Every column, u columns too: the dense derivative of Hand's residuals must be zero outside the
            // point's own rows, and equal the manual entry inside them.
            boolean complicated = in.complicated();
            Function<double[], double[]> f = v -> (complicated ? h.complicated(Tensor.of(v)) : h.simple(Tensor.of(v)))
                    .toArray();
            int n = in.points().dim(0);
            int cols = m.columns();
            for (int col = 0; col < x.length; col++) {
                double[] fd = Near.central(f, x, col, 1e-6);
                double[] ours = new double[m.rows()];
                for (int row = 0; row < ours.length; row++) {
                    if (!complicated) {
                        ours[row] = j[row * cols + col];
                    } else if (col >= 2 * n) {
                        ours[row] = j[row * cols + 2 + col - 2 * n];
                    } else if (col / 2 == row / 3) {
                        ours[row] = j[row * cols + col % 2];
                    }
                }
                assertNear(what + " column " + col, ours, fd, 1e-7);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 3e-5})
    void globalRotationBelowTheThresholdIsTheIdentityWithZeroDerivative(double size) {
        for (String variant : new String[] {"simple", "complicated"}) {
            HandInput file = randomPose(shipped(variant, "hand1_t26_c100"), new Random(7));
            double[] theta = file.theta().toArray();
            theta[0] = size;
            theta[1] = -size / 2;
            theta[2] = size / 3;
            HandInput in = new HandInput(file.model(), file.correspondences(), file.points(), file.us(),
                    Tensor.of(theta));
            Hand h = new Hand(in);
            ManualHand m = new ManualHand(in);
            double[] r = new double[m.rows()];
            double[] j = new double[m.rows() * m.columns()];
            m.jacobian(ManualHand.parameters(in), r, j);
            assertNear(variant + " residuals", r, h.residuals().toArray(), 1e-12);
            assertNear(variant + " Jacobian vs AD", j, HandTest.jacobian(h).toArray(), 1e-10);
            int first = m.columns() - Hand.THETA;
            for (int row = 0; row < m.rows(); row++) {
                for (int a = 0; a < 3; a++) {
                    assertThat(j[row * m.columns() + first + a]).as(variant + " row " + row).isZero();
                }
            }
        }
    }

    @Test
    void jacobianOfTheSimpleVariantEqualsForwardModeOfHandAtARandomPose() {
        // Independent of HandTest.jacobian's dispatch: Ad.jacobian of the residual function itself.
        HandInput in = randomPose(shipped("simple", "hand4_t26_c400"), new Random(11));
        ManualHand m = new ManualHand(in);
        double[] r = new double[m.rows()];
        double[] j = new double[m.rows() * m.columns()];
        m.jacobian(ManualHand.parameters(in), r, j);
        Tensor ad = Ad.jacobian(new Hand(in)::simple, in.theta());
        assertNear("Jacobian", j, ad.toArray(), 1e-10);
    }

    @Test
    void wrongLengthsNameTheOperationAndTheExpectedShape() {
        HandInput in = shipped("complicated", "hand1_t26_c100");
        ManualHand m = new ManualHand(in);
        double[] x = ManualHand.parameters(in);
        assertThat(x).hasSize(226);
        assertThatThrownBy(() -> m.jacobian(new double[26], new double[300], new double[300 * 28]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ManualHand.jacobian").hasMessageContaining("226 parameters")
                .hasMessageContaining("not 26");
        assertThatThrownBy(() -> m.objective(x, new double[299]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ManualHand.objective").hasMessageContaining("300").hasMessageContaining("299");
        assertThatThrownBy(() -> m.jacobian(x, new double[300], new double[300 * 26]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[300, 28]");
    }

    /** The input with a random pose (and random u in the complicated variant). */
    static HandInput randomPose(HandInput in, Random rnd) {
        double[] theta = new double[Hand.THETA];
        for (int t = 0; t < theta.length; t++) {
            theta[t] = t < 3 ? 3 * rnd.nextDouble() - 1.5 : 2 * rnd.nextDouble() - 1;
        }
        Tensor us = null;
        if (in.complicated()) {
            int n = in.points().dim(0);
            double[] u = new double[2 * n];
            for (int i = 0; i < u.length; i++) {
                u[i] = 0.5 * rnd.nextDouble();
            }
            us = Tensor.of(Shape.of(n, 2), u);
        }
        return new HandInput(in.model(), in.correspondences(), in.points(), us, Tensor.of(theta));
    }
}
