import SeededRandom

/// The parameters of one dense layer: `weights[o][i]` connects input i to output o.
public struct LayerWeights: Sendable, Equatable, Codable {
    public var weights: [[Double]]
    public var biases: [Double]

    public init(weights: [[Double]], biases: [Double]) {
        self.weights = weights
        self.biases = biases
    }
}

enum WeightInitializer {
    /// - First layer on a 1-D input (the sine set): W, b ~ U(−6, 6). The tanh kinks −b/w then
    ///   spread across [−1, 1], which lets the net fit — and overfit — quickly (reference setup).
    /// - Other hidden layers: Glorot uniform ±√(6/(in+out)) (He ±√(6/in) for ReLU), b = 0.
    /// - Output layer: W ~ U(−0.1, 0.1), b = 0, so the first prediction is near 0 (loss ≈ Var y).
    static func make(sizes: [Int], activation: Activation, rng: inout SeededGenerator) -> [LayerWeights] {
        var layers: [LayerWeights] = []
        for l in 1..<sizes.count {
            let fanIn = sizes[l - 1], fanOut = sizes[l]
            let isOutput = l == sizes.count - 1
            let weightLimit: Double
            let biasLimit: Double
            if isOutput {
                (weightLimit, biasLimit) = (0.1, 0)
            } else if l == 1 && fanIn == 1 {
                (weightLimit, biasLimit) = (6, 6)
            } else if activation == .relu {
                (weightLimit, biasLimit) = ((6 / Double(fanIn)).squareRoot(), 0)
            } else {
                (weightLimit, biasLimit) = ((6 / Double(fanIn + fanOut)).squareRoot(), 0)
            }
            var weights: [[Double]] = []
            var biases: [Double] = []
            for _ in 0..<fanOut {
                weights.append((0..<fanIn).map { _ in rng.uniform(-weightLimit, weightLimit) })
                biases.append(biasLimit == 0 ? 0 : rng.uniform(-biasLimit, biasLimit))
            }
            layers.append(LayerWeights(weights: weights, biases: biases))
        }
        return layers
    }
}
