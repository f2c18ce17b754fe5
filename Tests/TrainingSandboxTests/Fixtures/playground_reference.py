#!/usr/bin/env python3
"""Independent numpy oracle for the Playground mode of the training sandbox (a sibling of
reference_trainer.py, which covers the regression maths).

It reads `playground_cases.json` - classification runs in the `aifprep train --json` form (config,
raw [x1, x2, label] rows, initial weights; see make_playground_cases.sh) - retrains each FULL-BATCH
with numpy's exact tanh and writes per-epoch losses and accuracies to `playground_trajectories.json`.

What it re-implements, from TensorFlow Playground's definitions (src/playground.ts, src/nn.ts):
  features  x1, x2, x1^2, x2^2, x1*x2, sin x1, sin x2 of each raw point, in that order
  loss      Errors.SQUARE: mean over points of 0.5 (y_hat - y)^2; its gradient (y_hat - y) / n
  penalty   updateWeights: der = sign(w) (L1) or w (L2) taken at the weight BEFORE the step;
            after the optimiser's step w' = w - lr * rate * der; under L1, if w * w' < 0 the weight
            becomes 0 and is dead (never updated again). Biases are never penalised. The reported
            loss is the data loss alone.
  accuracy  share of points with (y_hat >= 0) == (label > 0)
The optimisers are those of reference_trainer.py (sgd, PyTorch momentum 0.9, Adam).

Usage: python3 playground_reference.py [cases.json] [out.json]
"""
import json
import sys

import numpy as np

FEATURES = {
    "x1": lambda x, y: x,
    "x2": lambda x, y: y,
    "x1sq": lambda x, y: x * x,
    "x2sq": lambda x, y: y * y,
    "x1x2": lambda x, y: x * y,
    "sinx1": lambda x, y: np.sin(x),
    "sinx2": lambda x, y: np.sin(y),
}
ORDER = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]

ACTIVATIONS = {
    "tanh": (np.tanh, lambda a: 1 - a * a),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)),
    "relu": (lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(float)),
    "linear": (lambda z: z, lambda a: np.ones_like(a)),
}


def inputs(rows, features):
    data = np.array(rows, dtype=float)
    x, y = data[:, 0], data[:, 1]
    chosen = [f for f in ORDER if f in features]
    return np.stack([FEATURES[f](x, y) for f in chosen], axis=1), data[:, 2]


def forward(params, x, c):
    hidden, _ = ACTIVATIONS[c["activation"]]
    output, _ = ACTIVATIONS[c["outputActivation"]]
    acts = [x]
    for i, (w, b) in enumerate(params):
        f = output if i == len(params) - 1 else hidden
        acts.append(f(acts[-1] @ w.T + b))
    return acts


def loss_and_accuracy(params, x, y, c):
    out = forward(params, x, c)[-1][:, 0]
    scale = 1.0 if c["loss"] == "mse" else 0.5
    return float(scale * np.mean((out - y) ** 2)), float(np.mean((out >= 0) == (y > 0)))


def gradients(params, x, y, c):
    _, dhidden = ACTIVATIONS[c["activation"]]
    _, doutput = ACTIVATIONS[c["outputActivation"]]
    acts = forward(params, x, c)
    n = x.shape[0]
    factor = 2.0 if c["loss"] == "mse" else 1.0
    delta = (factor / n) * (acts[-1] - y[:, None]) * doutput(acts[-1])
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        grads[i] = (delta.T @ acts[i], delta.sum(axis=0))
        if i > 0:
            delta = (delta @ params[i][0]) * dhidden(acts[i])
    return grads


def train(case):
    c = case["config"]
    assert c["dataset"] != "sine" and c["schedule"] == "constant" and c["warmup"] == 0
    xt, yt = inputs(case["data"]["train"], c["features"])
    xv, yv = inputs(case["data"]["validation"], c["features"])
    assert c["batch"] >= len(yt), "the oracle trains full-batch only"
    params = [[np.array(l["weights"], dtype=float), np.array(l["biases"], dtype=float)]
              for l in case["initialWeights"]]
    first = [[np.zeros_like(p) for p in layer] for layer in params]
    second = [[np.zeros_like(p) for p in layer] for layer in params]
    dead = [np.zeros_like(layer[0], dtype=bool) for layer in params]
    lr, rate, kind = c["lr"], c["regRate"], c["regularization"]
    out = {"name": case["name"], "trainLoss": [], "validationLoss": [],
           "trainAccuracy": [], "validationAccuracy": [], "deadWeights": []}
    for epoch in range(c["epochs"]):
        t = epoch + 1
        grads = gradients(params, xt, yt, c)
        for li in range(len(params)):
            w_before = params[li][0]
            der = np.sign(w_before) if kind == "l1" else w_before
            for pi in range(2):
                p, g = params[li][pi], grads[li][pi]
                if c["optimizer"] == "sgd":
                    p = p - lr * g
                elif c["optimizer"] == "momentum":
                    first[li][pi] = 0.9 * first[li][pi] + g
                    p = p - lr * first[li][pi]
                else:
                    first[li][pi] = 0.9 * first[li][pi] + 0.1 * g
                    second[li][pi] = 0.999 * second[li][pi] + 0.001 * g * g
                    m_hat = first[li][pi] / (1 - 0.9 ** t)
                    s_hat = second[li][pi] / (1 - 0.999 ** t)
                    p = p - lr * m_hat / (np.sqrt(s_hat) + 1e-8)
                params[li][pi] = p
            if kind != "none" and rate > 0:
                w = params[li][0]
                w = np.where(dead[li], 0.0, w)
                penalised = w - lr * rate * der
                if kind == "l1":
                    crossed = (w * penalised < 0) & ~dead[li]
                    dead[li] = dead[li] | crossed
                    penalised = np.where(crossed, 0.0, penalised)
                params[li][0] = np.where(dead[li], 0.0, penalised)
        tl, ta = loss_and_accuracy(params, xt, yt, c)
        vl, va = loss_and_accuracy(params, xv, yv, c)
        out["trainLoss"].append(tl)
        out["validationLoss"].append(vl)
        out["trainAccuracy"].append(ta)
        out["validationAccuracy"].append(va)
        out["deadWeights"].append(int(sum(d.sum() for d in dead)))
    return out


def main():
    here = sys.path[0]
    source = sys.argv[1] if len(sys.argv) > 1 else f"{here}/playground_cases.json"
    target = sys.argv[2] if len(sys.argv) > 2 else f"{here}/playground_trajectories.json"
    with open(source) as f:
        cases = json.load(f)["cases"]
    result = {"generator": "playground_reference.py (numpy %s)" % np.__version__,
              "cases": [train(case) for case in cases]}
    with open(target, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
