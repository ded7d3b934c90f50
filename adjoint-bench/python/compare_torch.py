#!/usr/bin/python3
"""Side by side with PyTorch: the scalar and tensor workloads of `adjoint bench`, same inputs, same results, both timed.

    ./adjoint bench --export /tmp/adjoint-export               # inputs + our value and gradient, per workload
    ./adjoint bench --json /tmp/adjoint.jsonl                  # our timings (optional, for the Java/PyTorch ratios)
    /usr/bin/python3 adjoint-bench/python/compare_torch.py /tmp/adjoint-export --java /tmp/adjoint.jsonl

Run with Debian's python3-torch (`apt-get install python3-torch`), single-threaded like the Java side. For each
workload the script regenerates the inputs from the documented generator (SplitMix64, as java.util.SplittableRandom)
and checks them bit for bit against the exported ones, computes the value and gradient with torch.autograd in
float64, checks them against ours to 1e-10 relative, then times them:

    t_obj   the value, under torch.no_grad()      (the same scalar code, on a tensor prepared once)
    t_grad  the value and the gradient: a fresh leaf (detach().requires_grad_()), forward, backward()

and prints, next to our adjoint-reverse and plain-double times from the JSON lines, the ratios Java/PyTorch.

The tensor workloads (rosenbrock_tensor, mlp, gmm, hvp) export their inputs as tensors (shape and data, no
regeneration needed) with our results; PyTorch computes the same functions with the same operations (hvp: the
gradient's directional derivative by double backward, PyTorch 1.13's way) and is compared with our adjoint-tensor
row, whose baseline is this library's own value without a transform.
Not a dependency of the library: nothing on the Java side needs Python.
"""

import argparse
import glob
import json
import math
import os
import statistics
import sys
import timeit

try:
    import torch
except ImportError:
    raise SystemExit("compare_torch.py needs PyTorch: apt-get install python3-torch, then run it with /usr/bin/python3")

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def generate(seed, n, lo, hi):
    """n doubles lo + (hi - lo) * u, u = new SplittableRandom(seed).nextDouble(), exactly as Java computes them."""
    state = seed & MASK
    out = []
    for _ in range(n):
        state = (state + GOLDEN_GAMMA) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        u = (z >> 11) * 2.0 ** -53
        out.append(lo + (hi - lo) * u)
    return out


# The workloads, written as scalar code in the same operation order as the Java side (so values agree to the bit
# where the operations are IEEE-exact). Each takes the list of 0-d tensors x and returns a 0-d tensor.

def seed_fn(x):
    return torch.log(x[0]) + x[0] * x[1] - torch.sin(x[1])


def logistic_fn(x, steps=1000):
    l = x[0]
    for _ in range(steps):
        l = 4 * l * (1 - l)
    return l


def rosenbrock_fn(x):
    s = torch.zeros((), dtype=torch.float64)
    for i in range(len(x) - 1):
        t = x[i + 1] - x[i] * x[i]
        u = x[i] - 1
        s = s + t * t * 100 + u * u
    return s


def rosenbrock_vectorized(x):
    """Not the same workload: how PyTorch is meant to be used, shown for reference (sums in another order)."""
    t = x[1:] - x[:-1] * x[:-1]
    u = x[:-1] - 1
    return torch.sum(t * t * 100 + u * u)


SCALAR = {"seed": seed_fn, "logistic": logistic_fn, "rosenbrock": rosenbrock_fn}
VECTORIZED = {"rosenbrock": rosenbrock_vectorized}


# The tensor workloads: the same operations as dev.adjoint.examples (Rosenbrock, Mlp, Gmm).

def rosenbrock_tensor_fn(x):
    head, tail = x[:-1], x[1:]
    return ((tail - head.square()).square() * 100 + (1 - head).square()).sum()


def mlp_fn(t, params):
    h = t["inputs"]
    layers = len(params) // 2
    for i in range(layers):
        h = h @ params[2 * i] + params[2 * i + 1]
        if i + 1 < layers:
            h = torch.tanh(h)
    logp = torch.log_softmax(h, 1)
    return -logp.gather(1, t["labels"].long().unsqueeze(1)).mean()


def gmm_fn(t, params):
    alphas, means, icf = params
    x = t["x"]
    n, d = x.shape
    k = alphas.shape[0]
    gamma, m = t["gamma"].item(), int(t["m"].item())
    log_diag, lower = icf[:, :d], icf[:, d:]
    entries = torch.cat([torch.zeros(k, 1, dtype=torch.float64), log_diag.exp(), lower], 1)
    index = [0] * (d * d)
    pos = 0
    for i in range(d):
        index[i * d + i] = 1 + i
        for j in range(i + 1, d):
            index[j * d + i] = 1 + d + pos
            pos += 1
    q = entries[:, index].reshape(k, d, d)
    sum_qs = log_diag.sum(1)
    sq = (q @ x.T - q @ means.unsqueeze(2)).square().sum(1)
    main = (alphas + sum_qs).unsqueeze(1) - sq * 0.5
    slse = torch.logsumexp(main, 0).sum()
    constant = -n * d * 0.5 * math.log(2 * math.pi)
    nn = d + m + 1
    frobenius = log_diag.exp().square().sum() + lower.square().sum()
    log_gamma_d = 0.25 * d * (d - 1) * math.log(math.pi) + sum(math.lgamma(0.5 * nn + 0.5 * (1 - j))
                                                              for j in range(1, d + 1))
    c = nn * d * (math.log(gamma) - 0.5 * math.log(2)) - log_gamma_d
    wishart = frobenius * (0.5 * gamma * gamma) - sum_qs.sum() * m - k * c
    return slse - torch.logsumexp(alphas, 0) * n + constant + wishart


def tensor_case(name, t):
    """(param names, f(params) -> 0-d tensor, derivative(params) -> {result name: tensor}) for a tensor workload."""
    if name == "rosenbrock_tensor":
        names, f = ["x"], lambda p: rosenbrock_tensor_fn(p[0])
    elif name == "mlp":
        layers = sum(1 for key in t if key.startswith("w"))
        names = [f"{a}{i}" for i in range(layers) for a in ("w", "b")]
        f = lambda p: mlp_fn(t, p)
    elif name == "gmm":
        names, f = ["alphas", "means", "icf"], lambda p: gmm_fn(t, p)
    elif name == "hvp":
        names, f = ["x"], lambda p: rosenbrock_tensor_fn(p[0])

        def hvp(params):
            x = params[0].detach().requires_grad_()
            g, = torch.autograd.grad(rosenbrock_tensor_fn(x), x, create_graph=True)
            hv, = torch.autograd.grad(g, x, grad_outputs=t["v"])
            return {"hvp": hv}
        return names, f, hvp
    else:
        return None

    def grad(params):
        leaves = [p.detach().requires_grad_() for p in params]
        y = f(leaves)
        y.backward()
        out = {"value": y.detach()}
        out.update({"grad." + n: leaf.grad for n, leaf in zip(names, leaves)})
        return out
    return names, f, grad


def compare_tensor(ref, args):
    """Checks and times one tensor workload; returns (row, ok)."""
    name = ref["workload"]
    t = {k: torch.tensor(v["data"], dtype=torch.float64).reshape([int(s) for s in v["shape"]]) for k, v in ref["tensors"].items()}
    case = tensor_case(name, t)
    if case is None:
        print(f"{name}: no PyTorch version here, skipped")
        return None, True
    names, f, derivative = case
    params = [t[n] for n in names]
    ours = derivative(params)
    worst = 0.0
    for key, got in ours.items():
        want = t[key]
        scale = max(want.abs().max().item(), got.abs().max().item()) or 1.0
        worst = max(worst, (got - want).abs().max().item() / scale)
    ok = worst <= args.tolerance
    print(f"{name:<17} pytorch  results {', '.join(ours)}: max rel. diff to ours {worst:.1e}  {'ok' if ok else 'MISMATCH'}")
    print(f"{'':<26} timing ...", end="", flush=True)

    def value():
        with torch.no_grad():
            return f(params).item()
    t_obj = seconds_per_call(value, args.repeats)
    t_grad = seconds_per_call(lambda: derivative(params), args.repeats)
    print(f" t_obj {fmt(t_obj)}, t_grad {fmt(t_grad)}", flush=True)
    return {"workload": name, "impl": "pytorch", "t_obj_s": t_obj, "t_grad_s": t_grad, "ratio": t_grad / t_obj}, ok


def value_and_grad(fn, x0, vectorized):
    """Our adjoint-reverse task, in PyTorch: a fresh leaf on the prepared inputs, forward, backward, gradient."""
    x = x0.detach().requires_grad_()
    y = fn(x) if vectorized else fn(x.unbind())
    y.backward()
    return y.item(), x.grad


def value_only(fn, x0, vectorized):
    with torch.no_grad():
        y = fn(x0) if vectorized else fn(x0.unbind())
        return y.item()


def seconds_per_call(f, repeats):
    """Median over `repeats` timings, each of enough calls to last at least 0.2 s (timeit's autorange)."""
    timer = timeit.Timer(f)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=repeats, number=number))


def relative_error(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def check(ref, value, grad, tol):
    """Largest relative differences (value, gradient entries, directional derivative) to our exported results."""
    g = grad.tolist()
    if len(g) != len(ref["gradient"]):
        raise SystemExit(f"{ref['workload']}: gradient has {len(g)} entries, ours {len(ref['gradient'])}")
    err_value = relative_error(value, ref["value"])
    err_grad = max(relative_error(a, b) for a, b in zip(g, ref["gradient"]))
    dot = math.fsum(a * b for a, b in zip(g, ref["v"]))
    dot_scale = math.fsum(abs(a * b) for a, b in zip(g, ref["v"])) or 1.0
    err_dir = abs(dot - ref["directional"]) / dot_scale
    ok = err_value <= tol and err_grad <= tol and err_dir <= tol
    return ok, err_value, err_grad, err_dir


def read_java(path):
    """Our timings: {(workload, impl): row} from `adjoint bench --json`."""
    rows = {}
    if path:
        with open(path) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if "impl" in r:
                        rows[(r["workload"], r["impl"])] = r
    return rows


def fmt(seconds):
    if seconds is None:
        return "-"
    for unit, scale in (("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3)):
        if seconds < 1000 * scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds:.3g} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exported", help="directory written by `adjoint bench --export DIR`")
    parser.add_argument("--java", help="JSON lines written by `adjoint bench --json FILE` (our timings)")
    parser.add_argument("--json", help="write PyTorch's rows as JSON lines (impl pytorch, pytorch-vectorized)")
    parser.add_argument("--repeats", type=int, default=5, help="timings per measurement (median; default 5)")
    parser.add_argument("--tolerance", type=float, default=1e-10, help="relative agreement required (1e-10)")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    java = read_java(args.java)
    files = sorted(glob.glob(os.path.join(args.exported, "*.json")))
    if not files:
        raise SystemExit(f"no *.json in {args.exported}: run `./adjoint bench --export {args.exported}` first")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread, python {sys.version.split()[0]}")

    failed = False
    rows = []
    for path in files:
        with open(path) as f:
            ref = json.load(f)
        name = ref["workload"]
        if "tensors" in ref:
            row, ok = compare_tensor(ref, args)
            failed |= not ok
            if row:
                rows.append(row)
            continue
        if name not in SCALAR:
            print(f"{name}: no PyTorch version here, skipped")
            continue
        p, d = ref["point"], ref["direction"]
        xs, vs = generate(p["seed"], p["n"], p["lo"], p["hi"]), generate(d["seed"], d["n"], d["lo"], d["hi"])
        if xs != ref["x"] or vs != ref["v"]:
            bad = next(i for i, (a, b) in enumerate(zip(xs + vs, ref["x"] + ref["v"])) if a != b)
            raise SystemExit(f"{name}: regenerated inputs differ from the exported ones at entry {bad}")
        variants = [("pytorch", SCALAR[name], False)]
        if name in VECTORIZED:
            variants.append(("pytorch-vectorized", VECTORIZED[name], True))
        x0 = torch.tensor(xs, dtype=torch.float64)  # prepared once, like the Java tasks' inputs
        for impl, fn, vectorized in variants:
            value, grad = value_and_grad(fn, x0, vectorized)
            ok, ev, eg, ed = check(ref, value, grad, args.tolerance)
            failed |= not ok
            print(f"{name:<11} {impl:<19} value {value:.17g}  max rel. diff to ours: value {ev:.1e},"
                  f" gradient {eg:.1e}, directional {ed:.1e}  {'ok' if ok else 'MISMATCH'}")
            print(f"{'':<31} timing ...", end="", flush=True)
            t_obj = seconds_per_call(lambda: value_only(fn, x0, vectorized), args.repeats)
            t_grad = seconds_per_call(lambda: value_and_grad(fn, x0, vectorized), args.repeats)
            print(f" t_obj {fmt(t_obj)}, t_grad {fmt(t_grad)}", flush=True)
            rows.append({"workload": name, "impl": impl, "t_obj_s": t_obj, "t_grad_s": t_grad,
                         "ratio": t_grad / t_obj})

    print()
    head = (f"{'workload':<17} {'impl':<19} {'torch t_obj':>11} {'torch t_grad':>12} {'ratio':>6}"
            f" {'Java value':>10} {'Java grad':>12} {'Java/PyTorch obj':>16} {'Java/PyTorch grad':>17}")
    print(head)
    for r in rows:
        ours = java.get((r["workload"], "adjoint-reverse")) or java.get((r["workload"], "adjoint-tensor"))
        j_obj = ours["t_obj_s"] if ours else None
        j_grad = ours["t_grad_s"] if ours else None
        r_obj = f"{j_obj / r['t_obj_s']:.3g}" if ours else "-"
        r_grad = f"{j_grad / r['t_grad_s']:.3g}" if ours else "-"
        print(f"{r['workload']:<17} {r['impl']:<19} {fmt(r['t_obj_s']):>11} {fmt(r['t_grad_s']):>12}"
              f" {r['ratio']:>6.2f} {fmt(j_obj):>10} {fmt(j_grad):>12} {r_obj:>16} {r_grad:>17}")
    if not java:
        print("(pass --java FILE from `adjoint bench --json FILE` for the Java/PyTorch columns)")
    if args.json:
        with open(args.json, "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    if failed:
        raise SystemExit(f"values or gradients differ from ours by more than {args.tolerance:g} (relative)")


if __name__ == "__main__":
    main()
