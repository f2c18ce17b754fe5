import SeededRandom

/// The scheduler's generator for reproducible fuzz. The fixture generator has an identical Python copy
/// of SplitMix64, so fuzzed traces can be compared exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Hashable {
    private var core: SplitMix64

    public init(seed: UInt64) { core = SplitMix64(seed: seed) }

    public var state: UInt64 { core.state }

    public mutating func next() -> UInt64 { core.next() }
}
