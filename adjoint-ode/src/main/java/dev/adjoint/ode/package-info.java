/**
 * ODE solvers (fixed-step RK4, adaptive Dormand–Prince 5(4)) and their gradients: reverse mode through the
 * solver's steps (discretise-then-optimise, optionally with binomial checkpointing) and the adjoint sensitivity
 * method of Chen et al. 2018, whose memory does not grow with the number of steps.
 */
package dev.adjoint.ode;
