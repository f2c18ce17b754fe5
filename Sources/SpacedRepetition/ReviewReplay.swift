import Foundation
import SeededRandom

/// The card after one replayed review, as printed by `aifprep srs replay`.
public struct ReplayStep: Sendable, Equatable {
    public var card: SchedulingCard
    /// Retrievability just before the review (0 for a new card).
    public var retrievability: Double

    /// One JSON line: state, step (null in review), due (UTC ISO 8601), stability, difficulty, retrievability.
    public var jsonLine: String {
        let step = card.step.map(String.init) ?? "null"
        return "{\"state\":\"\(card.state.name)\",\"step\":\(step),\"due\":\"\(ISO8601.format(card.due))\","
            + "\"stability\":\(number(card.stability)),\"difficulty\":\(number(card.difficulty)),"
            + "\"retrievability\":\(number(retrievability))}"
    }

    private func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }
}

/// Replays one card's review history line by line. Input lines are JSON objects
/// `{"time": "2025-01-01T09:00:00Z", "rating": "good"}` (rating as a name or 1-4); blank lines are skipped.
///
/// The first bad line ends the replay: later reviews would be scheduled from a history with a hole in it.
public struct ReviewReplayer {
    public let scheduler: Scheduler
    public private(set) var card: SchedulingCard?
    public private(set) var lineNumber = 0
    private var rng: SeededGenerator

    public init(options: ReplayOptions) throws(ReplayError) {
        let parameters = options.schedulerParameters
        if let problem = parameters.problems.first { throw ReplayError(line: nil, message: problem) }
        scheduler = Scheduler(parameters: parameters)
        rng = SeededGenerator(seed: options.fuzzSeed ?? 0)
    }

    /// Consumes the next input line; nil for a blank line.
    public mutating func feed(_ line: some StringProtocol) throws(ReplayError) -> ReplayStep? {
        lineNumber += 1
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        let (time, rating) = try parse(text)
        let current = card ?? .new(due: time)
        if let last = current.lastReview, time < last {
            throw error("time \(ISO8601.format(time)) is earlier than the previous review \(ISO8601.format(last))")
        }
        let retrievability = scheduler.retrievability(of: current, at: time)
        let (next, _) = scheduler.review(current, rating: rating, at: time, using: &rng)
        // The output must be readable as input again: ISO 8601 here has four-digit years.
        if next.due.timeIntervalSince1970 > ISO8601.latest {
            throw error("the next due date falls after the year 9999, which cannot be written; use an earlier time or shorter steps")
        }
        card = next
        return ReplayStep(card: next, retrievability: retrievability)
    }

    private func parse(_ text: String) throws(ReplayError) -> (Date, Rating) {
        guard let object = try? JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8)) else {
            throw error("not a JSON object")
        }
        guard let timeValue = object["time"] else { throw error("missing \"time\"") }
        guard case .string(let timeText) = timeValue else { throw error("\"time\" must be a string") }
        guard let time = ISO8601.parse(timeText) else {
            throw error("time \"\(timeText)\" is not ISO 8601 (e.g. 2025-01-01T09:00:00Z)")
        }
        guard let ratingValue = object["rating"] else { throw error("missing \"rating\"") }
        let rating: Rating?
        switch ratingValue {
        case .string(let name): rating = Rating(parsing: name)
        case .integer(let value): rating = Rating(rawValue: value)
        default: rating = nil
        }
        guard let rating else {
            throw error("unknown rating \(ratingValue.display) (use again, hard, good, easy or 1-4)")
        }
        return (time, rating)
    }

    private func error(_ message: String) -> ReplayError { ReplayError(line: lineNumber, message: message) }
}

public enum ReviewReplay {
    public struct Result: Sendable, Equatable {
        /// One JSON line per review replayed before any error.
        public var outputLines: [String]
        /// The first bad line, if any (the replay stopped there).
        public var error: ReplayError?
    }

    public static func run(input: String, options: ReplayOptions) -> Result {
        var output: [String] = []
        do {
            var replayer = try ReviewReplayer(options: options)
            for line in input.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                if let step = try replayer.feed(line) { output.append(step.jsonLine) }
            }
            return Result(outputLines: output, error: nil)
        } catch {
            return Result(outputLines: output, error: error)
        }
    }
}

/// A JSON value, kept only as far as replay input needs.
private enum JSONScalar: Decodable {
    case string(String), integer(Int), number(Double), bool(Bool), null, other

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else { self = .other }
    }

    var display: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .null: "null"
        case .other: "value"
        }
    }
}
