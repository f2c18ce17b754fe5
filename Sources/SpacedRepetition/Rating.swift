/// How well the learner recalled a card. Raw values match FSRS (and Anki's answer buttons).
public enum Rating: Int, Codable, Sendable, CaseIterable, Comparable {
    case again = 1, hard, good, easy

    /// Accepts "again"/"hard"/"good"/"easy" (any case) or "1"..."4".
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "again", "1": self = .again
        case "hard", "2": self = .hard
        case "good", "3": self = .good
        case "easy", "4": self = .easy
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A card's learning state. A new card is `.learning` at step 0 with no memory state yet.
public enum CardState: Int, Codable, Sendable, CaseIterable {
    case learning = 1, review, relearning

    public var name: String {
        switch self {
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }

    public init?(parsing text: String) {
        guard let state = CardState.allCases.first(where: { $0.name == text.lowercased() }) else { return nil }
        self = state
    }
}
