/**
 * Structured control flow (fori, scan, scan with stacked outputs, whileLoop, cond) that stays one equation when
 * traced and is differentiable in both modes.
 */
package dev.adjoint.graph.control;
