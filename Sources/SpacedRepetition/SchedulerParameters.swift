import Foundation

/// Settings of the FSRS-6 scheduler. Defaults are py-fsrs 6.3.2's.
public struct SchedulerParameters: Codable, Sendable, Equatable, Hashable {
    /// FSRS-6 weights w0...w20.
    public var weights: [Double]
    /// Target probability of recall at the due date; valid 0.7...0.97.
    public var desiredRetention: Double
    /// Learning steps in seconds (empty: a new card goes straight to review).
    public var learningSteps: [TimeInterval]
    /// Relearning steps in seconds (empty: a lapsed card stays in review).
    public var relearningSteps: [TimeInterval]
    /// Longest review interval in days.
    public var maximumInterval: Int
    public var enableFuzzing: Bool

    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let desiredRetentionRange: ClosedRange<Double> = 0.7...0.97

    // Bounds py-fsrs validates the weights against.
    static let weightLowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let weightUpperBounds: [Double] = [
        100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8,
    ]

    public init(
        weights: [Double] = SchedulerParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        enableFuzzing: Bool = true
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// Human-readable problems, empty when the parameters are usable.
    public var problems: [String] {
        var problems: [String] = []
        if weights.count != 21 {
            problems.append("expected 21 weights, got \(weights.count)")
        } else {
            for (index, weight) in weights.enumerated()
            where !(Self.weightLowerBounds[index]...Self.weightUpperBounds[index]).contains(weight) {
                problems.append(
                    "weight w\(index) = \(weight) is outside \(Self.weightLowerBounds[index])...\(Self.weightUpperBounds[index])")
            }
        }
        if !Self.desiredRetentionRange.contains(desiredRetention) {
            problems.append("desired retention \(desiredRetention) is outside 0.7...0.97")
        }
        if (learningSteps + relearningSteps).contains(where: { !($0 > 0) || !$0.isFinite }) {
            problems.append("steps must be positive durations")
        }
        if maximumInterval < 1 { problems.append("maximum interval must be at least 1 day") }
        if maximumInterval > 36_500 { problems.append("maximum interval can be at most 36500 days (100 years)") }
        return problems
    }

    /// Throws the first problem, if any.
    public func validate() throws(SchedulerParameterError) {
        if let first = problems.first { throw SchedulerParameterError(message: first) }
    }
}

public struct SchedulerParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
