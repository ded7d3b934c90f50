/** Structured control flow (fori, scan, whileLoop, cond) that stays one equation when traced and is differentiable. */
package dev.adjoint.graph.control;
