import Foundation

/// Compact, Anki-style label for the time from `start` to `end`: "45s", "1m", "5.5m", "1h", "3d", "2mo", "1.1y".
/// One decimal at most, trailing ".0" dropped; a month is 30 days, a year 365. Negative spans read "0s".
public func formatInterval(from start: Date, to end: Date) -> String {
    formatInterval(seconds: end.timeIntervalSince(start))
}

/// The same label in Japanese, as Anki's Japanese interface writes it: "45秒", "10分", "1時間", "3日", "2か月", "1.1年".
public func formatInterval(from start: Date, to end: Date, japanese: Bool) -> String {
    formatInterval(seconds: end.timeIntervalSince(start), japanese: japanese)
}

public func formatInterval(seconds: TimeInterval, japanese: Bool = false) -> String {
    let seconds = max(0, seconds)
    let suffixes = japanese ? ["秒", "分", "時間", "日", "か月", "年"] : ["s", "m", "h", "d", "mo", "y"]
    let units: [(limit: Double, size: Double, suffix: String)] = [
        (60, 1, suffixes[0]), (3_600, 60, suffixes[1]), (86_400, 3_600, suffixes[2]), (30 * 86_400, 86_400, suffixes[3]),
        (365 * 86_400, 30 * 86_400, suffixes[4]), (.infinity, 365 * 86_400, suffixes[5]),
    ]
    let unit = units.first { seconds < $0.limit }!
    let tenths = (seconds / unit.size * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = Int(tenths) % 10
    return fraction == 0 ? "\(whole)\(unit.suffix)" : "\(whole).\(fraction)\(unit.suffix)"
}
