package dev.adjoint.checkpoint;

/**
 * A step whose input can be reconstructed from its output, such as an additive coupling (RevNet, Gomez et al.
 * 2017): y₁ = x₁ + F(x₂), y₂ = x₂ + G(y₁) is undone by x₂ = y₂ − G(y₁), x₁ = y₁ − F(x₂). A loop of such steps is
 * reversed with no snapshots at all ({@link Loop#gradientByInversion}).
 *
 * @param <S> the state (and cotangent) type
 */
public interface ReversibleStep<S> extends Step<S> {

    /** xᵢ = Fᵢ⁻¹(xᵢ₊₁). */
    S inverse(int i, S output);
}
