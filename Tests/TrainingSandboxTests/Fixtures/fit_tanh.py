#!/usr/bin/env python3
"""Fits the rational tanh approximation used by fastTanh (Sources/TrainingSandbox/FastMath.swift).

tanh(x) ~ x * P(t) / Q(t), t = (x / c)^2, deg P = 7, deg Q = 4, Q(0) = 1, on [0, c] with c = 10.5.
Sanathanan-Koerner iteration (linearised least squares re-weighted by 1/Q of the previous step),
then Lawson-style weights that push the absolute error towards equal ripple. Prints the
coefficients and the maximum absolute error of the Estrin evaluation over [-40, 40].
"""
import numpy as np
from numpy.polynomial import polynomial as P

M, N, C = 7, 4, 10.5


def fit(iterations=40):
    k = np.arange(40000)
    x = np.concatenate([C * (1 - np.cos(np.pi * (k + 0.5) / len(k))) / 2, np.linspace(0, C, 20000)])
    t = (x / C) ** 2
    f = np.tanh(x)
    w = np.ones_like(x)
    previous_q = np.ones_like(x)
    best = None
    for it in range(iterations):
        a = np.hstack([x[:, None] * t[:, None] ** np.arange(M + 1), -f[:, None] * t[:, None] ** np.arange(1, N + 1)])
        scale = (w / np.abs(previous_q))[:, None]
        coef, *_ = np.linalg.lstsq(a * scale, f * scale[:, 0], rcond=None)
        p, q = coef[:M + 1], np.concatenate([[1.0], coef[M + 1:]])
        q_values = P.polyval(t, q)
        err = np.abs(x * P.polyval(t, p) / q_values - f)
        if best is None or err.max() < best[2]:
            best = (p, q, err.max())
        previous_q = q_values
        if it >= 10:
            w = w * np.sqrt(err / err.max() + 1e-3)
            w /= w.max()
    return best


p, q, _ = fit()
print("p =", [repr(float(v)) for v in p])
print("q =", [repr(float(v)) for v in q])
xs = np.linspace(-40, 40, 800001)
xc = np.clip(xs, -C, C)
t = xc * xc * (1 / (C * C))
t2, t4 = t * t, t * t * t * t
pv = (p[0] + p[1] * t) + t2 * (p[2] + p[3] * t) + t4 * ((p[4] + p[5] * t) + t2 * (p[6] + p[7] * t))
qv = (1 + q[1] * t) + t2 * (q[2] + q[3] * t) + t4 * q[4]
print("max abs error over [-40, 40]:", np.abs(xc * pv / qv - np.tanh(xs)).max())
