/**
 * Scalar automatic differentiation: write a function once against {@link dev.adjoint.scalar.Real}, as a lambda,
 * and differentiate it in any mode.
 *
 * <pre>{@code
 * RealFunction f = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());
 * Gradient g = Derivatives.gradient(f, 2.0, 5.0);        // value 11.652…, gradient [5.5, 1.716…]
 * double[][] h = Derivatives.hessian(f, 2.0, 5.0);       // forward over reverse
 * double d3 = ((Jet) f.apply(Jet.seed(new double[] {2, 5}, new double[] {1, 0}, 3))).derivative(3);
 * }</pre>
 *
 * <h2>Implementations</h2>
 * <ul>
 *   <li>{@link dev.adjoint.scalar.Dual}: forward mode, one tangent; a directional derivative in one pass.</li>
 *   <li>{@link dev.adjoint.scalar.DualVector}: forward mode, n tangents; a gradient or n Jacobian columns in one
 *       pass.</li>
 *   <li>{@link dev.adjoint.scalar.Jet}: truncated Taylor series; all derivatives up to order k along one
 *       direction.</li>
 *   <li>{@link dev.adjoint.scalar.Var} on a {@link dev.adjoint.scalar.Tape}: reverse mode; the whole gradient for
 *       a small multiple of the cost of f, whatever the number of inputs. Only operations on two variables are
 *       recorded, {@value dev.adjoint.scalar.Tape#BYTES_PER_OPERATION} bytes each plus 8 during the sweep; the
 *       rest (f(x), x ± c, c·x, x·x) is folded into a scale as it runs.</li>
 *   <li>Forward over reverse (package-private {@code TangentTape}): a tape whose numbers carry one tangent, for
 *       Hessian-vector products ({@link dev.adjoint.scalar.Derivatives#hvp}) and Hessians.</li>
 * </ul>
 * {@link dev.adjoint.scalar.Derivatives} picks among them; {@link dev.adjoint.scalar.Mode} overrides the choice.
 *
 * <h2>One table of functions</h2>
 * Every function other than arithmetic is a row of {@link dev.adjoint.scalar.Elementary},
 * {@link dev.adjoint.scalar.Power}, {@link dev.adjoint.scalar.Polygamma} or {@link dev.adjoint.scalar.Binary}:
 * its value, its slope on doubles, and its derivative as a {@code Real} expression. First-order modes use the
 * slope; second-order and Taylor modes run the derivative expression on their own numbers, so no row needs a
 * second-derivative formula.
 *
 * <h2>Kinks</h2>
 * Where a function is not differentiable the derivative is a fixed one-sided or averaged choice, the same in every
 * mode: |x|′ = sign(x), so 0 at x = 0; sign′ = 0; min and max at a tie give each argument half the derivative,
 * so d min(x, x)/dx = 1 and max(x, 0) has slope ½ at 0. Outside a row's smooth interval
 * ({@link dev.adjoint.scalar.UnaryFunction#lower()} … {@link dev.adjoint.scalar.UnaryFunction#upper()}) values
 * and derivatives are those of the underlying {@code Math} function (often NaN or infinite).
 *
 * <h2>Nesting</h2>
 * Each forward-mode computation ({@code Dual}, {@code DualVector}, {@code Jet}) is tagged: combining numbers of
 * two computations, as an inner derivative that captures an outer variable does, throws an
 * {@link java.lang.IllegalArgumentException} naming perturbation confusion instead of returning a wrong answer.
 * For second derivatives use {@link dev.adjoint.scalar.Derivatives#hessian}/{@code hvp} or a {@code Jet}.
 * Tapes refuse {@code Var}s of another tape, or recorded before {@link dev.adjoint.scalar.Tape#clear()}.
 */
package dev.adjoint.scalar;
