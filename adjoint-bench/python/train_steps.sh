#!/bin/sh
# Interleaved per-step medians of a full training step (forward, backward, Adam), batch 128, float64: Adjoint vs
# PyTorch 1.13, MLP and CNN, 1 and 2 threads, ROUNDS rounds (default 3). Run from the repository root after
# ./adjoint --help (which builds adjoint-cli/target/adjoint.jar). The figures of BENCHMARKS.md, "Convolution and
# threads", come from this loop.
J=adjoint-cli/target/adjoint.jar
T=adjoint-bench/python/fashion_mnist_torch.py
for round in $(seq 1 "${ROUNDS:-3}"); do
  for t in 1 2; do
    echo "round $round threads $t $(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
    for m in mlp cnn; do
      n=60; [ "$m" = cnn ] && n=30
      OPENBLAS_NUM_THREADS=$t java -Ddev.adjoint.threads=$t --add-modules jdk.incubator.vector -cp $J \
          dev.adjoint.bench.run.TrainSteps $m $n 2>/dev/null
      /usr/bin/python3 $T --model $m --threads $t --steps $n
    done
  done
done
