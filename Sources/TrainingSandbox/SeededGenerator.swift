#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

import SeededRandom

/// The trainer's generator (SplitMix64), with the draws a training run needs.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var core: SplitMix64

    public init(seed: UInt64) { core = SplitMix64(seed: seed) }

    /// An independent stream for one purpose (data, weights, shuffling), so that changing e.g. the
    /// batch size leaves the data and the initial weights of a seed unchanged.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        core = SplitMix64(seed: mixer.next())
    }

    public mutating func next() -> UInt64 { core.next() }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Standard normal via Box–Muller (one value per call keeps the stream easy to reason about).
    public mutating func normal() -> Double {
        let u1 = 1 - unit()  // (0, 1]: log stays finite
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Uniform integer in 0..<bound (Lemire's multiply-shift; the tiny bias is irrelevant here).
    public mutating func index(below bound: Int) -> Int {
        Int((UInt128(next()) &* UInt128(bound)) >> 64)
    }

    /// Fisher–Yates shuffle in place.
    public mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, index(below: i + 1))
        }
    }
}
