import Foundation

extension Scheduler {
    /// py-fsrs's fuzz bounds for a review interval; nil when no fuzz applies (under 2.5 days).
    /// The draw is `round(u * (upper - lower + 1) + lower)` with u in [0, 1), so — as in py-fsrs —
    /// the result can be `upper + 1` (still capped by the maximum interval).
    public func fuzzBounds(forInterval days: Int) -> ClosedRange<Int>? {
        guard Double(days) >= 2.5 else { return nil }
        let ranges: [(start: Double, end: Double, factor: Double)] = [
            (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
        ]
        var delta = 1.0
        for range in ranges {
            delta += range.factor * max(min(Double(days), range.end) - range.start, 0.0)
        }
        var lower = Int(roundHalfEven(Double(days) - delta))
        var upper = Int(roundHalfEven(Double(days) + delta))
        lower = max(2, lower)
        upper = min(upper, parameters.maximumInterval)
        lower = min(lower, upper)
        return lower...upper
    }

    /// The fuzzed interval for a uniform draw `unit` in [0, 1).
    func fuzzedInterval(_ days: Int, unit: Double) -> Int {
        guard let bounds = fuzzBounds(forInterval: days) else { return days }
        let drawn = unit * Double(bounds.upperBound - bounds.lowerBound + 1) + Double(bounds.lowerBound)
        return min(Int(roundHalfEven(drawn)), parameters.maximumInterval)
    }
}
