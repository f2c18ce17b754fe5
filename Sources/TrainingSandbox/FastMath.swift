/// Activation maths without libm calls in the hot loop.
///
/// glibc `tanh` costs ~10–16 ns a call and dominated training. `fastTanh` is a rational
/// approximation, odd by construction: tanh(x) ≈ x·P(t)/Q(t), t = x²/10.5², with P of degree 7 and
/// Q of degree 4 (all Q coefficients positive, so Q ≥ 1), x clamped to [−10.5, 10.5]. The
/// coefficients come from an iteratively reweighted least-squares fit of the absolute error
/// (Tests/TrainingSandboxTests/Fixtures/fit_tanh.py). About 15 arithmetic operations and one
/// division, branch-free, so loops over it vectorise.
/// Accuracy (checked in FastMathTests against glibc over [−40, 40]): absolute error < 2e-9,
/// |fastTanh(x)| < 1 everywhere (the clamp costs 1 − tanh(10.5) ≈ 1.5e-9); NaN propagates.
@inlinable @inline(__always)
public func fastTanh(_ x: Double) -> Double {
    let high = x > 10.5 ? 10.5 : x  // written so that NaN passes through both clamps
    let c = high < -10.5 ? -10.5 : high
    let t = c * c * 0.009_070_294_784_580_499  // 1/10.5²
    let t2 = t * t
    let t4 = t2 * t2
    // Estrin's scheme: short dependency chains keep the vector units busy.
    let p = (0.999_999_999_732_178_9 + 15.347_285_171_790_046 * t)
        + t2 * (50.790_333_521_195_21 + 46.887_788_531_589_656 * t)
        + t4 * ((7.794_127_362_989_576 - 0.718_805_777_821_476_9 * t)
                + t2 * (0.102_266_366_907_056_6 - 0.009_523_800_026_220_329 * t))
    let q = (1 + 52.097_285_032_776_52 * t) + t2 * (344.690_579_437_464_1 + 604.119_408_712_119_1 * t)
        + t4 * 270.624_178_260_768_77
    return c * p / q
}

/// Logistic sigmoid through the same fast tanh: σ(x) = ½(1 + tanh(x/2)).
@inlinable @inline(__always)
public func fastSigmoid(_ x: Double) -> Double {
    0.5 + 0.5 * fastTanh(0.5 * x)
}
