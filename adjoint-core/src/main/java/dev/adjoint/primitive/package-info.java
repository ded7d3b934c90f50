/**
 * The primitives, one file each, with kernel, shape rule, JVP, VJP and batching rule; the sealed interfaces'
 * permits lists ({@link dev.adjoint.primitive.Primitive}, {@link dev.adjoint.primitive.Elementwise},
 * {@link dev.adjoint.primitive.Reduction}, {@link dev.adjoint.primitive.Structural},
 * {@link dev.adjoint.primitive.Control}) are the table of contents.
 */
package dev.adjoint.primitive;
