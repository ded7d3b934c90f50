#!/usr/bin/python3
"""PyTorch side of the Fashion-MNIST training comparison: the models, data handling and optimiser of
`./adjoint train --data /usr/share/datasets/fashion-mnist --model mlp|cnn`, in float64 (or `--dtype float32`), timed
the same way.

    /usr/bin/python3 adjoint-bench/python/fashion_mnist_torch.py --model cnn --threads 1 --epochs 1
    /usr/bin/python3 adjoint-bench/python/fashion_mnist_torch.py --model mlp --threads 2 --epochs 12 --lr 0.001 --cosine
    /usr/bin/python3 adjoint-bench/python/fashion_mnist_torch.py --model cnn --steps 40     # per-step median only

Same as the Java side: pixels scaled to [0, 1] then normalised by the training set's global mean and standard
deviation; MLP 784-256-128-100-10 with ReLU, CNN conv3x3(16, pad 1)-ReLU-maxpool2-conv3x3(32, pad 1)-ReLU-maxpool2-
128-ReLU-10 (He-normal weights, zero biases, Xavier-normal last layer); cross-entropy from logits (mean over the
batch); Adam (betas 0.9, 0.999, eps 1e-8), optionally with the learning rate decayed along a cosine per step; the
training set reshuffled every epoch; the last batch may be smaller. The epoch time is the training loop only (no
evaluation), as `adjoint train` reports it. `--steps N` times N training steps on random batches after 5 warm-up steps and
prints the median wall and process-CPU time, for a per-epoch estimate (median × steps per epoch) on a busy machine. Images are NCHW here (PyTorch's native
layout) and NHWC in Adjoint; the networks compute the same functions up to that layout.
Run with Debian's python3-torch (`/usr/bin/python3`). Not a dependency of the library.
"""

import argparse
import gzip
import json
import math
import os
import statistics
import struct
import sys
import time

try:
    import torch
except ImportError:
    raise SystemExit("needs PyTorch: apt-get install python3-torch, then run with /usr/bin/python3")


def idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    rank = magic & 0xFF
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    t = torch.frombuffer(bytearray(data[4 + 4 * rank:]), dtype=torch.uint8)
    return t.reshape(dims)


def find(directory, stem):
    for name in (stem, stem + ".gz"):
        p = os.path.join(directory, name)
        if os.path.exists(p):
            return p
    raise SystemExit("no %s(.gz) in %s" % (stem, directory))


def load(directory, limit):
    xs = idx(find(directory, "train-images-idx3-ubyte")).double().div(255).reshape(-1, 784)
    ys = idx(find(directory, "train-labels-idx1-ubyte")).long()
    xt = idx(find(directory, "t10k-images-idx3-ubyte")).double().div(255).reshape(-1, 784)
    yt = idx(find(directory, "t10k-labels-idx1-ubyte")).long()
    if limit:
        xs, ys = xs[:limit], ys[:limit]
    mean, std = xs.mean(), xs.std()
    return (xs - mean) / std, ys, (xt - mean) / std, yt


def model(kind, filters):
    def he(layer):
        torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        torch.nn.init.zeros_(layer.bias)
        return layer

    def xavier(layer):
        torch.nn.init.xavier_normal_(layer.weight)
        torch.nn.init.zeros_(layer.bias)
        return layer

    nn = torch.nn
    if kind == "mlp":
        return nn.Sequential(he(nn.Linear(784, 256)), nn.ReLU(), he(nn.Linear(256, 128)), nn.ReLU(),
                             he(nn.Linear(128, 100)), nn.ReLU(), xavier(nn.Linear(100, 10)))
    c1, c2 = filters
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         he(nn.Conv2d(1, c1, 3, padding=1)), nn.ReLU(), nn.MaxPool2d(2),
                         he(nn.Conv2d(c1, c2, 3, padding=1)), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         he(nn.Linear(7 * 7 * c2, 128)), nn.ReLU(), xavier(nn.Linear(128, 10)))


def accuracy(net, x, y):
    with torch.no_grad():
        correct = 0
        for i in range(0, len(x), 1000):
            correct += (net(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item()
    return correct / len(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--model", choices=["mlp", "cnn"], default="mlp")
    ap.add_argument("--filters", default="16,32")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=None, help="default 0.001 (mlp), 0.002 (cnn)")
    ap.add_argument("--cosine", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None, help="first N training examples")
    ap.add_argument("--steps", type=int, default=None, help="only time this many steps (median), no full epoch")
    ap.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    ap.add_argument("--json", default=None, help="append one JSON line with the results")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    dtype = torch.float32 if a.dtype == "float32" else torch.float64
    torch.set_default_dtype(dtype)
    xs, ys, xt, yt = load(a.data, a.limit)
    xs, xt = xs.to(dtype), xt.to(dtype)
    net = model(a.model, [int(f) for f in a.filters.split(",")])
    lr = a.lr if a.lr is not None else (0.001 if a.model == "mlp" else 0.002)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    n = len(xs)
    steps_per_epoch = (n + a.batch - 1) // a.batch
    total = a.epochs * steps_per_epoch
    lossf = torch.nn.CrossEntropyLoss()
    step = 0

    def train_step(xb, yb):
        nonlocal step
        if a.cosine:
            for g in opt.param_groups:
                g["lr"] = 0.5 * lr * (1 + math.cos(math.pi * step / total))
        opt.zero_grad(set_to_none=True)
        loss = lossf(net(xb), yb)
        loss.backward()
        opt.step()
        step += 1
        return loss.item()

    result = {"impl": "pytorch-%s" % torch.__version__, "model": a.model, "threads": a.threads, "batch": a.batch,
              "dtype": a.dtype}
    if a.steps:
        g = torch.Generator().manual_seed(a.seed)
        times = []
        cpu = []
        for i in range(a.steps + 5):
            idx_ = torch.randint(0, n, (a.batch,), generator=g)
            xb, yb = xs[idx_], ys[idx_]
            t0 = time.perf_counter()
            c0 = time.process_time()
            train_step(xb, yb)
            if i >= 5:
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        med = statistics.median(times)
        result.update({"step_median_s": med, "step_min_s": min(times), "step_cpu_median_s": statistics.median(cpu),
                       "steps": a.steps, "epoch_estimate_s": med * steps_per_epoch})
        print("%s %s threads %d: step median %.2f ms (min %.2f), process CPU median %.2f ms, over %d steps;"
              " epoch estimate %.1f s" % (result["impl"], a.model, a.threads, med * 1e3, min(times) * 1e3,
                                         statistics.median(cpu) * 1e3, a.steps, med * steps_per_epoch))
    else:
        g = torch.Generator().manual_seed(a.seed)
        epochs = []
        for e in range(a.epochs):
            perm = torch.randperm(n, generator=g)
            t0 = time.perf_counter()
            losses = []
            for i in range(0, n, a.batch):
                b = perm[i:i + a.batch]
                losses.append(train_step(xs[b], ys[b]))
            seconds = time.perf_counter() - t0
            acc = accuracy(net, xt, yt)
            epochs.append(seconds)
            print("epoch %2d  train loss %.4f  |  test acc %.4f  |  %.1f s  %.0f ex/s"
                  % (e + 1, statistics.mean(losses), acc, seconds, n / seconds), flush=True)
        result.update({"epochs": a.epochs, "epoch_s": epochs, "epoch_median_s": statistics.median(epochs),
                       "test_accuracy": acc})
        print("test accuracy %.4f after %d epochs; %.1f s per epoch (median)" % (acc, a.epochs,
                                                                               statistics.median(epochs)))
    if a.json:
        with open(a.json, "a") as f:
            f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
