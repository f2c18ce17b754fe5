#!/usr/bin/env python3
"""Labels the sandbox's reference set from the ground truth, independently of the Swift classifier.

For every setting below it regenerates the data and initial weights (a port of the Swift seeded
generators), retrains in numpy (the maths of reference_trainer.py, plus minibatches reshuffled every
epoch, drop_last and Keras early stopping), and measures after every epoch the model's squared
error against the true function sin(pi x) on a dense grid over [-1, 1] ("true error"). The label
comes from that ground truth, which no practitioner has; the Swift classifier only sees the loss
curves, and ReferenceSetTests checks how often it agrees.

The rule, in order (the first that applies wins):
  unstable      a loss became NaN/infinite; or the true error rose above 3x that of the untrained
                network (the updates threw the model far away); or the final model is unsettled:
                over the last 20% of epochs (at least 5) the true error's range exceeds
                max(its mean there, the noise floor) while the final model is more than 1.5x
                its best true error.
  overfitting   the model was once close to the truth (its minimum true error at most
                max(0.5 x noise floor, 0.02)) and the final model's true error is at least 1.5x that
                minimum and above it by more than 0.1 x the noise floor (and 0.002): training went on
                past the point where the model was closest to the truth.
  underfitting  the final model's true error is above max(0.5 x noise floor, 0.02): it is still far
                from the truth (not learned enough, or unable to).
  good          otherwise: close to the truth and about as close as this run ever got.
"final model" is the restored one when early stopping restored weights.

Usage: python3 label_reference_set.py [out.json]   (writes reference_set.json next to this file)
"""
import json
import math
import sys

import numpy as np

sys.path.insert(0, sys.path[0])
from reference_trainer import forward, gradients, learning_rate  # noqa: E402

MASK = (1 << 64) - 1

DEFAULTS = {
    "optimizer": "adam", "lr": 0.01, "batch": 16, "dropLast": False, "epochs": 80, "schedule": "constant",
    "gamma": 0.98, "stepSize": 10, "warmup": 0, "earlyStopping": False, "patience": 20, "minDelta": 0.0,
    "restoreBest": True, "layers": [64], "activation": "tanh", "outputActivation": "linear",
    "dataset": "sine", "trainSize": 16, "validationSize": 50, "noise": 0.3, "seed": 1,
}


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


class Seeded:
    """The Swift SeededGenerator: one independent stream per purpose."""

    def __init__(self, seed, stream):
        mixer = SplitMix64(seed ^ ((stream * 0xD1B54A32D192ED03) & MASK))
        self.core = SplitMix64(mixer.next())

    def unit(self):
        return (self.core.next() >> 11) * 2.0 ** -53

    def uniform(self, lo, hi):
        return lo + (hi - lo) * self.unit()

    def normal(self):
        u1 = 1 - self.unit()
        u2 = self.unit()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def index(self, bound):
        return (self.core.next() * bound) >> 64

    def shuffle(self, values):
        for i in range(len(values) - 1, 0, -1):
            j = self.index(i + 1)
            values[i], values[j] = values[j], values[i]


def sine_data(c):
    n, noise = c["trainSize"], c["noise"]
    rng = Seeded(c["seed"], 1)
    s = 2 / n
    xt, yt = [], []
    for i in range(n):
        x = -1 + (i + 0.5) * s + rng.uniform(-0.4, 0.4) * s
        xt.append(x)
        yt.append(math.sin(math.pi * x) + noise * rng.normal())
    m = c["validationSize"]
    rng = Seeded(c["seed"], 2)
    xv = [0.0] if m == 1 else [-1 + 2 * i / (m - 1) for i in range(m)]
    yv = [math.sin(math.pi * x) + noise * rng.normal() for x in xv]
    col = lambda v: np.array(v, dtype=float)[:, None]  # noqa: E731
    return col(xt), np.array(yt), col(xv), np.array(yv)


def initial_weights(c):
    rng = Seeded(c["seed"], 3)
    sizes = [1] + c["layers"] + [1]
    params = []
    for l in range(1, len(sizes)):
        fan_in, fan_out = sizes[l - 1], sizes[l]
        if l == len(sizes) - 1:
            wl, bl = 0.1, 0.0
        elif l == 1 and fan_in == 1:
            wl, bl = 6.0, 6.0
        elif c["activation"] == "relu":
            wl, bl = math.sqrt(6 / fan_in), 0.0
        else:
            wl, bl = math.sqrt(6 / (fan_in + fan_out)), 0.0
        w, b = [], []
        for _ in range(fan_out):
            w.append([rng.uniform(-wl, wl) for _ in range(fan_in)])
            b.append(0.0 if bl == 0 else rng.uniform(-bl, bl))
        params.append([np.array(w), np.array(b)])
    return params


GRID = np.linspace(-1, 1, 201)[:, None]
TRUTH = np.sin(np.pi * GRID[:, 0])


def mse(params, x, y, c):
    with np.errstate(all="ignore"):
        out = forward([tuple(p) for p in params], x, c)[-1][:, 0]
        return float(np.mean((out - y) ** 2))


def train(settings):
    c = dict(DEFAULTS)
    c.update(settings)
    xt, yt, xv, yv = sine_data(c)
    n = len(yt)
    batch = max(1, min(c["batch"], n))
    params = initial_weights(c)
    m1 = [[np.zeros_like(p) for p in layer] for layer in params]
    m2 = [[np.zeros_like(p) for p in layer] for layer in params]
    shuffle = Seeded(c["seed"], 4)
    order = list(range(n))
    t = 0
    curves = {"train": [mse(params, xt, yt, c)], "val": [mse(params, xv, yv, c)], "true": [mse(params, GRID, TRUTH, c)]}
    best = None  # Keras EarlyStopping: (value, epoch, weights)
    wait, stopped, restored = 0, None, None
    for epoch in range(c["epochs"]):
        lr = learning_rate(epoch, c)
        if batch < n:
            shuffle.shuffle(order)
        start = 0
        with np.errstate(all="ignore"):
            while start < n:
                count = min(batch, n - start)
                if count < batch and c["dropLast"]:
                    break
                idx = order[start:start + count] if batch < n else list(range(n))
                grads = gradients([tuple(p) for p in params], xt[idx], yt[idx], c)
                t += 1
                for li, glayer in enumerate(grads):
                    for pi, g in enumerate(glayer):
                        if c["optimizer"] == "sgd":
                            step = g
                        elif c["optimizer"] == "momentum":
                            m1[li][pi] = 0.9 * m1[li][pi] + g
                            step = m1[li][pi]
                        else:
                            m1[li][pi] = 0.9 * m1[li][pi] + 0.1 * g
                            m2[li][pi] = 0.999 * m2[li][pi] + 0.001 * g * g
                            step = (m1[li][pi] / (1 - 0.9 ** t)) / (np.sqrt(m2[li][pi] / (1 - 0.999 ** t)) + 1e-8)
                        params[li][pi] = params[li][pi] - lr * step
                start += count
        tr, va, te = mse(params, xt, yt, c), mse(params, xv, yv, c), mse(params, GRID, TRUTH, c)
        curves["train"].append(tr)
        curves["val"].append(va)
        curves["true"].append(te)
        if not (math.isfinite(tr) and math.isfinite(va)):
            break
        if c["earlyStopping"]:
            wait += 1
            if best is None or va < best[0] - abs(c["minDelta"]):
                best = (va, epoch, [[p.copy() for p in layer] for layer in params])
                wait = 0
            elif wait >= c["patience"] and epoch > 0:
                stopped = epoch + 1
                break
    if c["earlyStopping"] and c["restoreBest"] and best is not None:
        restored = best[1] + 1
    return c, curves, stopped, restored


def label(c, curves, restored):
    floor = c["noise"] ** 2
    true = curves["true"]
    final_index = restored if restored is not None else len(true) - 1
    final = true[final_index]
    numbers = {"noiseFloor": floor, "epochsRun": len(true) - 1}
    if not all(math.isfinite(v) for v in curves["train"] + curves["val"] + true):
        return "unstable", "diverged", numbers
    # Only the epochs up to the final model count (after a restore the rest was undone).
    seen = true[1:final_index + 1] if final_index > 0 else true[:1]
    best = min(seen)
    best_epoch = true.index(best)
    numbers.update(trueError=final, trueErrorMinimum=best, trueErrorMinimumEpoch=best_epoch,
                   trainLoss=curves["train"][final_index], validationLoss=curves["val"][final_index],
                   validationMinimum=min(curves["val"][1:final_index + 1] or curves["val"][:1]))
    if max(true[1:]) > 3 * true[0]:
        return "unstable", "thrown far from the truth: true error above 3x the untrained model's", numbers
    tail = true[-max(5, round(0.2 * (len(true) - 1))):]
    if len(true) - 1 >= 10 and restored is None:
        spread = max(tail) - min(tail)
        if spread > max(sum(tail) / len(tail), floor) and final > 1.5 * best:
            return "unstable", "unsettled: the true error keeps jumping over the last epochs", numbers
    close = max(0.5 * floor, 0.02)
    if final >= 1.5 * best and final - best > max(0.1 * floor, 0.002) and best <= close:
        return "overfitting", "true error %.2fx its minimum (epoch %d)" % (final / best, best_epoch), numbers
    if final > close:
        return "underfitting", "true error %.3g still above max(0.5 x noise floor, 0.02)" % final, numbers
    return "good", "true error near the truth and near its minimum", numbers


def s(**kw):
    return kw


SETTINGS = [
    # The default set-up and the border between good and overfitting along the epochs.
    *[s(epochs=e) for e in (40, 60, 80, 120, 150)],
    # The rows of issue 9's table.
    *[s(epochs=e) for e in (200, 300, 500, 700)],
    s(epochs=1000, schedule="step"), s(epochs=1000, warmup=100), s(epochs=1000, schedule="exponential", gamma=0.98),
    s(noise=1.0, epochs=150),
    s(layers=[1], epochs=400), s(layers=[1], epochs=500), s(layers=[1], epochs=100), s(layers=[1], epochs=1000),
    *[s(lr=0.03, batch=b) for b in (16, 15, 14, 13, 12, 11)],
    # Learning rate x epochs (the phase map of the reference page).
    *[s(lr=lr, epochs=e) for e in (10, 100, 1000) for lr in (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0)],
    # Batch size.
    *[s(batch=b, epochs=60) for b in (1, 2, 4, 8)],
    s(lr=0.03, batch=1, epochs=60), s(lr=0.3, batch=4, epochs=100), s(lr=0.001, batch=4, epochs=100),
    s(lr=0.03, batch=15, dropLast=True), s(lr=0.03, batch=12, dropLast=True), s(lr=0.03, batch=8),
    # Capacity.
    *[s(layers=[h], epochs=e) for h in (2, 4, 8, 16, 128) for e in (80, 1000)],
    # Noise.
    *[s(noise=v, epochs=e) for v in (0.0, 0.1, 0.5, 1.0) for e in (80, 1000)],
    # Training-set size.
    *[s(trainSize=n, batch=n, epochs=e) for n in (8, 32, 64, 128) for e in (80, 1000)],
    # Schedules and warm-up.
    s(epochs=1000, schedule="cosine"), s(epochs=1000, schedule="step", gamma=0.5), s(epochs=1000, schedule="exponential", gamma=0.9),
    s(lr=0.3, batch=4, warmup=20, epochs=100), s(lr=0.3, batch=4, warmup=20, schedule="exponential", gamma=0.98, epochs=100),
    s(lr=0.1, batch=4, warmup=10, schedule="exponential", gamma=0.9, epochs=60),
    # Early stopping.
    s(epochs=1000, earlyStopping=True, patience=20), s(epochs=1000, earlyStopping=True, patience=5),
    s(epochs=1000, earlyStopping=True, patience=20, restoreBest=False), s(epochs=1000, earlyStopping=True, patience=100),
    s(epochs=1000, earlyStopping=True, patience=20, minDelta=0.01), s(noise=1.0, epochs=150, earlyStopping=True, patience=10),
    # Optimisers.
    s(optimizer="sgd", lr=0.1, epochs=300), s(optimizer="sgd", lr=0.01, epochs=300), s(optimizer="sgd", lr=0.5, epochs=300),
    s(optimizer="momentum", lr=0.1, epochs=100), s(optimizer="momentum", lr=0.01, epochs=300),
    s(optimizer="momentum", lr=0.03, epochs=1000),
    # Seeds.
    *[s(seed=k) for k in (2, 3, 4, 5, 6)], *[s(seed=k, epochs=1000) for k in (2, 3)],
    s(seed=6, lr=0.1, batch=4, warmup=10, schedule="exponential", gamma=0.9, epochs=60),
    s(seed=4, lr=0.1, batch=4, warmup=10, schedule="exponential", gamma=0.9, epochs=60),
    # Other activations and depth.
    s(activation="relu", epochs=300), s(activation="sigmoid", epochs=300), s(layers=[16, 16], epochs=300),
    # The presets of Content/sandbox/presets.yaml.
    s(lr=1.0, epochs=300), s(lr=0.0003, epochs=100), s(epochs=1000, earlyStopping=True, patience=20, restoreBest=True),
    s(trainSize=64, batch=64, epochs=12, lr=0.005), s(trainSize=64, batch=8, epochs=12, lr=0.005), s(lr=0.03, batch=1, epochs=60),
]


def main():
    here = sys.path[0]
    target = sys.argv[1] if len(sys.argv) > 1 else f"{here}/reference_set.json"
    rows, seen = [], set()
    for settings in SETTINGS:
        key = json.dumps(settings, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        c, curves, stopped, restored = train(settings)
        state, why, numbers = label(c, curves, restored)
        as_text = {k: (",".join(map(str, v)) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else str(v))
                   for k, v in settings.items()}
        rows.append({"settings": as_text, "label": state, "why": why,
                     **{k: (round(v, 6) if isinstance(v, float) and math.isfinite(v) else v) for k, v in numbers.items()}})
    counts = {st: sum(r["label"] == st for r in rows) for st in ("good", "overfitting", "underfitting", "unstable")}
    with open(target, "w") as f:
        json.dump({"generator": "label_reference_set.py (numpy %s)" % np.__version__, "counts": counts, "settings": rows}, f, indent=1)
        f.write("\n")
    print(len(rows), "settings", counts)


if __name__ == "__main__":
    main()
