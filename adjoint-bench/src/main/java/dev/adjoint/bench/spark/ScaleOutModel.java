package dev.adjoint.bench.spark;

/**
 * A paper model of one data-parallel step on E executors: compute shrinks as 1/E, then the parameters are broadcast
 * (BitTorrent-like, ⌈log₂ E⌉ rounds of one transfer) and the gradients summed by Spark's {@code treeAggregate},
 * whose levels and fan-ins follow Spark's own loop (scale = max(⌈E^(1/depth)⌉, 2), reduce while
 * partitions &gt; scale + ⌈partitions/scale⌉, then the driver merges what is left). Every stage costs one scheduling
 * latency; every received gradient one transfer and one merge, serially at its receiver.
 *
 * @param stageSeconds   scheduling latency of one Spark stage (measured: an empty job)
 * @param transferSeconds one gradient or parameter vector over the network (its bytes / the assumed bandwidth)
 * @param mergeSeconds   adding one gradient vector into another (measured)
 */
record ScaleOutModel(double stageSeconds, double transferSeconds, double mergeSeconds) {

    /** The seconds one step takes on {@code executors} executors when one JVM computes it in {@code compute}. */
    double step(double compute, int executors, int depth) {
        return compute / executors + broadcast(executors) + aggregate(executors, depth) + stageSeconds;
    }

    /** Broadcast time: ⌈log₂ E⌉ rounds of one transfer. */
    double broadcast(int executors) {
        return Math.ceil(Math.log(Math.max(executors, 2)) / Math.log(2)) * transferSeconds;
    }

    /** treeAggregate time with Spark's levels: each level one stage plus fan-in × (transfer + merge). */
    double aggregate(int executors, int depth) {
        int partitions = executors;
        int scale = Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
        double t = 0;
        while (partitions > scale + (int) Math.ceil((double) partitions / scale)) {
            t += stageSeconds + scale * (transferSeconds + mergeSeconds);
            partitions = (int) Math.ceil((double) partitions / scale);
        }
        return t + partitions * (transferSeconds + mergeSeconds);
    }

    /** The number of shuffle levels treeAggregate uses before the driver's final merge. */
    static int levels(int executors, int depth) {
        int partitions = executors;
        int scale = Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
        int levels = 0;
        while (partitions > scale + (int) Math.ceil((double) partitions / scale)) {
            partitions = (int) Math.ceil((double) partitions / scale);
            levels++;
        }
        return levels;
    }
}
