/**
 * Checkpointing: schedules that reverse a loop while keeping only some of its states (store-all, √N segments,
 * and the optimal binomial schedule of Griewank and Walther's Revolve), and a generic {@link
 * dev.adjoint.checkpoint.Loop} that runs them on any state type with a per-step VJP, reporting the cost.
 */
package dev.adjoint.checkpoint;
