#!/usr/bin/python3
"""Reference values and PyTorch timings for the ADBench workloads of adjoint-bench, from ADBench's own code.

    git -C /work/.mirror/microsoft+ADBench/repo archive HEAD src/python | tar -x -C /tmp/adbench
    /usr/bin/python3 adjoint-bench/python/adbench_reference.py /tmp/adbench/src/python \\
        --reference adjoint-bench/src/test/resources/adbench/reference      # the small reference files the tests read
    /usr/bin/python3 adjoint-bench/python/adbench_reference.py /tmp/adbench/src/python --time times.jsonl

The first argument is ADBench's `src/python` folder (an extracted checkout, not part of this repository): the script
imports ADBench's readers (`shared/input_utils.py`) and its PyTorch modules (`modules/PyTorch/*`) from there and
calls them as ADBench's runner does (prepare, calculate_objective, calculate_jacobian, output); nothing of ADBench's
is copied here. Inputs are the files shipped with adjoint-bench (`src/main/resources/adbench`).

Two settings differ from a plain ADBench run, both to get float64 throughout on one thread, as the Java side:
`torch.set_default_dtype(torch.float64)` (ADBench's modules create some tensors with the default dtype, e.g.
`torch.eye(3)` for the hand's rotations and the BA weight-error buffer, which would otherwise be float32) and
`torch.set_num_threads(1)`. ADBench's data classes give arrays as dataclass defaults, which Python 3.11 refuses;
the script turns those into default factories before importing them. scipy (only `scipy.special.multigammaln`, the GMM's constant) is replaced by a
two-line log-multivariate-gamma when scipy is not installed (Debian's python3-torch does not pull it in).

--reference DIR writes, per objective, the values and sampled derivative entries for the smallest inputs as JSON
(the Java tests compare against them). --time FILE times each input: t_obj (calculate_objective(1)) and t_grad
(calculate_jacobian(1)), the median over repetitions (at least 3, or one when a single call takes over 20 s), as JSON
lines like `adjoint bench --json` writes, with impl "pytorch-adbench". For BA a vectorised PyTorch variant
("pytorch-vectorised": all observations as one batch, the 2 x 15 blocks from two backward passes, since observations
do not interact) is timed too, because ADBench's module loops over observations in Python (so slowly that it is
skipped above --max-ba-observations, 50 000 by default: ba3). Its hand module runs one backward pass per residual
(5 minutes for hand4's 1 200 rows) and is skipped above --max-hand-points (400: hand6); next to it
"pytorch-vectorised" is PyTorch's own `torch.autograd.functional.jacobian(objective, x, vectorize=True,
strategy="forward-mode")` of ADBench's hand objective (the complicated variant only up to --max-hand-points: its
2N + 26 tangents would not fit in memory for hand6).
"""

import argparse
import json
import math
import os
import statistics
import sys
import time
import types

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, "..", "src", "main", "resources", "adbench")

GMM = ["gmm/1k/gmm_d2_K10.txt", "gmm/1k/gmm_d10_K25.txt", "gmm/1k/gmm_d20_K50.txt"]
BA = ["ba/ba1_n49_m7776_p31843.txt", "ba/ba2_n21_m11315_p36455.txt", "ba/ba3_n161_m48126_p182072.txt"]
LSTM = ["lstm/lstm_l2_c1024.txt", "lstm/lstm_l4_c1024.txt", "lstm/lstm_l2_c4096.txt"]
HAND = ["hand1_t26_c100.txt", "hand4_t26_c400.txt", "hand6_t26_c1600.txt"]

BA_SAMPLE = [0, 1, 2, 4999, 31842]          # observations whose Jacobian rows are written out
HAND_SAMPLE = [0, 1, 2, 17, 42, 99]         # points whose Jacobian rows are written out


def allow_mutable_dataclass_defaults():
    """ADBench's data classes (written for Python 3.7) give arrays as field defaults, which Python 3.11 rejects; turn
    such a default into a default_factory before ADBench's modules import dataclasses.field."""
    import dataclasses
    plain = dataclasses.field

    def field(*, default=dataclasses.MISSING, **kw):
        if default is not dataclasses.MISSING and type(default).__hash__ is None:
            return plain(default_factory=lambda d=default: d.copy() if hasattr(d, "copy") else d, **kw)
        return plain(default=default, **kw)
    dataclasses.field = field


def load_adbench(src):
    allow_mutable_dataclass_defaults()
    if "scipy" not in sys.modules:
        try:
            import scipy.special  # noqa: F401
        except ImportError:
            special = types.ModuleType("scipy.special")
            special.multigammaln = lambda a, d: 0.25 * d * (d - 1) * math.log(math.pi) + sum(
                math.lgamma(a + 0.5 * (1 - j)) for j in range(1, d + 1))
            scipy = types.ModuleType("scipy")
            scipy.special = special
            sys.modules["scipy"] = scipy
            sys.modules["scipy.special"] = special
    sys.path.insert(0, os.path.abspath(src))
    import shared.input_utils as input_utils
    from modules.PyTorch.PyTorchGMM import PyTorchGMM
    from modules.PyTorch.PyTorchBA import PyTorchBA
    from modules.PyTorch.PyTorchLSTM import PyTorchLSTM
    from modules.PyTorch.PyTorchHand import PyTorchHand
    from modules.PyTorch.utils import torch_jacobian
    from modules.PyTorch import ba_objective
    return types.SimpleNamespace(io=input_utils, GMM=PyTorchGMM, BA=PyTorchBA, LSTM=PyTorchLSTM, Hand=PyTorchHand,
                                 torch_jacobian=torch_jacobian, ba=ba_objective)


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def read(ad, kind, name, variant=None):
    path = os.path.join(INPUTS, name) if kind != "hand" else os.path.join(INPUTS, "hand", variant, name)
    if kind == "gmm":
        return ad.io.read_gmm_instance(path, False)
    if kind == "ba":
        return ad.io.read_ba_instance(path)
    if kind == "lstm":
        return ad.io.read_lstm_instance(path)
    return ad.io.read_hand_instance(os.path.join(INPUTS, "hand", "model"), path, variant == "complicated_small")


def module(ad, kind):
    return {"gmm": ad.GMM, "ba": ad.BA, "lstm": ad.LSTM, "hand": ad.Hand}[kind]()


def reference(ad, out):
    os.makedirs(out, exist_ok=True)
    meta = {"module": "ADBench src/python/modules/PyTorch", "torch": torch.__version__}

    def write(name, obj):
        with open(os.path.join(out, name), "w") as f:
            json.dump(dict(meta, **obj), f, indent=None)
            f.write("\n")

    for name in GMM[:2]:
        m = module(ad, "gmm")
        m.prepare(read(ad, "gmm", name))
        m.calculate_jacobian(1)
        o = m.output()
        write("gmm_" + os.path.basename(name)[:-4] + ".json",
              {"input": name, "objective": float(o.objective), "gradient": floats(o.gradient),
               "gradient_order": "alphas [K], means [K, d], icf [K, d(d+1)/2], each row-major"})

    name = BA[0]
    inp = read(ad, "ba", name)
    m = module(ad, "ba")
    m.prepare(inp)
    m.calculate_objective(1)
    o = m.output()
    rows = []
    for j in BA_SAMPLE:
        cam, x, w = m.cams[int(m.obs[j, 0])], m.x[int(m.obs[j, 1])], m.w[j]
        err, jac = ad.torch_jacobian(ad.ba.compute_reproj_err, (cam, x, w), (m.feats[j],))
        # torch_jacobian returns the 2 x 15 block column-major (ADBench's BASparseMat layout): entry 2 * c + r
        block = jac.detach().numpy().reshape(15, 2).T
        wd = ad.torch_jacobian(ad.ba.compute_w_err, (w,))[1]
        rows.append({"observation": j, "camera": int(m.obs[j, 0]), "point": int(m.obs[j, 1]),
                     "block": floats(block), "weight_derivative": float(wd.detach().numpy().ravel()[0])})
    write("ba_" + os.path.basename(name)[:-4] + ".json",
          {"input": name, "reprojection_error_head": floats(o.reproj_err[:10]), "reprojection_error_count":
           len(o.reproj_err), "weight_error_head": floats(o.w_err[:10]), "observations": rows,
           "block_layout": "2 x 15 row-major: columns camera 11, point 3, weight 1"})

    name = LSTM[0]
    m = module(ad, "lstm")
    m.prepare(read(ad, "lstm", name))
    m.calculate_jacobian(1)
    o = m.output()
    write("lstm_" + os.path.basename(name)[:-4] + ".json",
          {"input": name, "objective": float(o.objective), "gradient": floats(o.gradient),
           "gradient_order": "main parameters [2l, 4b] then extra parameters [3, b], row-major"})

    for variant in ("simple_small", "complicated_small"):
        name = HAND[0]
        m = module(ad, "hand")
        m.prepare(read(ad, "hand", name, variant))
        m.calculate_jacobian(1)
        o = m.output()
        jac = np.asarray(o.jacobian)
        sample = {str(i): floats(jac[3 * i: 3 * i + 3]) for i in HAND_SAMPLE}
        write("hand_" + variant.split("_")[0] + "_" + name[:-4] + ".json",
              {"input": "hand/" + variant + "/" + name, "objective": floats(o.objective),
               "jacobian_columns": int(jac.shape[1]), "jacobian_rows_of_points": sample,
               "jacobian_layout": "rows 3i..3i+2 for point i; columns: (complicated: u0, u1, then) the 26 pose "
                                  "parameters"})
    print("reference files written to", out)


def timed(call, budget=2.0, long_call=20.0):
    samples = []
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t0)
        if samples[0] > long_call or (len(samples) >= 3 and time.perf_counter() - start > budget):
            return statistics.median(samples), len(samples), min(samples)


def ba_vectorised(inp):
    cams = torch.tensor(inp.cams)[torch.tensor(inp.obs[:, 0])]
    pts = torch.tensor(inp.x)[torch.tensor(inp.obs[:, 1])]
    w = torch.tensor(inp.w).unsqueeze(1)
    feats = torch.tensor(inp.feats)

    def residual(z):
        rot, c, f, x0, rad, X, wt = z[:, 0:3], z[:, 3:6], z[:, 6:7], z[:, 7:9], z[:, 9:11], z[:, 11:14], z[:, 14:15]
        xc = X - c
        sq = (rot * rot).sum(1, keepdim=True)
        theta = torch.sqrt(sq)
        om = rot / theta
        cos, sin = torch.cos(theta), torch.sin(theta)
        xr = xc * cos + torch.cross(om, xc, dim=1) * sin + om * (om * xc).sum(1, keepdim=True) * (1 - cos)
        proj = xr[:, 0:2] / xr[:, 2:3]
        rsq = (proj * proj).sum(1, keepdim=True)
        dist = 1 + rad[:, 0:1] * rsq + rad[:, 1:2] * rsq * rsq
        return wt * (proj * dist * f + x0 - feats)

    def objective():
        with torch.no_grad():
            z = torch.cat([cams, pts, w], 1)
            return residual(z), 1 - w * w

    def jacobian():
        z = torch.cat([cams, pts, w], 1).requires_grad_()
        r = residual(z)
        rows = [torch.autograd.grad(r[:, k].sum(), z, retain_graph=k == 0)[0] for k in range(2)]
        wz = w.clone().requires_grad_()
        we = 1 - wz * wz
        dw = torch.autograd.grad(we.sum(), wz)[0]
        return r.detach(), torch.stack(rows, 1), dw
    return objective, jacobian


def times(ad, out, only, max_ba, max_hand):
    cases = [("gmm", n, None) for n in GMM] + [("ba", n, None) for n in BA] + [("lstm", n, None) for n in LSTM] \
        + [("hand", n, v) for v in ("simple_small", "complicated_small") for n in HAND]
    with open(out, "a") as f:
        for kind, name, variant in cases:
            if only and kind not in only:
                continue
            inp = read(ad, kind, name, variant)
            m = module(ad, kind)
            m.prepare(inp)
            base = os.path.basename(name)[:-4]
            label = base if variant is None else variant.split("_")[0] + "_" + base
            rows = []
            if kind == "hand" and len(inp.data.correspondences) > max_hand:
                print(f"# {label}: ADBench's PyTorch hand module skipped ({len(inp.data.correspondences)} points > "
                      f"--max-hand-points {max_hand}; it runs one backward pass per residual: hand4, 400 points, "
                      f"takes about 5 minutes)", flush=True)
            elif kind == "ba" and len(inp.obs) > max_ba:
                print(f"# {label}: ADBench's per-observation PyTorch BA skipped ({len(inp.obs)} observations > "
                      f"--max-ba-observations {max_ba}; ba1 takes about 4 minutes)", flush=True)
            else:
                rows.append(("pytorch-adbench", timed(lambda: m.calculate_objective(1)),
                             timed(lambda: m.calculate_jacobian(1))))
            if kind == "hand" and (variant == "simple_small" or len(inp.data.correspondences) <= max_hand):
                # PyTorch's own vectorised Jacobian of ADBench's objective: forward mode, all tangents in one vmap.
                objective = lambda v: m.objective_function(v, *m.params)
                x = m.inputs.detach()
                b = timed(lambda: torch.autograd.functional.jacobian(objective, x, vectorize=True,
                                                                     strategy="forward-mode"))
                rows.append(("pytorch-vectorised", timed(lambda: objective(x)), b))
            if kind == "ba":
                obj, jac = ba_vectorised(inp)
                rows.append(("pytorch-vectorised", timed(obj), timed(jac)))
            for impl, (a, na, amin), (b, nb, bmin) in rows:
                line = {"workload": "adbench_" + kind, "input": label, "impl": impl, "t_obj_s": a, "t_grad_s": b,
                        "ratio": b / a, "t_obj_min_s": amin, "t_grad_min_s": bmin, "ratio_min": bmin / amin,
                        "samples_obj": na, "samples_grad": nb, "threads": torch.get_num_threads(),
                        "torch": torch.__version__}
                print(json.dumps(line), flush=True)
                f.write(json.dumps(line) + "\n")
                f.flush()


def table(java_files, torch_files, fastest=False):
    """A markdown table: per input, Adjoint's rows (adjoint-tensor, compiled, manual) next to PyTorch's, in ms."""
    def load(files):
        rows = []
        for name in files:
            with open(name) as f:
                rows += [json.loads(line) for line in f if line.strip().startswith("{")]
        return rows
    java = [r for r in load(java_files) if r.get("workload", "").startswith("adbench_")]
    torch_rows = load(torch_files)
    if fastest:
        # The fastest call (iteration) on both sides, instead of the median: the least disturbed figure.
        def to_min(r):
            r = dict(r, t_obj_s=r["t_obj_min_s"], t_grad_s=r["t_grad_min_s"])
            return dict(r, ratio=r["t_grad_s"] / r["t_obj_s"])
        java = [to_min(r) for r in java if "t_grad_min_s" in r]
        torch_rows = [to_min(r) for r in torch_rows if "t_grad_min_s" in r]
    ms = lambda s: f"{s * 1e3:.3g}" if s * 1e3 < 100 else f"{s * 1e3:.0f}"
    print("| workload | input | Adjoint t_obj | Adjoint t_grad | ratio | compiled t_grad (ratio) "
          "| manual t_grad (ratio) | PyTorch t_obj | PyTorch t_grad | ratio | PyTorch impl |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    seen = []
    for r in java:
        key = (r["workload"], r["input"])
        if key in seen:
            continue
        seen.append(key)
        ad = next((x for x in java if (x["workload"], x["input"]) == key and x["impl"] == "adjoint-tensor"), None)
        man = next((x for x in java if (x["workload"], x["input"]) == key and x["impl"] == "manual"), None)
        jit = next((x for x in java if (x["workload"], x["input"]) == key and x["impl"] == "adjoint-compiled"),
                   None)
        # Several --time runs: per implementation the run with the fastest derivative (the least disturbed one).
        theirs = {}
        for x in torch_rows:
            if (x["workload"], x["input"]) == key:
                best = theirs.get(x["impl"])
                theirs[x["impl"]] = x if best is None or x["t_grad_s"] < best["t_grad_s"] else best
        theirs = list(theirs.values()) or [None]
        for t in theirs:
            cells = [key[0], key[1], ms(ad["t_obj_s"]), ms(ad["t_grad_s"]), f"{ad['ratio']:.2f}",
                     f"{ms(jit['t_grad_s'])} ({jit['ratio']:.2f})" if jit else "–",
                     f"{ms(man['t_grad_s'])} ({man['ratio']:.2f})" if man else "–"]
            cells += [ms(t["t_obj_s"]), ms(t["t_grad_s"]), f"{t['ratio']:.2f}", t["impl"]] if t else ["–"] * 4
            print("| " + " | ".join(cells) + " |")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("adbench", nargs="?", help="ADBench's src/python folder (extracted checkout)")
    p.add_argument("--reference", metavar="DIR", help="write the reference JSON files here")
    p.add_argument("--time", metavar="FILE", help="append PyTorch timings as JSON lines to FILE")
    p.add_argument("--only", default="", help="with --time: comma-separated objectives (gmm, ba, lstm, hand)")
    p.add_argument("--max-hand-points", type=int, default=400,
                   help="with --time: skip ADBench's PyTorch hand module above this many points (one backward pass "
                        "per residual row: hand6, 1 600 points, would take over an hour)")
    p.add_argument("--table", nargs=2, metavar=("JAVA", "TORCH"),
                   help="print a markdown table of adjoint bench's JSON lines JAVA next to --time's TORCH "
                        "(comma-separated file lists), then exit")
    p.add_argument("--fastest", action="store_true",
                   help="with --table: compare the fastest calls (t_*_min_s) instead of the medians")
    p.add_argument("--max-ba-observations", type=int, default=50000,
                   help="with --time: skip ADBench's per-observation PyTorch BA module above this many observations "
                        "(it loops in Python: ba1, 31 843 observations, takes about 4 minutes); the vectorised "
                        "variant is timed on every input")
    a = p.parse_args()
    if a.table:
        table(a.table[0].split(","), a.table[1].split(","), a.fastest)
        return
    if not a.adbench:
        p.error("give ADBench's src/python folder (e.g. /tmp/adbench/src/python)")
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    ad = load_adbench(a.adbench)
    if a.reference:
        reference(ad, a.reference)
    if a.time:
        times(ad, a.time, [s for s in a.only.split(",") if s], a.max_ba_observations, a.max_hand_points)
    if not a.reference and not a.time:
        p.error("nothing to do: give --reference DIR and/or --time FILE")


if __name__ == "__main__":
    main()
