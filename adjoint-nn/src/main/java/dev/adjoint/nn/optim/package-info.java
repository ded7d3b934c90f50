/**
 * Optimisers that work on any structure of tensors (a model record, a list, a single tensor): first-order
 * ({@link dev.adjoint.nn.optim.Sgd}, {@link dev.adjoint.nn.optim.Adam}, {@link dev.adjoint.nn.optim.RmsProp}),
 * quasi-Newton ({@link dev.adjoint.nn.optim.Lbfgs} with a strong-Wolfe line search) and Hessian-free
 * ({@link dev.adjoint.nn.optim.HessianFree}); learning-rate schedules and gradient clipping.
 */
package dev.adjoint.nn.optim;
