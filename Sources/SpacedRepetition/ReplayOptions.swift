import Foundation

/// Scheduler settings for a replay. Fuzz is off unless a seed is given.
public struct ReplayOptions: Sendable, Equatable {
    public var desiredRetention: Double
    public var learningSteps: [TimeInterval]
    public var relearningSteps: [TimeInterval]
    public var maximumInterval: Int
    public var fuzzSeed: UInt64?

    public init(
        desiredRetention: Double = 0.9, learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600], maximumInterval: Int = 36_500, fuzzSeed: UInt64? = nil
    ) {
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzzSeed = fuzzSeed
    }

    public var schedulerParameters: SchedulerParameters {
        SchedulerParameters(
            desiredRetention: desiredRetention, learningSteps: learningSteps, relearningSteps: relearningSteps,
            maximumInterval: maximumInterval, enableFuzzing: fuzzSeed != nil)
    }

    /// 36 500 days, the default maximum interval.
    public static let longestStep: TimeInterval = 36_500 * 86_400

    /// Parses a comma-separated list of durations such as "1m,10m" or "90s, 1h, 1d" into seconds.
    /// A bare number means seconds; an empty string means no steps.
    public static func parseDurations(_ text: String) throws(ReplayError) -> [TimeInterval] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        var result: [TimeInterval] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces).lowercased()
            let multipliers: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
            var number = Substring(item)
            var multiplier = 1.0
            if let last = item.last, let unit = multipliers[last] {
                number = item.dropLast()
                multiplier = unit
            }
            guard let value = Double(number), value > 0, value.isFinite else {
                throw ReplayError(line: nil, message: "invalid duration \"\(item)\" (use e.g. 90s, 10m, 1h, 1d)")
            }
            // A step longer than the longest interval schedules past any date ISO 8601 can write (and
            // overflowed the date arithmetic): refuse it by name.
            guard value * multiplier <= Self.longestStep else {
                throw ReplayError(line: nil, message: "duration \"\(item)\" is too long; a step can be at most 36500d (100 years)")
            }
            result.append(value * multiplier)
        }
        return result
    }
}

/// A replay failure; `line` is 1-based and counts blank lines.
public struct ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    /// "line 3: unknown rating \"gud\" ..." or just the message for option errors.
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
