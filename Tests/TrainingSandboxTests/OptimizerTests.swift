import Testing
@testable import TrainingSandbox

/// One parameter w = 1, gradients 0.5 then 0.2, lr 0.1; expected values worked out by hand.
@Suite struct OptimizerTests {
    func twoSteps(_ kind: Optimizer) -> (Double, Double) {
        let optimizer = OptimizerState(kind: kind, parameterCount: 1)
        var w = [1.0]
        var results: [Double] = []
        for g in [0.5, 0.2] {
            let grad = [g]
            w.withUnsafeMutableBufferPointer { wp in
                grad.withUnsafeBufferPointer { optimizer.update(wp.baseAddress!, gradients: $0.baseAddress!, lr: 0.1) }
            }
            results.append(w[0])
        }
        return (results[0], results[1])
    }

    @Test func sgd() {
        // w = 1 − 0.1·0.5 = 0.95; then 0.95 − 0.1·0.2 = 0.93
        let (first, second) = twoSteps(.sgd)
        #expect(abs(first - 0.95) < 1e-15)
        #expect(abs(second - 0.93) < 1e-15)
    }

    @Test func momentum() {
        // v = 0.5, w = 0.95; v = 0.9·0.5 + 0.2 = 0.65, w = 0.95 − 0.065 = 0.885
        let (first, second) = twoSteps(.momentum)
        #expect(abs(first - 0.95) < 1e-15)
        #expect(abs(second - 0.885) < 1e-15)
    }

    @Test func adamWithBiasCorrection() {
        // t=1: m = 0.05, s = 0.00025, m̂ = 0.5, ŝ = 0.25 → w = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002
        // t=2: m = 0.045 + 0.02 = 0.065, s = 0.00024975 + 0.00004 = 0.00028975,
        //      m̂ = 0.065/0.19 = 0.342105263157895, ŝ = 0.00028975/0.001999 = 0.144947473736870,
        //      √ŝ = 0.380719678683504 → step 0.1·m̂/(√ŝ + 1e-8) = 0.0898575180970718
        let (first, second) = twoSteps(.adam)
        #expect(abs(first - 0.900_000_002) < 1e-12)
        #expect(abs(second - (0.900_000_002 - 0.089_857_518_097_071_8)) < 1e-12)
    }

    @Test func adamHandlesAnOddParameterCount() {
        // The update runs pairwise with a scalar tail; every parameter must get the same rule.
        let optimizer = OptimizerState(kind: .adam, parameterCount: 3)
        var w = [1.0, 1.0, 1.0]
        let g = [0.5, 0.5, 0.5]
        w.withUnsafeMutableBufferPointer { wp in
            g.withUnsafeBufferPointer { optimizer.update(wp.baseAddress!, gradients: $0.baseAddress!, lr: 0.1) }
        }
        #expect(w.allSatisfy { abs($0 - 0.900_000_002) < 1e-12 })
    }
}
