/** Drives JMH over the registry (rounds of forks, medians), shows progress, and writes the table and JSON lines. */
package dev.adjoint.bench.run;
