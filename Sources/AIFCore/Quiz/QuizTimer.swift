import Foundation

/// The warnings shown as time runs out.
public enum TimerWarning: Int, Sendable, CaseIterable {
    case tenMinutes = 600
    case oneMinute = 60

    public var seconds: Double { Double(rawValue) }

    /// The warning whose threshold the remaining time crossed between two readings, if any; the later
    /// threshold wins when both are crossed at once.
    public static func crossed(limit: Double, elapsedBefore: Double, elapsedAfter: Double) -> TimerWarning? {
        let before = limit - elapsedBefore, after = limit - elapsedAfter
        return allCases.reversed().first { before > $0.seconds && after <= $0.seconds && after > 0 }
    }
}

/// Turns clock readings into active seconds. A gap longer than `maxStep` between readings means the
/// process was not running (suspended with Ctrl-Z, machine asleep), and only `maxStep` is counted; a clock
/// that goes backwards counts nothing.
public struct ActiveClock: Sendable {
    public var last: Date?
    public var maxStep: Double

    public init(maxStep: Double = 5) { self.maxStep = maxStep }

    /// Seconds to add to the attempt's elapsed time for a reading at `now`.
    public mutating func advance(to now: Date) -> Double {
        defer { last = now }
        guard let last else { return 0 }
        return min(max(0, now.timeIntervalSince(last)), maxStep)
    }

    public mutating func pause() { last = nil }
}

public enum TimeFormat {
    /// Minutes and seconds, as exam timers show them (`90:00`, `120:00`, `0:59`); partial seconds count
    /// as a whole one so that `0:00` means the time is really up.
    public static func clock(_ seconds: Double) -> String {
        // Clamped first: Int(1e300) traps, and no exam lasts 100 days.
        let s = seconds.isFinite ? Int(min(max(0, seconds), 8_640_000).rounded(.up)) : 0
        let sec = s % 60
        return "\(s / 60):" + (sec < 10 ? "0\(sec)" : "\(sec)")
    }
}
