/// L1 / L2 on the weights (never the biases), applied as TensorFlow Playground's `updateWeights`:
/// the penalty's derivative is taken at the weight before the update, then, after the optimiser's
/// step, w −= lr·rate·der. Under L1 a weight the penalty pushes across zero becomes 0 and is "dead":
/// Playground never updates it again, so here it is held at 0 after every step.
final class Regularizer {
    let kind: Regularization
    let rate: Double
    /// Offsets and counts of the weight blocks in the parameter buffer (biases excluded).
    private let blocks: [(offset: Int, count: Int)]
    private let derivative: UnsafeMutablePointer<Double>
    private let dead: UnsafeMutablePointer<Bool>
    private let count: Int

    init(kind: Regularization, rate: Double, network: Network) {
        self.kind = kind
        self.rate = rate
        blocks = (0..<network.layerCount).map { l in
            (network.weightOffsets[l], network.sizes[l] * network.sizes[l + 1])
        }
        count = network.parameterCount
        derivative = .allocate(capacity: max(1, count))
        derivative.initialize(repeating: 0, count: max(1, count))
        dead = .allocate(capacity: max(1, count))
        dead.initialize(repeating: false, count: max(1, count))
    }

    deinit {
        derivative.deallocate()
        dead.deallocate()
    }

    func copy(network: Network) -> Regularizer {
        let twin = Regularizer(kind: kind, rate: rate, network: network)
        twin.dead.update(from: dead, count: count)
        return twin
    }

    /// Call before the optimiser's step: the penalty's derivative at the current weights.
    func capture(_ w: UnsafeMutablePointer<Double>) {
        for (offset, n) in blocks {
            for k in offset..<(offset + n) {
                let x = w[k]
                derivative[k] = kind == .l2 ? x : (x < 0 ? -1 : (x > 0 ? 1 : 0))
            }
        }
    }

    /// Call after the optimiser's step.
    func apply(_ w: UnsafeMutablePointer<Double>, lr: Double) {
        let step = lr * rate
        for (offset, n) in blocks {
            for k in offset..<(offset + n) {
                if dead[k] {
                    w[k] = 0
                    continue
                }
                let next = w[k] - step * derivative[k]
                if kind == .l1 && w[k] * next < 0 {
                    w[k] = 0
                    dead[k] = true
                } else {
                    w[k] = next
                }
            }
        }
    }

    /// Weights L1 has set to 0 for good.
    var deadCount: Int { (0..<count).reduce(0) { $0 + (dead[$1] ? 1 : 0) } }
}
