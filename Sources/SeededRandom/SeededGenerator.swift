#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The one seeded random source of the core: SplitMix64, small, fast and identical on every platform, so a
/// seed always means the same sequence (scheduler fuzz, quiz draws and option order, training data, weights
/// and shuffles). Python copies in the fixture generators (`generate_fsrs_traces.py`, `label_reference_set.py`)
/// match it bit for bit; do not change a draw below without regenerating the fixtures that depend on it.
///
/// Two bounded-integer draws are kept on purpose, because recorded values depend on each:
/// - `below(_:)`, rejection-sampled modulo (exactly uniform): quiz selection and option order; a recorded
///   quiz seed reproduces the same attempt.
/// - `multiplyShiftBelow(_:)`, Lemire's multiply-shift without rejection (a bias under n / 2⁶⁴): the
///   trainer's shuffles, on which the reference trajectories and the labelled reference set depend.
/// They give different numbers for the same draw (low bits against high bits), so neither can stand in for
/// the other without changing those fixtures.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose (data, weights, shuffling), so that changing e.g. the
    /// batch size leaves the data and the initial weights of a seed unchanged.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: doubles

    /// Uniform in [0, 1) from the top 53 bits (py-fsrs's `random()` in the fixtures; the trainer's draws).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in (0, 1): the same 53 bits, centred in their interval, so `log` of it is always finite.
    public mutating func openUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
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

    // MARK: integers

    /// Uniform in 0..<n without modulo bias (rejection sampling). Quiz draws.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        var v = next()
        while v >= limit { v = next() }
        return Int(v % bound)
    }

    /// 0..<n by Lemire's multiply-shift, without rejection (the tiny bias is irrelevant there). Trainer draws.
    public mutating func multiplyShiftBelow(_ n: Int) -> Int {
        Int((UInt128(next()) &* UInt128(n)) >> 64)
    }

    // MARK: shuffles (Fisher–Yates written out: `shuffle(using:)`'s algorithm may change between releases)

    /// Shuffles in place, drawing with `below(_:)`. Quiz selection and option order.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }

    /// Shuffles in place, drawing with `multiplyShiftBelow(_:)`. The trainer's data order.
    public mutating func multiplyShiftShuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, multiplyShiftBelow(i + 1))
        }
    }
}
