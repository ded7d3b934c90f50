package dev.adjoint.nn.optim;

/** The parameters after an update and the objective's value before it. */
public record Step<T>(T params, double loss) {
}
