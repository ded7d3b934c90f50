package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.scalar.ContractCases.Case;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract for implementations that also compute second derivatives: on every case, ∇²f(x) matches central
 * differences of the (separately checked) reverse-mode gradient and agrees with every other second-order mode.
 */
public abstract class SecondOrderContract extends RealContract {

    /** ∇²f(x) computed by this implementation. */
    protected abstract double[][] hessian(RealFunction f, double[] x);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchFiniteDifferences(Case c) {
        double[][] h = hessian(c.f(), c.x());
        double[][] fd = ContractCases.finiteDifferenceHessian(c.f(), c.x());
        double[] g = Derivatives.gradient(c.f(), Mode.REVERSE, c.x()).gradient();
        for (int i = 0; i < fd.length; i++) {
            for (int j = 0; j < fd.length; j++) {
                double tolerance = 10 * FD_TOLERANCE * (1 + Math.abs(fd[i][j]) + Math.abs(g[i]));
                assertThat(h[i][j]).as("%s: ∂²f/∂x%d∂x%d", c, i, j).isCloseTo(fd[i][j], within(tolerance));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianAgreesWithEveryOtherSecondOrderMode(Case c) {
        double[][] h = hessian(c.f(), c.x());
        for (Map.Entry<String, BiFunction<RealFunction, double[], double[][]>> other : HESSIANS.entrySet()) {
            double[][] theirs = other.getValue().apply(c.f(), c.x());
            for (int i = 0; i < h.length; i++) {
                assertClose(h[i], theirs[i], c + ": Hessian row " + i + " vs " + other.getKey());
            }
        }
    }
}
