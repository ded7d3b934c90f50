package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.scalar.ContractCases.Case;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Real} implementation must meet, run on every case of {@link ContractCases}: values
 * equal the plain computation, first derivatives match central finite differences, and the implementation agrees
 * with every other mode. A subclass says how its implementation computes f(x) and ∇f(x); implementations that
 * also give second derivatives extend {@link SecondOrderContract}. A new implementation (the symbolic
 * {@code Expr}, a tracer) joins by adding a subclass.
 */
public abstract class RealContract {

    /** Tolerance, relative to 1 + |derivative| + |lower-order value|, against five-point differences. */
    static final double FD_TOLERANCE = 1e-7;

    /** Tolerance, relative to 1 + the largest entry, between two AD modes (which should agree to rounding). */
    static final double AGREEMENT_TOLERANCE = 1e-10;

    /** f(x) and ∇f(x) computed by this implementation. */
    protected abstract Gradient gradient(RealFunction f, double[] x);

    static Stream<Case> cases() {
        return ContractCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueIsThePlainValue(Case c) {
        double expected = ContractCases.value(c.f(), c.x());
        assertThat(gradient(c.f(), c.x()).value()).as(c.name())
                .isCloseTo(expected, within(1e-14 * (1 + Math.abs(expected))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstDerivativesMatchFiniteDifferences(Case c) {
        Gradient g = gradient(c.f(), c.x());
        double[] fd = ContractCases.finiteDifferenceGradient(c.f(), c.x());
        for (int i = 0; i < fd.length; i++) {
            double tolerance = FD_TOLERANCE * (1 + Math.abs(fd[i]) + Math.abs(g.value()));
            assertThat(g.gradient(i)).as("%s: ∂f/∂x%d", c, i).isCloseTo(fd[i],
                    within(tolerance));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithEveryOtherMode(Case c) {
        Gradient mine = gradient(c.f(), c.x());
        for (Map.Entry<String, BiFunction<RealFunction, double[], Gradient>> other : GRADIENTS.entrySet()) {
            double[] theirs = other.getValue().apply(c.f(), c.x()).gradient();
            assertClose(mine.gradient(), theirs, c + ": gradient vs " + other.getKey());
        }
    }

    static void assertClose(double[] actual, double[] expected, String what) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(actual).as(what).containsExactly(expected,
                within(AGREEMENT_TOLERANCE * (1 + scale)));
    }

    /** Every mode's gradient, for the agreement test. */
    static final Map<String, BiFunction<RealFunction, double[], Gradient>> GRADIENTS = new LinkedHashMap<>();

    /** Every mode's Hessian, for the agreement test. */
    static final Map<String, BiFunction<RealFunction, double[], double[][]>> HESSIANS = new LinkedHashMap<>();

    static {
        GRADIENTS.put("Dual", RealContract::dualGradient);
        GRADIENTS.put("DualVector", (f, x) -> Derivatives.gradient(f, Mode.FORWARD, x));
        GRADIENTS.put("Jet", RealContract::jetGradient);
        GRADIENTS.put("Tape", (f, x) -> Derivatives.gradient(f, Mode.REVERSE, x));
        HESSIANS.put("Jet", RealContract::jetHessian);
        HESSIANS.put("forward over reverse", Derivatives::hessian);
    }

    /** ∇f by n forward passes with {@link Dual}, one per unit vector. */
    static Gradient dualGradient(RealFunction f, double[] x) {
        double[] g = new double[x.length];
        double value = ContractCases.value(f, x);
        for (int i = 0; i < x.length; i++) {
            double[] e = new double[x.length];
            e[i] = 1;
            Dual y = (Dual) f.apply(Dual.seed(x, e));
            value = y.value();
            g[i] = y.tangent();
        }
        return new Gradient(value, g);
    }

    /** The second Taylor coefficient of t ↦ f(x + tv) times 2: vᵀ∇²f v (the first gives ∇f·v). */
    static Jet jetAlong(RealFunction f, double[] x, double[] v, int order) {
        return (Jet) f.apply(Jet.seed(x, v, order));
    }

    /** ∇f by n first-order Jets. */
    static Gradient jetGradient(RealFunction f, double[] x) {
        double[] g = new double[x.length];
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            double[] e = new double[x.length];
            e[i] = 1;
            Jet y = jetAlong(f, x, e, 1);
            value = y.value();
            g[i] = y.derivative(1);
        }
        return new Gradient(value, g);
    }

    /** ∇²f by second-order Jets: Hᵢᵢ along eᵢ, and Hᵢⱼ = (D²(eᵢ + eⱼ) − Hᵢᵢ − Hⱼⱼ) / 2. */
    static double[][] jetHessian(RealFunction f, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            h[i][i] = jetAlong(f, x, e, 2).derivative(2);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] e = new double[n];
                e[i] = 1;
                e[j] = 1;
                h[i][j] = (jetAlong(f, x, e, 2).derivative(2) - h[i][i] - h[j][j]) / 2;
                h[j][i] = h[i][j];
            }
        }
        return h;
    }
}
