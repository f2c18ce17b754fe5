import Foundation

/// Compact, Anki-style label for the time from `start` to `end`: "45s", "1m", "5.5m", "1h", "3d", "2mo", "1.1y".
/// One decimal at most, trailing ".0" dropped; a month is 30 days, a year 365. Negative spans read "0s".
public func formatInterval(from start: Date, to end: Date) -> String {
    formatInterval(seconds: end.timeIntervalSince(start))
}

public func formatInterval(seconds: TimeInterval) -> String {
    let seconds = max(0, seconds)
    let units: [(limit: Double, size: Double, suffix: String)] = [
        (60, 1, "s"), (3_600, 60, "m"), (86_400, 3_600, "h"), (30 * 86_400, 86_400, "d"),
        (365 * 86_400, 30 * 86_400, "mo"), (.infinity, 365 * 86_400, "y"),
    ]
    let unit = units.first { seconds < $0.limit }!
    let tenths = (seconds / unit.size * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = Int(tenths) % 10
    return fraction == 0 ? "\(whole)\(unit.suffix)" : "\(whole).\(fraction)\(unit.suffix)"
}
