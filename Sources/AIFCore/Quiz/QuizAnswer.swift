/// A learner's answer, always in the content's own indices (never display positions), so scoring and
/// review do not depend on how the options were shuffled.
public enum QuizAnswer: Codable, Hashable, Sendable {
    /// `single` and `multiple`: indices into `Question.options`, sorted.
    case choices([Int])
    /// `ordering`: indices into `Question.items`, in the order the learner put them.
    case order([Int])
    /// `matching`: for each prompt (index into `Question.pairs`), the pair index whose answer was chosen.
    case matches([Int?])

    public static func choose(_ indices: some Sequence<Int>) -> QuizAnswer { .choices(Array(Set(indices)).sorted()) }

    /// The options chosen (content indices); none without an answer.
    public static func chosen(_ answer: QuizAnswer?) -> Set<Int> {
        if case .choices(let c)? = answer { return Set(c) }
        return []
    }

    /// Ordering: the items in the order shown, the answer's or, before one, the shuffled start.
    public static func order(_ answer: QuizAnswer?, shown permutation: [Int]) -> [Int] {
        if case .order(let o)? = answer { return o }
        return permutation
    }

    /// Matching: the answer chosen for each of `count` prompts (nil where none is).
    public static func matches(_ answer: QuizAnswer?, count: Int) -> [Int?] {
        if case .matches(let m)? = answer, m.count == count { return m }
        return Array(repeating: nil, count: count)
    }
}

public enum QuestionOutcome: String, Codable, Sendable, CaseIterable {
    case correct, incorrect, unanswered
}

public enum QuizMode: String, Codable, Sendable, CaseIterable {
    /// Timed, no feedback until the end, scored like the exam.
    case exam
    /// Chosen domains, tasks and types; feedback after each answer.
    case practice
    /// Questions answered wrongly before, until answered right twice in a row.
    case mistakes
    /// Ten questions weighted toward weak domains and questions not seen recently.
    case quick

    /// Whether each answer is checked and explained as soon as it is given.
    public var givesFeedback: Bool { self != .exam }
}
