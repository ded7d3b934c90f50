/** The Spark benchmark: the data-parallel trainer against the local one, and a paper model of scale-out. */
package dev.adjoint.bench.spark;
