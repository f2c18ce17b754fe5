#!/usr/bin/env python3
"""Oracle for LRFinder's schedule, smoothing, stop rule and `valley` suggestion (plain Python).

Reads the raw minibatch losses of sweeps (`aifprep train lr-find --json` output, one file per case,
listed in lr_finder_cases.json) and recomputes, independently of the Swift code, everything derived
from them the way fastai's `lr_find` does:
  lr_i      = 1e-7 * (10 / 1e-7) ** (i / n)            (SchedExp, pos = i / num_it)
  avg_i     = 0.98 * avg_{i-1} + 0.02 * loss_i          (AvgSmoothLoss, torch.lerp)
  smooth_i  = avg_i / (1 - 0.98 ** (i + 1))             (bias correction)
  stop after the first i with smooth_i > 4 * min(smooth_0..i), or after n points
  suggestion: valley() on smooth[n // 10 : -5] (cut at the first non-finite value)
Usage: python3 lr_finder_reference.py > lr_finder_expected.json
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
START, END, BETA = 1e-7, 10.0, 0.98


def schedule(n):
    return [START * (END / START) ** (i / n) for i in range(n)]


def smooth_and_stop(raw, n):
    """Smoothed losses up to and including the point that stops the sweep."""
    out, avg, best = [], 0.0, math.inf
    for i, loss in enumerate(raw[:n]):
        avg = BETA * avg + (1 - BETA) * loss
        s = avg / (1 - BETA ** (i + 1))
        out.append(s)
        best = min(best, s)
        if not math.isfinite(s) or s > 4 * best:
            return out, True
    return out, False


def valley(losses):
    """fastai's valley: longest strictly decreasing run (as a subsequence), suggestion inside it."""
    n = len(losses)
    lds = [1] * n
    max_start, max_end = 0, 0
    for i in range(1, n):
        for j in range(0, i):
            if losses[i] < losses[j] and lds[i] < lds[j] + 1:
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    max_start = max(0, max_start)  # fastai can land one before the curve; aifprep clamps
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return max_start, max_end, idx


def suggest(smoothed, n):
    first = n // 10
    last = len(smoothed) - 5
    for k, s in enumerate(smoothed):
        if not math.isfinite(s):
            last = min(last, k)
            break
    if last - first < 2:
        return None
    start, end, idx = valley(smoothed[first:last])
    return {"index": first + idx, "valley": [first + start, first + end]}


def main():
    with open(os.path.join(HERE, "lr_finder_cases.json")) as f:
        cases = json.load(f)["cases"]
    results = []
    for case in cases:
        n = case["iterations"]
        raw = case["loss"]
        lrs = schedule(n)
        smoothed, diverged = smooth_and_stop(raw, n)
        s = suggest(smoothed, n)
        results.append({
            "name": case["name"],
            "lr": lrs[:len(smoothed)],
            "smoothedLoss": smoothed,
            "points": len(smoothed),
            "diverged": diverged,
            "suggestionIndex": s["index"] if s else None,
            "valley": s["valley"] if s else None,
            "suggested": lrs[s["index"]] if s else None,
        })
    print(json.dumps({"cases": results}, indent=1))


if __name__ == "__main__":
    main()
