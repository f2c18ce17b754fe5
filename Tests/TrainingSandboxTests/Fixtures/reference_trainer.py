#!/usr/bin/env python3
"""Independent numpy re-implementation of the training sandbox's maths, used as a test oracle.

It reads `reference_cases.json` - a list of runs in the `aifprep train --json` form (config, data,
initial weights; produced by the Swift engine, see make_cases.sh) - retrains each one FULL-BATCH
with numpy's exact tanh, and writes the per-epoch learning rate and losses to
`reference_trajectories.json`. TrainingSandboxTests replays the same cases through the Swift
engine and compares epoch by epoch.

Maths (kept deliberately plain, one line per formula):
  forward   a_l = f(W_l a_{l-1} + b_l), loss = mean((y_hat - y)^2)
  backward  dL/dy_hat = 2 (y_hat - y) / n, chain rule through f'
  sgd       w -= lr g
  momentum  v = 0.9 v + g; w -= lr v                       (PyTorch SGD momentum)
  adam      m = b1 m + (1-b1) g; s = b2 s + (1-b2) g^2;
            w -= lr * (m / (1-b1^t)) / (sqrt(s / (1-b2^t)) + eps)
  schedule  PyTorch: warm-up LinearLR(start 1/(W+1), end 1, W epochs), then StepLR / ExponentialLR /
            CosineAnnealingLR(T_max = epochs - W, eta_min 0) counted from epoch W.
Losses of epoch e are measured on the whole train and validation sets after that epoch's update.

Usage: python3 reference_trainer.py [cases.json] [out.json]
"""
import json
import math
import sys

import numpy as np

np.seterr(over="ignore")  # sigmoid of a very negative input: exp overflows to inf, 1/(1+inf) = 0 as intended

ACTIVATIONS = {
    "tanh": (np.tanh, lambda a: 1 - a * a),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)),
    "relu": (lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(float)),
    "linear": (lambda z: z, lambda a: np.ones_like(a)),
}


def learning_rate(epoch, c):
    base, warm = c["lr"], c["warmup"]
    if epoch < warm:
        start = 1 / (warm + 1)
        return base * (start + (1 - start) * epoch / warm)
    e = epoch - warm
    kind = c["schedule"]
    if kind == "constant":
        return base
    if kind == "step":
        return base * c["gamma"] ** (e // c["stepSize"])
    if kind == "exponential":
        return base * c["gamma"] ** e
    if kind == "cosine":
        period = max(1, c["epochs"] - warm)
        return 0.5 * base * (1 + math.cos(math.pi * min(e, period) / period))
    raise ValueError(kind)


def split(rows, dim):
    data = np.array(rows, dtype=float)
    return data[:, :dim], data[:, dim]


def forward(params, x, c):
    hidden, _ = ACTIVATIONS[c["activation"]]
    output, _ = ACTIVATIONS[c["outputActivation"]]
    acts = [x]
    for i, (w, b) in enumerate(params):
        f = output if i == len(params) - 1 else hidden
        acts.append(f(acts[-1] @ w.T + b))
    return acts


def mse(params, x, y, c):
    return float(np.mean((forward(params, x, c)[-1][:, 0] - y) ** 2))


def gradients(params, x, y, c):
    _, dhidden = ACTIVATIONS[c["activation"]]
    _, doutput = ACTIVATIONS[c["outputActivation"]]
    acts = forward(params, x, c)
    n = x.shape[0]
    delta = (2 / n) * (acts[-1] - y[:, None]) * doutput(acts[-1])
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        grads[i] = (delta.T @ acts[i], delta.sum(axis=0))
        if i > 0:
            delta = (delta @ params[i][0]) * dhidden(acts[i])
    return grads


def train(case):
    c = case["config"]
    dim = 1 if c["dataset"] == "sine" else 2
    xt, yt = split(case["data"]["train"], dim)
    xv, yv = split(case["data"]["validation"], dim)
    assert c["batch"] >= len(yt), "the reference trains full-batch only"
    params = [(np.array(l["weights"], dtype=float), np.array(l["biases"], dtype=float))
              for l in case["initialWeights"]]
    state = [[np.zeros_like(p) for p in layer] for layer in params]
    second = [[np.zeros_like(p) for p in layer] for layer in params]
    out = {"name": case["name"], "lr": [], "trainLoss": [], "validationLoss": []}
    for epoch in range(c["epochs"]):
        lr = learning_rate(epoch, c)
        t = epoch + 1
        grads = gradients(params, xt, yt, c)
        new_params = []
        for li, (layer, glayer) in enumerate(zip(params, grads)):
            updated = []
            for pi, (p, g) in enumerate(zip(layer, glayer)):
                if c["optimizer"] == "sgd":
                    p = p - lr * g
                elif c["optimizer"] == "momentum":
                    state[li][pi] = 0.9 * state[li][pi] + g
                    p = p - lr * state[li][pi]
                else:
                    state[li][pi] = 0.9 * state[li][pi] + 0.1 * g
                    second[li][pi] = 0.999 * second[li][pi] + 0.001 * g * g
                    m_hat = state[li][pi] / (1 - 0.9 ** t)
                    s_hat = second[li][pi] / (1 - 0.999 ** t)
                    p = p - lr * m_hat / (np.sqrt(s_hat) + 1e-8)
                updated.append(p)
            new_params.append(tuple(updated))
        params = new_params
        out["lr"].append(lr)
        out["trainLoss"].append(mse(params, xt, yt, c))
        out["validationLoss"].append(mse(params, xv, yv, c))
    return out


def main():
    here = sys.path[0]
    source = sys.argv[1] if len(sys.argv) > 1 else f"{here}/reference_cases.json"
    target = sys.argv[2] if len(sys.argv) > 2 else f"{here}/reference_trajectories.json"
    with open(source) as f:
        cases = json.load(f)["cases"]
    result = {"generator": "reference_trainer.py (numpy %s)" % np.__version__,
              "cases": [train(case) for case in cases]}
    with open(target, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
