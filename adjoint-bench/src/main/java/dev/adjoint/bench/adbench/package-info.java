/**
 * ADBench (Srajer, Kukelova and Fitzgibbon 2018) on its own input files: readers with line-numbered errors
 * ({@link dev.adjoint.bench.adbench.GmmInput}, {@link dev.adjoint.bench.adbench.BaInput},
 * {@link dev.adjoint.bench.adbench.LstmInput}, {@link dev.adjoint.bench.adbench.HandModel},
 * {@link dev.adjoint.bench.adbench.HandInput}), the four objectives in tensor code with the derivatives ADBench asks
 * for ({@link dev.adjoint.bench.adbench.GmmAdbench}, {@link dev.adjoint.bench.adbench.BundleAdjustment},
 * {@link dev.adjoint.bench.adbench.Hand}, {@link dev.adjoint.bench.adbench.Lstm}), hand-written derivatives for GMM,
 * BA and Hand ({@link dev.adjoint.bench.adbench.ManualGmm}, {@link dev.adjoint.bench.adbench.ManualBa},
 * {@link dev.adjoint.bench.adbench.ManualHand}) and the
 * benchmark workloads ({@link dev.adjoint.bench.adbench.AdbenchWorkload}). See {@code adjoint-bench/ADBENCH.md}.
 */
package dev.adjoint.bench.adbench;
