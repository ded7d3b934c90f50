/**
 * Wengert lists: the lecture's tables, for any function.
 *
 * <p>{@link dev.adjoint.scalar.trace.Trace#record} runs a {@link dev.adjoint.scalar.RealFunction} (or a parsed
 * {@link dev.adjoint.symbolic.Expr}) on a tracing {@link dev.adjoint.scalar.Real} and keeps every elementary step:
 * inputs x₁ … xₙ become v₋ₙ₊₁ … v₀, the steps v₁ … vₖ are numbered level by level (all operations on the inputs
 * first, as in the lecture), constants stay literals inside the step that uses them, and y is the last node.
 * {@link dev.adjoint.scalar.trace.Trace#forward} replays the list with a seed ẋ (forward mode, one directional
 * derivative) and {@link dev.adjoint.scalar.trace.Trace#reverse} sweeps it backward from ȳ = 1 (reverse mode, the
 * whole gradient), recording each adjoint update in order: the first contribution to v̄ⱼ assigns it, later ones
 * accumulate (v̄₀ = v̄₀ + v̄₂ × v₋₁). The local partials are the table rows' slopes; the printed rules are the rows'
 * symbolic derivatives, so ln prints as {@code v̄₁ / v₋₁} and sin as {@code v̄₃ × cos(v₀)} with no printing rule per
 * function. {@link dev.adjoint.scalar.trace.Trace#requireFinite} names the first step that produced NaN or ∞.
 *
 * <p>{@link dev.adjoint.scalar.trace.TracePrinter} prints the forward primal, forward tangent and reverse adjoint
 * traces as aligned Unicode text, Markdown tables or a Graphviz DOT graph, to 3 decimals by default. For
 * {@code ln(x1) + x1*x2 - sin(x2)} at (2, 5) the output reproduces the lecture's tables: y = 11.652, ẏ = 5.5 for
 * ẋ₁ = 1, v̄₀ = −0.284 then 1.716, x̄₁ = 5.5, x̄₂ = 1.716. One difference is deliberate: the lecture writes
 * {@code v₅ = v₄ − v₃ = 10.693 + 0.959}, a sign slip (sin 5 = −0.959, so it should read 10.693 − (−0.959)); the
 * printout shows the correct arithmetic.
 *
 * <p>Notation in text: subscripts as Unicode (v₋₁, v₀, x₁), a dot over for tangents (v̇), a bar over for adjoints
 * (v̄), × for products and − (U+2212) for minus, as on the slides.
 */
package dev.adjoint.scalar.trace;
