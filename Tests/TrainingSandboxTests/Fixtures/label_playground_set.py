#!/usr/bin/env python3
"""Labels a set of Playground-mode runs from the ground truth, independently of the Swift classifier.

For every setting below it regenerates the 2-D data (a port of the Swift seeded generators, which
follow TensorFlow Playground's dataset.ts) and the initial weights, retrains in numpy (the maths of
playground_reference.py, plus minibatches reshuffled every epoch as the Swift engine does), and
measures after every epoch the model's TRUE ERROR RATE: the share of a large fresh sample, drawn
where the generator puts its points and labelled by the noise-free decision rule, that the model
puts on the wrong side. The sandbox knows that rule; a practitioner does not. The Swift classifier
(Diagnosis.of) reads only the train and test loss curves; PlaygroundDiagnosisTests checks how
often it agrees with these labels.

The decision rules: circle +1 inside radius 2.5; XOR +1 where x1*x2 >= 0; Gaussians +1 where
x1 + x2 >= 0 (the Bayes rule for the two equal clouds at (2, 2) and (-2, -2)); spiral the label of
the nearer arm.

The label, in order (the first that applies wins), with e(t) the true error rate after epoch t:
  unstable      a loss became NaN/infinite; or one epoch moved e by more than 0.25 (the model was
                thrown about); or the model is unsettled: over the last 20% of the epochs (at
                least 5) e ranges over more than 0.08 (8 points of error rate).
  overfitting   the model was once close to the truth (min e <= 0.12) before the last tenth of
                the run, and ends at least 0.04 above that minimum: trained past its best; or it
                memorises: it ends further than 0.08 from the truth (e > 0.08) yet agrees with the
                noisy training labels better than the true rule itself does, by 0.05 or more.
  underfitting  the final e is above 0.08: still on the wrong side for many points.
  good          otherwise.

Usage: python3 label_playground_set.py [out.json]   (writes playground_set.json next to this file)
"""
import json
import math
import sys

import numpy as np

sys.path.insert(0, sys.path[0])
from label_reference_set import Seeded  # noqa: E402
from playground_reference import ORDER, FEATURES, gradients, loss_and_accuracy, forward  # noqa: E402

DEFAULTS = {  # TrainingConfig.playground
    "optimizer": "sgd", "lr": 0.03, "batch": 10, "epochs": 300, "layers": [4, 2], "activation": "tanh",
    "outputActivation": "tanh", "dataset": "circle", "trainSize": 250, "validationSize": 250, "noise": 0.0,
    "seed": 1, "features": ["x1", "x2"], "regularization": "none", "regRate": 0.0, "loss": "square",
}


def spiral_point(s, arm):
    r = 5 * s
    t = 1.75 * s * 2 * math.pi + (0 if arm == 0 else math.pi)
    return r * math.sin(t), r * math.cos(t)


def pool(kind, count, noise, rng):
    """Same draws, in the same order, as DataGenerator.plane."""
    pts, labels = [], []
    if kind == "circle":
        half = count // 2
        for i in range(count):
            r = rng.uniform(0, 2.5) if i < half else rng.uniform(3.5, 5)
            a = rng.uniform(0, 2 * math.pi)
            x, y = r * math.sin(a), r * math.cos(a)
            nx, ny = rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise
            pts.append((x, y))
            labels.append(1.0 if math.hypot(x + nx, y + ny) < 2.5 else -1.0)
    elif kind == "xor":
        for _ in range(count):
            x = rng.uniform(-5, 5)
            x += 0.3 if x > 0 else -0.3
            y = rng.uniform(-5, 5)
            y += 0.3 if y > 0 else -0.3
            nx, ny = rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise
            pts.append((x, y))
            labels.append(1.0 if (x + nx) * (y + ny) >= 0 else -1.0)
    elif kind == "gauss":
        sd = math.sqrt(0.5 + 3.5 * noise / 0.5)
        half = (count + 1) // 2
        for i in range(count):
            c = 2.0 if i < half else -2.0
            pts.append((c + sd * rng.normal(), c + sd * rng.normal()))
            labels.append(1.0 if i < half else -1.0)
    elif kind == "spiral":
        n = count / 2
        first = (count + 1) // 2
        for i in range(count):
            arm = 0 if i < first else 1
            x, y = spiral_point((i if arm == 0 else i - first) / n, arm)
            pts.append((x + rng.uniform(-1, 1) * noise, y + rng.uniform(-1, 1) * noise))
            labels.append(1.0 if arm == 0 else -1.0)
    return pts, labels


ARMS = [np.array([spiral_point(k / 720, arm) for k in range(721)]) for arm in (0, 1)]


def truth(kind, xy):
    x, y = xy[:, 0], xy[:, 1]
    if kind == "circle":
        return np.where(np.hypot(x, y) < 2.5, 1.0, -1.0)
    if kind == "xor":
        return np.where(x * y >= 0, 1.0, -1.0)
    if kind == "gauss":
        return np.where(x + y >= 0, 1.0, -1.0)
    d = [((xy[:, None, :] - arm[None, :, :]) ** 2).sum(axis=2).min(axis=1) for arm in ARMS]
    return np.where(d[0] <= d[1], 1.0, -1.0)


def evaluation_sample(kind, noise):
    """Where the generator puts points (at this noise), labelled by the noise-free rule."""
    rng = np.random.default_rng(20261202)
    n = 3000
    if kind == "circle":
        inside = rng.random(n) < 0.5
        r = np.where(inside, rng.uniform(0, 2.5, n), rng.uniform(3.5, 5, n))
        a = rng.uniform(0, 2 * math.pi, n)
        xy = np.stack([r * np.sin(a), r * np.cos(a)], axis=1)
    elif kind == "xor":
        xy = rng.uniform(-5, 5, (n, 2))
        xy += np.where(xy > 0, 0.3, -0.3)
    elif kind == "gauss":
        sd = math.sqrt(0.5 + 3.5 * noise / 0.5)
        c = np.where(rng.random(n) < 0.5, 2.0, -2.0)[:, None]
        xy = c + sd * rng.standard_normal((n, 2))
    else:
        s = rng.random(n)
        arm = rng.random(n) < 0.5
        r = 5 * s
        t = 1.75 * s * 2 * math.pi + np.where(arm, 0, math.pi)
        xy = np.stack([r * np.sin(t), r * np.cos(t)], axis=1) + rng.uniform(-1, 1, (n, 2)) * noise
    return xy, truth(kind, xy)


def features_of(xy, names):
    return np.stack([FEATURES[f](xy[:, 0], xy[:, 1]) for f in ORDER if f in names], axis=1)


def initial_weights(c):
    rng = Seeded(c["seed"], 3)
    sizes = [len(c["features"])] + c["layers"] + [1]
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


def train(settings):
    c = dict(DEFAULTS)
    c.update(settings)
    kind = c["dataset"]
    rng = Seeded(c["seed"], 1)
    total = c["trainSize"] + c["validationSize"]
    pts, labels = pool(kind, total, c["noise"], rng)
    order = list(range(total))
    rng.shuffle(order)
    xy = np.array(pts)[order]
    y = np.array(labels)[order]
    n = c["trainSize"]
    xt, yt = features_of(xy[:n], c["features"]), y[:n]
    xv, yv = features_of(xy[n:], c["features"]), y[n:]
    ex, ey = evaluation_sample(kind, c["noise"])
    ef = features_of(ex, c["features"])
    params = initial_weights(c)
    m1 = [[np.zeros_like(p) for p in layer] for layer in params]
    m2 = [[np.zeros_like(p) for p in layer] for layer in params]
    dead = [np.zeros_like(layer[0], dtype=bool) for layer in params]
    shuffle = Seeded(c["seed"], 4)
    idx_order = list(range(n))
    batch = max(1, min(c["batch"], n))
    lr, rate, reg = c["lr"], c["regRate"], c["regularization"]
    t = 0

    def true_error():
        with np.errstate(all="ignore"):
            out = forward([tuple(p) for p in params], ef, c)[-1][:, 0]
        return float(np.mean((out >= 0) != (ey > 0)))

    curves = {"train": [], "val": [], "true": [true_error()], "trainErrorRate": [],
              "ruleErrorRate": float(np.mean(truth(kind, xy[:n]) != yt))}
    for _ in range(c["epochs"]):
        if batch < n:
            shuffle.shuffle(idx_order)
        start = 0
        with np.errstate(all="ignore"):
            while start < n:
                count = min(batch, n - start)
                idx = idx_order[start:start + count] if batch < n else list(range(n))
                grads = gradients([tuple(p) for p in params], xt[idx], yt[idx], c)
                t += 1
                for li, glayer in enumerate(grads):
                    w_before = params[li][0]
                    der = np.sign(w_before) if reg == "l1" else w_before
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
                    if reg != "none" and rate > 0:
                        w = np.where(dead[li], 0.0, params[li][0])
                        penalised = w - lr * rate * der
                        if reg == "l1":
                            crossed = (w * penalised < 0) & ~dead[li]
                            dead[li] |= crossed
                        params[li][0] = np.where(dead[li], 0.0, penalised)
                start += count
        with np.errstate(all="ignore"):
            tr, ta = loss_and_accuracy([tuple(p) for p in params], xt, yt, c)
            va, _ = loss_and_accuracy([tuple(p) for p in params], xv, yv, c)
        curves["train"].append(tr)
        curves["trainErrorRate"].append(1 - ta)
        curves["val"].append(va)
        curves["true"].append(true_error())
        if not (math.isfinite(tr) and math.isfinite(va)):
            break
    return c, curves


def label(c, curves):
    true = curves["true"]
    epochs = len(true) - 1
    final = true[-1]
    numbers = {"epochsRun": epochs, "trueErrorRate": final}
    if not all(math.isfinite(v) for v in curves["train"] + curves["val"]):
        return "unstable", "diverged", numbers
    best = min(true[1:])
    best_epoch = true.index(best, 1)
    numbers.update(trueErrorRateMinimum=best, trueErrorRateMinimumEpoch=best_epoch,
                   trainLoss=curves["train"][-1], validationLoss=curves["val"][-1])
    numbers.update(trainErrorRate=curves["trainErrorRate"][-1], ruleErrorRate=curves["ruleErrorRate"])
    jump = max(abs(a - b) for a, b in zip(true[1:], true[2:])) if epochs >= 2 else 0
    if jump > 0.25:
        return "unstable", "thrown about: one epoch moved the true error rate by %.2f" % jump, numbers
    tail = true[-max(5, round(0.2 * epochs)):]
    if max(tail) - min(tail) > 0.08:
        return "unstable", "unsettled: the true error rate ranges over %.2f in the last epochs" % (max(tail) - min(tail)), numbers
    if best <= 0.12 and best_epoch <= 0.9 * epochs and final >= best + 0.04:
        return "overfitting", "true error rate %.3f, up from %.3f at epoch %d" % (final, best, best_epoch), numbers
    if final > 0.08 and curves["trainErrorRate"][-1] <= curves["ruleErrorRate"] - 0.05:
        return "overfitting", "memorising: train error rate %.3f below the true rule's %.3f on the same labels, true error rate %.3f" % (
            curves["trainErrorRate"][-1], curves["ruleErrorRate"], final), numbers
    if final > 0.08:
        return "underfitting", "true error rate %.3f: many points on the wrong side" % final, numbers
    return "good", "true error rate %.3f, near its minimum %.3f" % (final, best), numbers


def s(**kw):
    return kw


ALL = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]
SETTINGS = [
    # Playground's defaults on each dataset, short and long.
    *[s(dataset=d, epochs=e) for d in ("circle", "xor", "gauss", "spiral") for e in (20, 300)],
    # Features that make the problem easy.
    s(dataset="circle", features=["x1sq", "x2sq"], layers=[2], epochs=100),
    s(dataset="xor", features=["x1x2"], layers=[1], epochs=100),
    s(dataset="gauss", noise=0.1, epochs=100),
    s(dataset="spiral", features=ALL, layers=[8, 8, 6], optimizer="adam", lr=0.01, epochs=300),
    # Too little: a linear model on curved boundaries, tiny rates.
    s(dataset="circle", layers=[1], epochs=200), s(dataset="xor", layers=[1], epochs=200),
    s(dataset="circle", lr=0.0003, epochs=100), s(dataset="spiral", epochs=100),
    # Too much: few noisy training points, a big network, many epochs.
    *[s(dataset=d, noise=0.4, trainSize=40, validationSize=460, batch=40, layers=[8, 8, 8], optimizer="adam",
        lr=0.03, epochs=e, features=ALL) for d in ("circle", "xor") for e in (60, 1500)],
    s(dataset="spiral", noise=0.3, trainSize=50, validationSize=450, batch=50, layers=[8, 8, 8, 8], optimizer="adam",
      lr=0.03, epochs=1500, features=ALL),
    s(dataset="gauss", noise=0.5, trainSize=30, validationSize=470, batch=30, layers=[8, 8, 8], optimizer="adam",
      lr=0.03, epochs=1500, features=ALL),
    # Regularisation against it.
    s(dataset="xor", noise=0.4, trainSize=40, validationSize=460, batch=40, layers=[8, 8, 8], optimizer="adam",
      lr=0.03, epochs=1500, features=ALL, regularization="l2", regRate=0.01),
    s(dataset="circle", noise=0.4, trainSize=40, validationSize=460, batch=40, layers=[8, 8, 8], optimizer="adam",
      lr=0.03, epochs=1500, features=ALL, regularization="l1", regRate=0.003),
    # Steps too large.
    *[s(dataset=d, optimizer="adam", lr=1.0, batch=1, epochs=40, layers=[8, 8]) for d in ("circle", "xor", "spiral")],
    s(dataset="gauss", lr=3.0, batch=1, epochs=40, noise=0.3),
    s(dataset="circle", lr=3.0, batch=10, epochs=100, layers=[8, 8]),
    # Other seeds.
    *[s(dataset="circle", seed=k, epochs=300) for k in (2, 3)],
]


def main():
    here = sys.path[0]
    target = sys.argv[1] if len(sys.argv) > 1 else f"{here}/playground_set.json"
    rows = []
    for settings in SETTINGS:
        c, curves = train(settings)
        state, why, numbers = label(c, curves)
        as_text = {k: (",".join(map(str, v)) if isinstance(v, list) else str(v)) for k, v in settings.items()}
        rows.append({"settings": as_text, "label": state, "why": why,
                     **{k: (round(v, 6) if isinstance(v, float) and math.isfinite(v) else v) for k, v in numbers.items()}})
        print(state, as_text, why, file=sys.stderr)
    counts = {st: sum(r["label"] == st for r in rows) for st in ("good", "overfitting", "underfitting", "unstable")}
    with open(target, "w") as f:
        json.dump({"generator": "label_playground_set.py (numpy %s)" % np.__version__, "counts": counts, "settings": rows}, f, indent=1)
        f.write("\n")
    print(len(rows), "settings", counts)


if __name__ == "__main__":
    main()
