import Foundation
import SeededRandom

/// FSRS-6 scheduler, a line-by-line port of py-fsrs 6.3.2 `Scheduler.review_card`.
///
/// With fuzz off it gives the same due times and, to the last bit in practice, the same stability
/// and difficulty as the reference for any history. Fuzz draws from the injected generator.
public struct Scheduler: Sendable {
    public let parameters: SchedulerParameters
    let w: [Double]
    let decay: Double
    let factor: Double

    /// Expects valid parameters (see `SchedulerParameters.validate()`).
    public init(parameters: SchedulerParameters = SchedulerParameters()) {
        precondition(parameters.weights.count == 21, "FSRS-6 needs 21 weights")
        self.parameters = parameters
        w = parameters.weights
        decay = -parameters.weights[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// Probability of recall at `now`; 0 for a card never reviewed.
    public func retrievability(of card: SchedulingCard, at now: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = max(0, wholeDays(from: lastReview, to: now))
        return pow(1 + factor * Double(elapsed) / stability, decay)
    }

    /// Reviews `card` at `now`; fuzz (if enabled) draws from `rng`.
    public func review(
        _ card: SchedulingCard, rating: Rating, at now: Date, using rng: inout SeededGenerator
    ) -> (SchedulingCard, ReviewLog) {
        var (next, interval) = transition(card, rating: rating, at: now)
        var fuzzed = false
        // As in py-fsrs, a number is drawn only when the interval is long enough to fuzz.
        if parameters.enableFuzzing, next.state == .review, case .days(let days) = interval,
           fuzzBounds(forInterval: days) != nil {
            let fuzzedDays = fuzzedInterval(days, unit: rng.unit())
            fuzzed = fuzzedDays != days
            interval = .days(fuzzedDays)
        }
        next.due = now.addingTimeInterval(interval.seconds)
        next.lastReview = now
        let log = ReviewLog(
            rating: rating, reviewedAt: now, before: card, after: next,
            retrievability: retrievability(of: card, at: now),
            elapsedDays: card.lastReview.map { wholeDays(from: $0, to: now) },
            scheduledSeconds: interval.seconds, fuzzed: fuzzed)
        return (next, log)
    }

    /// Reviews without fuzz. Requires `enableFuzzing == false`: fuzz needs an injected generator.
    public func review(_ card: SchedulingCard, rating: Rating, at now: Date) -> (SchedulingCard, ReviewLog) {
        precondition(!parameters.enableFuzzing, "fuzzing is on: pass a random number generator")
        var unused = SeededGenerator(seed: 0)
        return review(card, rating: rating, at: now, using: &unused)
    }

    /// The due date each rating would give now, without fuzz (for "10m" / "3d" button labels).
    public func preview(_ card: SchedulingCard, at now: Date) -> [Rating: Date] {
        var result: [Rating: Date] = [:]
        for rating in Rating.allCases {
            result[rating] = now.addingTimeInterval(transition(card, rating: rating, at: now).interval.seconds)
        }
        return result
    }

    /// Review interval in whole days for a stability: Python `round` (half to even), clamped to 1...maximum.
    public func nextInterval(stability: Double) -> Int {
        let raw = (stability / factor) * (pow(parameters.desiredRetention, 1 / decay) - 1)
        return Int(min(max(roundHalfEven(raw), 1), Double(parameters.maximumInterval)))
    }

    // MARK: - State machine

    enum Interval: Equatable {
        case seconds(TimeInterval)
        case days(Int)

        var seconds: TimeInterval {
            switch self {
            case .seconds(let seconds): seconds
            case .days(let days): TimeInterval(days) * 86_400
            }
        }
    }

    /// The card after the review (due/lastReview not yet set) and the unfuzzed interval.
    func transition(_ card: SchedulingCard, rating: Rating, at now: Date) -> (card: SchedulingCard, interval: Interval) {
        var next = card
        let elapsedDays = card.lastReview.map { wholeDays(from: $0, to: now) }
        let memory = nextMemoryState(card, rating: rating, elapsedDays: elapsedDays, at: now)
        next.stability = memory.stability
        next.difficulty = memory.difficulty

        var graduated = next
        graduated.state = .review
        graduated.step = nil
        let reviewInterval = Interval.days(nextInterval(stability: memory.stability))

        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? parameters.learningSteps : parameters.relearningSteps
            let step = card.step ?? 0
            // The second clause covers a card left on a step that the current settings no longer have.
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                return (graduated, reviewInterval)
            }
            switch rating {
            case .again:
                next.step = 0
                return (next, .seconds(steps[0]))
            case .hard:
                if step == 0 && steps.count == 1 { return (next, .seconds(timedeltaSeconds(steps[0] * 1.5))) }
                if step == 0 { return (next, .seconds(timedeltaSeconds((steps[0] + steps[1]) / 2))) }
                return (next, .seconds(steps[step]))
            case .good:
                if step + 1 == steps.count { return (graduated, reviewInterval) }
                next.step = step + 1
                return (next, .seconds(steps[step + 1]))
            case .easy:
                return (graduated, reviewInterval)
            }
        case .review:
            if rating == .again && !parameters.relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                return (next, .seconds(parameters.relearningSteps[0]))
            }
            return (graduated, reviewInterval)
        }
    }

    /// Stability is updated with the old difficulty, then difficulty. The first review sets both.
    func nextMemoryState(
        _ card: SchedulingCard, rating: Rating, elapsedDays: Int?, at now: Date
    ) -> (stability: Double, difficulty: Double) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            return (initialStability(rating), initialDifficulty(rating, clamp: true))
        }
        let newStability: Double
        if let elapsedDays, elapsedDays < 1 {
            newStability = shortTermStability(stability, rating: rating)
        } else {
            newStability = longTermStability(
                difficulty: difficulty, stability: stability,
                retrievability: retrievability(of: card, at: now), rating: rating)
        }
        return (newStability, nextDifficulty(difficulty, rating: rating))
    }

    /// Whole days between two instants, floored like Python's `timedelta.days`.
    /// Works in microseconds so float noise in `Date` cannot cross a day boundary.
    func wholeDays(from start: Date, to end: Date) -> Int {
        let difference = microseconds(end) - microseconds(start)
        let day: Int64 = 86_400_000_000
        let quotient = difference / day
        return Int(difference % day < 0 ? quotient - 1 : quotient)
    }
}

func microseconds(_ date: Date) -> Int64 {
    // Clamped: Int64(1e300) traps. ±2.9e5 years is far beyond any date the scheduler is given.
    let v = (date.timeIntervalSince1970 * 1_000_000).rounded()
    guard v.isFinite else { return v > 0 ? Int64.max / 2 : Int64.min / 2 }
    return Int64(min(max(v, -9e18), 9e18))
}

/// Python `round(x)`: nearest integer, ties to even.
public func roundHalfEven(_ value: Double) -> Double {
    value.rounded(.toNearestOrEven)
}

/// A duration rounded to whole microseconds (ties to even), as Python's `timedelta` arithmetic does.
func timedeltaSeconds(_ seconds: Double) -> TimeInterval {
    (seconds * 1_000_000).rounded(.toNearestOrEven) / 1_000_000
}
