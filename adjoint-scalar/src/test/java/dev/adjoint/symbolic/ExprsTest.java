package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprsTest {

    @Test
    void functionDifferentiatesLikeTheLambda() {
        RealFunction f = Exprs.toFunction(Parser.parse("ln(x1) + x1*x2 - sin(x2)"), List.of("x1", "x2"));
        Tape tape = Tape.create();
        Var[] x = tape.variables(2, 5);
        Var y = (Var) f.apply(x);
        double[] g = tape.gradient(y, x);
        assertThat(y.value()).isEqualTo(Math.log(2) + 10 - Math.sin(5));
        assertThat(g[0]).isCloseTo(0.5 + 5, within(1e-15));
        assertThat(g[1]).isCloseTo(2 - Math.cos(5), within(1e-15));
    }

    @Test
    void argumentOrderFollowsTheGivenList() {
        RealFunction f = Exprs.toFunction(Parser.parse("a - b"), List.of("b", "a", "unused"));
        Real[] x = {Dual.constantOf(1), Dual.constantOf(10), Dual.constantOf(100)};
        assertThat(f.apply(x).value()).isEqualTo(9.0);
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        Expr e = Parser.parse("atan2(y, x)*hypot(x, y) + exp(-x^2/2)/sqrt(2*pi) + max(x, y)^3");
        RealFunction f = Exprs.toFunction(e, List.of("x", "y"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            double dx = ((Dual) f.apply(Dual.seed(new double[] {x, y}, new double[] {1, 0}))).tangent();
            double h = 1e-6;
            double fd = (e.evaluate(java.util.Map.of("x", x + h, "y", y))
                    - e.evaluate(java.util.Map.of("x", x - h, "y", y))) / (2 * h);
            assertThat(dx).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void sharedNodesAreComputedOnce() {
        Expr e = Variable.of("x");
        for (int i = 0; i < 1000; i++) {
            e = e.add(e).mul(Variable.of("y")); // a DAG of 2002 nodes whose tree has more than 2^1000
        }
        Tape tape = Tape.create();
        Var[] x = tape.variables(1, 1);
        Var y = (Var) Exprs.toFunction(e, List.of("x", "y")).apply(new Real[] {x[0], x[1]});
        // The inputs and one entry per product (e + e stands on e's entry, twice its scale): each node once.
        assertThat(tape.size()).isEqualTo(2 + 1000);
        assertThat(tape.gradient(y, x)).containsExactly(Math.pow(2, 1000), 1000 * Math.pow(2, 1000));
    }

    @Test
    void deepExpressionsEvaluateWithoutRecursion() {
        Expr e = Parser.parse("x" + " + x".repeat(100_000));
        Real y = Exprs.toFunction(e, List.of("x")).apply(new Real[] {Dual.variable(2)});
        assertThat(y.value()).isEqualTo(200_002.0);
        assertThat(((Dual) y).tangent()).isEqualTo(100_001.0);
    }

    @Test
    void missingVariableIsNamed() {
        assertThatThrownBy(() -> Exprs.toFunction(Parser.parse("x1 + x3*x4"), List.of("x1", "x2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value for variables x3, x4")
                .hasMessageContaining("variables given: x1, x2");
    }

    @Test
    void constantExpressionWithoutVariables() {
        Real y = Exprs.toFunction(Parser.parse("2*pi"), List.of()).apply(new Real[0]);
        assertThat(y.value()).isEqualTo(2 * Math.PI);
    }

    @Test
    void wrongArity() {
        RealFunction f = Exprs.toFunction(Parser.parse("x"), List.of("x"));
        assertThatThrownBy(() -> f.apply(new Real[0])).hasMessageContaining("takes 1 arguments, got 0");
    }
}
