/**
 * Symbolic differentiation: {@link dev.adjoint.symbolic.Expr} trees (records) that are also
 * {@link dev.adjoint.scalar.Real}s, so running any {@code RealFunction} on {@link dev.adjoint.symbolic.Variable}s
 * yields its expression; the {@link dev.adjoint.symbolic.Parser}; the chain rule on expressions
 * ({@link dev.adjoint.symbolic.SymbolicDerivative}, built from the function table's own derivative rows, shared
 * nodes kept shared); {@link dev.adjoint.symbolic.Simplifier} (constant folding, like terms, powers, hash-consing);
 * infix and LaTeX printing ({@link dev.adjoint.symbolic.ExprFormat}); size measures (tree versus DAG); and the
 * lecture's expression-swell example ({@link dev.adjoint.symbolic.LogisticMap},
 * {@link dev.adjoint.symbolic.SwellStudy}).
 *
 * <pre>{@code
 * Variable x1 = Variable.of("x1", 2), x2 = Variable.of("x2", 5);
 * Expr y = (Expr) x1.log().add(x1.mul(x2)).sub(x2.sin());
 * Expr d = Simplifier.simplify(y.derivative("x1"));   // x2 + 1/x1
 * d.value();                                            // 5.5
 * ExprFormat.latex(d);                                  // x_{2} + \frac{1}{x_{1}}
 * }</pre>
 */
package dev.adjoint.symbolic;
