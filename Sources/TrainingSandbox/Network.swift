/// A dense network on flat buffers, computed a whole batch at a time.
///
/// Activations are stored feature-major (`width × batch`, one row per unit), so every inner loop
/// runs over the samples of a batch: contiguous, free of reductions, vectorisable. All buffers
/// are allocated once; a training step allocates nothing.
final class Network {
    let sizes: [Int]
    let hidden: Activation
    let output: Activation
    let loss: Loss
    let parameterCount: Int
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    /// Largest number of samples one pass may hold.
    let capacity: Int

    let parameters: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    /// Per layer (0 = input), `sizes[l] × capacity` post-activation values.
    private let activations: [UnsafeMutablePointer<Double>]
    private let deltaA: UnsafeMutablePointer<Double>
    private let deltaB: UnsafeMutablePointer<Double>
    private let batchTargets: UnsafeMutablePointer<Double>

    init(sizes: [Int], hidden: Activation, output: Activation, loss: Loss = .mse, capacity: Int) {
        self.sizes = sizes
        self.hidden = hidden
        self.output = output
        self.loss = loss
        self.capacity = max(1, capacity)
        var offset = 0
        var weightOffsets: [Int] = []
        var biasOffsets: [Int] = []
        for l in 1..<sizes.count {
            weightOffsets.append(offset)
            offset += sizes[l - 1] * sizes[l]
            biasOffsets.append(offset)
            offset += sizes[l]
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        parameterCount = offset
        parameters = .allocate(capacity: offset)
        parameters.initialize(repeating: 0, count: offset)
        gradients = .allocate(capacity: offset)
        gradients.initialize(repeating: 0, count: offset)
        activations = sizes.map { width in
            let buffer = UnsafeMutablePointer<Double>.allocate(capacity: width * max(1, capacity))
            buffer.initialize(repeating: 0, count: width * max(1, capacity))
            return buffer
        }
        let widest = sizes.max()! * max(1, capacity)
        deltaA = .allocate(capacity: widest)
        deltaA.initialize(repeating: 0, count: widest)
        deltaB = .allocate(capacity: widest)
        deltaB.initialize(repeating: 0, count: widest)
        batchTargets = .allocate(capacity: max(1, capacity))
        batchTargets.initialize(repeating: 0, count: max(1, capacity))
    }

    deinit {
        parameters.deallocate()
        gradients.deallocate()
        activations.forEach { $0.deallocate() }
        deltaA.deallocate()
        deltaB.deallocate()
        batchTargets.deallocate()
    }

    var layerCount: Int { sizes.count - 1 }

    // MARK: parameters in and out

    func load(_ layers: [LayerWeights]) {
        precondition(layers.count == layerCount, "expected \(layerCount) layers")
        for (l, layer) in layers.enumerated() {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            precondition(layer.weights.count == fanOut && layer.biases.count == fanOut)
            for o in 0..<fanOut {
                precondition(layer.weights[o].count == fanIn)
                for i in 0..<fanIn { parameters[weightOffsets[l] + o * fanIn + i] = layer.weights[o][i] }
                parameters[biasOffsets[l] + o] = layer.biases[o]
            }
        }
    }

    func layers() -> [LayerWeights] {
        (0..<layerCount).map { l in
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            return LayerWeights(
                weights: (0..<fanOut).map { o in (0..<fanIn).map { parameters[weightOffsets[l] + o * fanIn + $0] } },
                biases: (0..<fanOut).map { parameters[biasOffsets[l] + $0] })
        }
    }

    func snapshot() -> [Double] { Array(UnsafeBufferPointer(start: parameters, count: parameterCount)) }

    func restore(_ values: [Double]) {
        precondition(values.count == parameterCount)
        values.withUnsafeBufferPointer { parameters.update(from: $0.baseAddress!, count: parameterCount) }
    }

    // MARK: passes

    /// Copies `count` samples (rows `indices[s]`, or the first `count` rows when nil) into the
    /// input layer, feature-major, and their targets into the target buffer.
    func setBatch(count: Int, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                  indices: UnsafePointer<Int>?) {
        precondition(count <= capacity)
        let d = sizes[0]
        let input = activations[0]
        for s in 0..<count {
            let row = indices?[s] ?? s
            for i in 0..<d { input[i * count + s] = inputs[row * d + i] }
            batchTargets[s] = targets[row]
        }
    }

    /// Runs the input layer forward for `count` samples; returns the output row.
    @discardableResult
    func forward(count: Int) -> UnsafeMutablePointer<Double> {
        for l in 0..<layerCount {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let a = activations[l]
            let z = activations[l + 1]
            let w = parameters + weightOffsets[l]
            let b = parameters + biasOffsets[l]
            let kind = l == layerCount - 1 ? output : hidden
            for o in 0..<fanOut {
                let row = z + o * count
                let bias = b[o]
                let wo = w + o * fanIn
                if fanIn == 1 {
                    // One pass: affine and activation while the value is in a register.
                    let w0 = wo[0]
                    switch kind {
                    case .tanh: for s in 0..<count { row[s] = fastTanh(bias + w0 * a[s]) }
                    case .sigmoid: for s in 0..<count { row[s] = fastSigmoid(bias + w0 * a[s]) }
                    case .relu: for s in 0..<count { let v = bias + w0 * a[s]; row[s] = v > 0 ? v : 0 }
                    case .linear: for s in 0..<count { row[s] = bias + w0 * a[s] }
                    }
                } else {
                    for s in 0..<count { row[s] = bias }
                    for i in 0..<fanIn {
                        let wi = wo[i]
                        let ai = a + i * count
                        for s in 0..<count { row[s] += wi * ai[s] }
                    }
                    Self.activate(kind, row, count)
                }
            }
        }
        return activations[layerCount]
    }

    /// The loss of the last forward pass: mean squared error, or Playground's mean ½ squared error.
    func meanSquaredError(count: Int) -> Double {
        let y = activations[layerCount]
        var sum = 0.0
        for s in 0..<count {
            let e = y[s] - batchTargets[s]
            sum += e * e
        }
        return loss == .mse ? sum / Double(count) : 0.5 * sum / Double(count)
    }

    /// Share of the last forward pass whose sign matches its ±1 label (output 0 counts as +1).
    func accuracy(count: Int) -> Double {
        let y = activations[layerCount]
        var right = 0
        for s in 0..<count where (y[s] >= 0) == (batchTargets[s] > 0) { right += 1 }
        return Double(right) / Double(max(1, count))
    }

    /// Gradient of the batch loss after `forward(count:)`, written to `gradients`.
    func backward(count: Int) {
        var delta = deltaA
        var spare = deltaB
        let y = activations[layerCount]
        let scale = loss == .mse ? 2 / Double(count) : 1 / Double(count)
        for s in 0..<count { delta[s] = scale * (y[s] - batchTargets[s]) }
        Self.multiplyByDerivative(output, delta, y, count)

        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let a = activations[l]
            let w = parameters + weightOffsets[l]
            let gw = gradients + weightOffsets[l]
            let gb = gradients + biasOffsets[l]
            for o in 0..<fanOut {
                let d = delta + o * count
                var biasSum = 0.0
                for s in 0..<count { biasSum += d[s] }
                gb[o] = biasSum
                for i in 0..<fanIn {
                    let ai = a + i * count
                    var sum = 0.0
                    for s in 0..<count { sum += d[s] * ai[s] }
                    gw[o * fanIn + i] = sum
                }
            }
            guard l > 0 else { break }
            for o in 0..<fanOut {
                let d = delta + o * count
                let wo = w + o * fanIn
                for i in 0..<fanIn {
                    let wi = wo[i]
                    let row = spare + i * count
                    if o == 0 {
                        for s in 0..<count { row[s] = wi * d[s] }
                    } else {
                        for s in 0..<count { row[s] += wi * d[s] }
                    }
                }
            }
            Self.multiplyByDerivative(hidden, spare, a, fanIn * count)
            swap(&delta, &spare)
        }
    }

    // MARK: activations

    @inline(__always)
    static func activate(_ kind: Activation, _ values: UnsafeMutablePointer<Double>, _ n: Int) {
        switch kind {
        case .tanh: for k in 0..<n { values[k] = fastTanh(values[k]) }
        case .sigmoid: for k in 0..<n { values[k] = fastSigmoid(values[k]) }
        case .relu: for k in 0..<n { values[k] = values[k] > 0 ? values[k] : 0 }
        case .linear: break
        }
    }

    /// delta *= f'(z), written in terms of the stored output a = f(z).
    @inline(__always)
    static func multiplyByDerivative(_ kind: Activation, _ delta: UnsafeMutablePointer<Double>,
                                     _ a: UnsafeMutablePointer<Double>, _ n: Int) {
        switch kind {
        case .tanh: for k in 0..<n { delta[k] *= 1 - a[k] * a[k] }
        case .sigmoid: for k in 0..<n { delta[k] *= a[k] * (1 - a[k]) }
        case .relu: for k in 0..<n { delta[k] = a[k] > 0 ? delta[k] : 0 }
        case .linear: break
        }
    }

    /// Scalar activation, for single predictions outside the hot path.
    static func apply(_ kind: Activation, _ x: Double) -> Double {
        switch kind {
        case .tanh: fastTanh(x)
        case .sigmoid: fastSigmoid(x)
        case .relu: x > 0 ? x : 0
        case .linear: x
        }
    }
}
