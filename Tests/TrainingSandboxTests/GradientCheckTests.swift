import SeededRandom
import Testing
@testable import TrainingSandbox

/// Backpropagation against central finite differences of the batch MSE.
@Suite struct GradientCheckTests {
    struct Case: CustomStringConvertible, Sendable {
        var sizes: [Int]
        var hidden: Activation
        var output: Activation
        var description: String { "\(sizes) \(hidden)/\(output)" }
    }

    static let cases: [Case] = {
        var all: [Case] = []
        for activation in Activation.allCases {
            all.append(Case(sizes: [1, 5, 1], hidden: activation, output: .linear))
            all.append(Case(sizes: [2, 4, 3, 1], hidden: activation, output: .linear))
            all.append(Case(sizes: [3, 6, 1], hidden: activation, output: activation))
        }
        all.append(Case(sizes: [2, 3, 3, 3, 1], hidden: .tanh, output: .sigmoid))
        return all
    }()

    @Test(arguments: cases)
    func analyticGradientMatchesFiniteDifferences(_ c: Case) {
        var rng = SeededGenerator(seed: 42)
        let count = 7
        let inputs = (0..<(count * c.sizes[0])).map { _ in rng.uniform(-1.5, 1.5) }
        let targets = (0..<count).map { _ in rng.uniform(-1, 1) }
        let network = Network(sizes: c.sizes, hidden: c.hidden, output: c.output, capacity: count)
        // Random weights and biases (all non-zero, so ReLU units are rarely exactly at the kink).
        for k in 0..<network.parameterCount { network.parameters[k] = rng.uniform(-1, 1) }

        func loss() -> Double {
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { y in
                    network.setBatch(count: count, inputs: x.baseAddress!, targets: y.baseAddress!, indices: nil)
                    network.forward(count: count)
                    return network.meanSquaredError(count: count)
                }
            }
        }
        _ = loss()
        network.backward(count: count)
        let analytic = (0..<network.parameterCount).map { network.gradients[$0] }

        let h = 1e-5
        for k in 0..<network.parameterCount {
            let saved = network.parameters[k]
            network.parameters[k] = saved + h
            let up = loss()
            network.parameters[k] = saved - h
            let down = loss()
            network.parameters[k] = saved
            let numeric = (up - down) / (2 * h)
            #expect(abs(analytic[k] - numeric) <= 1e-5 + 1e-4 * abs(numeric), "parameter \(k) of \(c)")
        }
    }
}
