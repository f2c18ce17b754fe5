import Foundation
import GRDB

/// A row the app skipped because a value in it is missing or out of range; `name` says which row
/// ("card 'd1-bias'", "review 16", "quiz attempt '…'") and `reason` which value.
public struct RowProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "\(name): \(reason)" }
}

/// Every value read from disk is checked here rather than trusted: a hand-edited or damaged row must
/// never crash a GRDB decode (`row["due"] as Double` traps on NULL) or a later computation (1e300 seconds).
enum RowValue {
    struct Bad: Error {
        var column: String
        var problem: String
        var reason: String { "\(column) \(problem)" }
    }

    static func value(_ row: Row, _ column: String) -> DatabaseValue {
        row.hasColumn(column) ? row[column] : .null
    }

    static func describe(_ row: Row, _ column: String) -> String {
        switch value(row, column).storage {
        case .int64(let v): "\(v)"
        case .double(let v): "\(v)"
        case .string(let s): "'\(s)'"
        default: "?"
        }
    }

    static func text(_ row: Row, _ column: String) -> String? {
        switch value(row, column).storage {
        case .string(let s): s
        case .int64(let v): String(v)
        default: nil
        }
    }

    static func int(_ row: Row, _ column: String) -> Int? {
        switch value(row, column).storage {
        case .int64(let v): Int(exactly: v)
        case .double(let v): v.isFinite && v == v.rounded() && abs(v) < 9e15 ? Int(v) : nil
        default: nil
        }
    }

    static func double(_ row: Row, _ column: String) -> Double?? {
        switch value(row, column).storage {
        case .null: .some(nil)
        case .int64(let v): .some(Double(v))
        case .double(let v): .some(v)
        default: nil
        }
    }

    /// A non-negative whole number or NULL.
    static func count(_ row: Row, _ column: String) throws(Bad) -> Int? {
        if case .null = value(row, column).storage { return nil }
        guard let v = int(row, column), v >= 0, v < 1_000_000 else { throw Bad(column: column, problem: "is not a small whole number") }
        return v
    }

    /// A finite number in `range`, or NULL.
    static func number(_ row: Row, _ column: String, in range: ClosedRange<Double>) throws(Bad) -> Double? {
        guard let read = double(row, column) else { throw Bad(column: column, problem: "is not a number") }
        guard let v = read else { return nil }
        guard v.isFinite, range.contains(v) else { throw Bad(column: column, problem: "is \(v), outside \(range.lowerBound)…\(range.upperBound)") }
        return v
    }

    /// Seconds since 1970 between 1970 and 9999: the dates the app can show and compute with.
    static let dateRange: ClosedRange<Double> = -86_400...253_402_300_799

    static func date(_ row: Row, _ column: String, required: Bool) throws(Bad) -> Date? {
        guard let read = double(row, column) else { throw Bad(column: column, problem: "is not a date") }
        guard let v = read else {
            if required { throw Bad(column: column, problem: "is missing") }
            return nil
        }
        guard v.isFinite, dateRange.contains(v) else { throw Bad(column: column, problem: "is \(v), not a date between 1970 and 9999") }
        return Date(timeIntervalSince1970: v)
    }
}
