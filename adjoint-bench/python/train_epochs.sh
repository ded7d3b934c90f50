#!/bin/sh
# One full Fashion-MNIST training epoch per cell, Adjoint against PyTorch 1.13 (Debian's python3-torch): MLP and
# CNN, float64 and float32, 1 and 2 threads, batch 128, Adam, interleaved (Adjoint then PyTorch per cell), ROUNDS
# rounds (default 1). Epoch time = the training loop only, as both tools report it. Results are appended as JSON
# lines to ${OUT:-train_epochs.jsonl}; the log shows the load before every run. Run from the repository root after
# ./adjoint --help (which builds the jar). The per-epoch table of BENCHMARKS.md comes from this script.
set -eu
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
OUT=${OUT:-train_epochs.jsonl}
T=adjoint-bench/python/fashion_mnist_torch.py
for round in $(seq 1 "${ROUNDS:-1}"); do
  for m in mlp cnn; do
    for d in float64 float32; do
      for t in 1 2; do
        echo "round $round $m $d threads $t $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
        ./adjoint train --data "$DATA" --model "$m" --dtype "$d" --epochs 1 --threads "$t" --quiet \
            --json "$OUT.adjoint.tmp" | grep "per epoch"
        sed "s/^{/{\"impl\":\"adjoint\",\"model\":\"$m\",\"dtype\":\"$d\",\"threads\":$t,/" "$OUT.adjoint.tmp" >> "$OUT"
        rm -f "$OUT.adjoint.tmp"
        /usr/bin/python3 "$T" --data "$DATA" --model "$m" --dtype "$d" --threads "$t" --epochs 1 --json "$OUT" \
            | grep "per epoch"
      done
    done
  done
done
