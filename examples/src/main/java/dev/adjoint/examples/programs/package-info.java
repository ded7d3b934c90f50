/**
 * Small runnable programs, one per idea, each a {@code main} that prints what it computes and checks itself
 * (a gradient check, an agreement between two methods), failing with an {@link java.lang.AssertionError} otherwise.
 */
package dev.adjoint.examples.programs;
