package dev.adjoint.bench.adbench;

import static dev.adjoint.bench.adbench.Near.assertNear;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand tracking on ADBench's hand1 (100 points), simple and complicated: residuals and Jacobians against ADBench's
 * PyTorch module, and every Jacobian column against central differences.
 */
class HandTest {

    static final HandModel MODEL = HandModel.resource("hand/model");

    static Hand hand(String variant) {
        boolean complicated = variant.equals("complicated");
        return new Hand(HandInput.resource(MODEL, "hand/" + variant + "_small/hand1_t26_c100.txt", complicated));
    }

    static Tensor jacobian(Hand h) {
        return h.input().complicated() ? h.complicatedJacobian() : h.simpleJacobian();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "complicated"})
    @SuppressWarnings("unchecked")
    void residualsAndJacobianMatchAdbenchPyTorch(String variant) {
        Hand h = hand(variant);
        Reference ref = Reference.load("hand_" + variant + "_hand1_t26_c100.json");
        assertNear("residuals", h.residuals().toArray(), ref.numbers("objective"), 1e-11);
        Tensor j = jacobian(h);
        int cols = (int) ref.number("jacobian_columns");
        assertThat(j.dim(1)).isEqualTo(cols);
        double[] jd = j.toArray();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) ref.get("jacobian_rows_of_points")).entrySet()) {
            int i = Integer.parseInt(e.getKey());
            assertNear("point " + i, Arrays.copyOfRange(jd, 3 * i * cols, (3 * i + 3) * cols),
                    Reference.numbers(e.getValue()), 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "complicated"})
    void jacobianMatchesCentralDifferences(String variant) {
        Hand h = hand(variant);
        boolean complicated = h.input().complicated();
        Tensor x0 = complicated ? h.allParameters() : h.input().theta();
        Function<double[], double[]> f = v -> (complicated ? h.complicated(Tensor.of(v)) : h.simple(Tensor.of(v)))
                .toArray();
        double[] x = x0.toArray();
        Tensor j = jacobian(h);
        int cols = j.dim(1);
        double[] jd = j.toArray();
        int n = h.input().points().dim(0);
        int rows = 3 * n;
        // Pose columns: every one; u columns: point 0's, point 57's and the last point's.
        int[] us = {0, 1, 114, 115, 2 * n - 2, 2 * n - 1};
        int first = complicated ? 2 * n : 0;
        int[] check = complicated ? concat(us, range(first, first + Hand.THETA)) : range(0, Hand.THETA);
        for (int col : check) {
            double[] fd = Near.central(f, x, col, 1e-6);
            double[] ours = new double[rows];
            for (int r = 0; r < rows; r++) {
                int at = !complicated ? col : col >= 2 * n ? 2 + col - 2 * n : col - 2 * (r / 3);
                ours[r] = at >= 0 && at < cols && (col >= 2 * n || !complicated || col / 2 == r / 3)
                        ? jd[r * cols + at] : 0;
            }
            assertNear(variant + " column " + col, ours, fd, 1e-6);
        }
    }

    private static int[] range(int a, int b) {
        int[] r = new int[b - a];
        for (int i = 0; i < r.length; i++) {
            r[i] = a + i;
        }
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
