#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension InputFeature {
    /// Playground's `INPUTS[…].f(x, y)`.
    @inline(__always)
    public func value(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .x1: x
        case .x2: y
        case .x1sq: x * x
        case .x2sq: y * y
        case .x1x2: x * y
        case .sinx1: sin(x)
        case .sinx2: sin(y)
        }
    }
}

enum FeatureMap {
    /// The network's inputs for 2-D points: one value per feature, in the order chosen.
    /// Plain (x1, x2) points come back unchanged, so the circle runs made before features existed
    /// stay bit for bit the same.
    static func expand(_ data: Dataset, _ features: [InputFeature]) -> Dataset {
        guard data.inputDimension == 2, features != InputFeature.plain else { return data }
        var inputs: [Double] = []
        inputs.reserveCapacity(data.count * features.count)
        for i in 0..<data.count {
            let x = data.inputs[2 * i], y = data.inputs[2 * i + 1]
            for f in features { inputs.append(f.value(x, y)) }
        }
        return Dataset(inputDimension: features.count, inputs: inputs, targets: data.targets)
    }

    static func expand(_ input: [Double], _ features: [InputFeature]) -> [Double] {
        guard input.count == 2, features != InputFeature.plain else { return input }
        return features.map { $0.value(input[0], input[1]) }
    }
}
