/**
 * Data-parallel gradients and training on Apache Spark: each partition differentiates its share of the loss with
 * {@code Ad.valueAndGrad}, {@code treeAggregate} sums the shares, and the optimisers of adjoint-nn take the steps.
 */
package dev.adjoint.spark;
