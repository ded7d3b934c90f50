/** The one JMH benchmark: it runs any registered task, chosen by its case id, in a fork of its own. */
package dev.adjoint.bench.jmh;
