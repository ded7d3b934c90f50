package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import org.junit.jupiter.api.Test;

class ExprFormatTest {

    static final Expr A = Variable.of("a");
    static final Expr B = Variable.of("b");
    static final Expr C = Variable.of("c");

    static Expr op(Binary f, Expr l, Expr r) {
        return new BinaryExpr(f, l, r);
    }

    @Test
    void infixUsesOnlyTheParenthesesPrecedenceNeeds() {
        assertThat(op(Binary.SUB, A, op(Binary.SUB, B, C)).toString()).isEqualTo("a - (b - c)");
        assertThat(op(Binary.SUB, op(Binary.SUB, A, B), C).toString()).isEqualTo("a - b - c");
        assertThat(op(Binary.ADD, A, op(Binary.SUB, B, C)).toString()).isEqualTo("a + b - c");
        assertThat(op(Binary.MUL, op(Binary.ADD, A, B), C).toString()).isEqualTo("(a + b)*c");
        assertThat(op(Binary.DIV, A, op(Binary.MUL, B, C)).toString()).isEqualTo("a/(b*c)");
        assertThat(op(Binary.DIV, op(Binary.DIV, A, B), C).toString()).isEqualTo("a/b/c");
        assertThat(op(Binary.MUL, A, op(Binary.DIV, B, C)).toString()).isEqualTo("a*b/c");
        assertThat(op(Binary.POW, A, op(Binary.POW, B, C)).toString()).isEqualTo("a^b^c");
        assertThat(op(Binary.POW, op(Binary.POW, A, B), C).toString()).isEqualTo("(a^b)^c");
        assertThat(new Unary(Elementary.NEG, new Unary(Power.of(2), A)).toString()).isEqualTo("-a^2");
        assertThat(new Unary(Power.of(2), new Unary(Elementary.NEG, A)).toString()).isEqualTo("(-a)^2");
        assertThat(new Unary(Power.of(-1), A).toString()).isEqualTo("a^(-1)");
        assertThat(op(Binary.SUB, A, new Unary(Elementary.NEG, B)).toString()).isEqualTo("a - (-b)");
        assertThat(op(Binary.MUL, A, Constant.of(-2)).toString()).isEqualTo("a*(-2)");
        assertThat(new Unary(Elementary.NEG, new Unary(Elementary.NEG, A)).toString()).isEqualTo("-(-a)");
        assertThat(new Unary(Elementary.SIN, op(Binary.ADD, A, B)).toString()).isEqualTo("sin(a + b)");
        assertThat(op(Binary.ATAN2, A, Constant.of(0.5)).toString()).isEqualTo("atan2(a, 0.5)");
        assertThat(new Unary(Elementary.RECIPROCAL, op(Binary.MUL, A, B)).toString()).isEqualTo("1/(a*b)");
    }

    @Test
    void latexUsesFractionsRootsAndSubscripts() {
        Variable x1 = Variable.of("x1");
        Variable x2 = Variable.of("x2");
        Expr lecture = (Expr) x1.log().add(x1.mul(x2)).sub(x2.sin());
        assertThat(ExprFormat.latex(lecture))
                .isEqualTo("\\ln\\left(x_{1}\\right) + x_{1} \\cdot x_{2} - \\sin\\left(x_{2}\\right)");
        assertThat(ExprFormat.latex(op(Binary.DIV, A, op(Binary.ADD, B, C)))).isEqualTo("\\frac{a}{b + c}");
        assertThat(ExprFormat.latex((Expr) A.sqrt().add(A.exp()))).isEqualTo("\\sqrt{a} + e^{a}");
        assertThat(ExprFormat.latex(op(Binary.MUL, Constant.of(2), A))).isEqualTo("2 a");
        assertThat(ExprFormat.latex(new Unary(Power.of(2), op(Binary.ADD, A, B))))
                .isEqualTo("\\left(a + b\\right)^{2}");
        assertThat(ExprFormat.latex(Variable.of("alpha"))).isEqualTo("\\mathrm{alpha}");
        assertThat(ExprFormat.latex((Expr) A.lgamma())).isEqualTo("\\operatorname{lgamma}\\left(a\\right)");
    }
}
