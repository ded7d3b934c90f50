/** JMH benchmarks: every workload next to the baseline it is compared with, measured in the same run. */
package dev.adjoint.bench;
