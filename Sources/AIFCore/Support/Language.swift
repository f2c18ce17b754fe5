/// The two languages every piece of learner-facing text is written in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, ja
}
