package dev.adjoint.primitive;

/** Primitives that steer differentiation rather than compute: stop-gradient and user-supplied rules. */
public sealed interface Control extends Primitive permits StopGradient, Custom {
}
