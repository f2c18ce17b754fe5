#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Per-parameter optimiser memory and the update rules (PyTorch conventions).
/// A class over raw buffers so the update loop vectorises; `copy()` duplicates it.
final class OptimizerState {
    static let momentum = 0.9
    static let beta1 = 0.9
    static let beta2 = 0.999
    static let epsilon = 1e-8

    let kind: Optimizer
    let count: Int
    /// Momentum buffer, or Adam's first moment.
    private let first: UnsafeMutablePointer<Double>
    /// Adam's second moment.
    private let second: UnsafeMutablePointer<Double>
    private(set) var steps = 0

    init(kind: Optimizer, parameterCount: Int) {
        self.kind = kind
        count = parameterCount
        first = .allocate(capacity: max(1, parameterCount))
        first.initialize(repeating: 0, count: max(1, parameterCount))
        second = .allocate(capacity: max(1, parameterCount))
        second.initialize(repeating: 0, count: max(1, parameterCount))
    }

    deinit {
        first.deallocate()
        second.deallocate()
    }

    func copy() -> OptimizerState {
        let twin = OptimizerState(kind: kind, parameterCount: count)
        twin.first.update(from: first, count: count)
        twin.second.update(from: second, count: count)
        twin.steps = steps
        return twin
    }

    /// One update of all parameters from their gradients.
    /// - sgd:      w −= lr·g
    /// - momentum: v = 0.9·v + g; w −= lr·v
    /// - adam:     m = β1·m + (1−β1)·g; s = β2·s + (1−β2)·g²; w −= lr·m̂/(√ŝ + ε),
    ///             m̂ = m/(1−β1ᵗ), ŝ = s/(1−β2ᵗ)
    func update(_ w: UnsafeMutablePointer<Double>, gradients g: UnsafePointer<Double>, lr: Double) {
        steps += 1
        let n = count
        switch kind {
        case .sgd:
            for k in 0..<n { w[k] -= lr * g[k] }
        case .momentum:
            let mu = Self.momentum
            let v = first
            for k in 0..<n {
                v[k] = mu * v[k] + g[k]
                w[k] -= lr * v[k]
            }
        case .adam:
            let b1 = Self.beta1, b2 = Self.beta2
            let stepSize = lr / (1 - pow(b1, Double(steps)))
            let inverseRootCorrection2 = 1 / (1 - pow(b2, Double(steps))).squareRoot()
            let m = first, s = second
            // Pairs as SIMD2: a scalar `squareRoot()` keeps a libm fallback that blocks vectorising.
            var k = 0
            while k + 1 < n {
                let gk = SIMD2(g[k], g[k + 1])
                let mk = b1 * SIMD2(m[k], m[k + 1]) + (1 - b1) * gk
                let sk = b2 * SIMD2(s[k], s[k + 1]) + (1 - b2) * gk * gk
                let step = stepSize * mk / (sk.squareRoot() * inverseRootCorrection2 + Self.epsilon)
                m[k] = mk[0]; m[k + 1] = mk[1]
                s[k] = sk[0]; s[k + 1] = sk[1]
                w[k] -= step[0]; w[k + 1] -= step[1]
                k += 2
            }
            if k < n {
                let gk = g[k]
                m[k] = b1 * m[k] + (1 - b1) * gk
                s[k] = b2 * s[k] + (1 - b2) * gk * gk
                w[k] -= stepSize * m[k] / (s[k].squareRoot() * inverseRootCorrection2 + Self.epsilon)
            }
        }
    }
}
