/// The card that teaches a question's concept and the sandbox preset that shows it live, for questions
/// about model states and the training hyperparameters (over- and underfitting, learning rate, batch
/// size, epochs, early stopping). Derived from shared tags, so a new question is linked by tagging it.
public enum QuestionStudyLink {
    /// Tags that name a concept the training sandbox demonstrates.
    public static let sandboxTags: Set<String> = [
        "overfitting", "underfitting", "learning-rate", "batch-size", "epochs", "early-stopping",
        "model-states", "bias-variance", "unstable", "noise-floor", "lr-decay", "warmup",
    ]

    /// The card with a sandbox preset sharing most of the question's concept tags; of equals, the one
    /// with the fewest other tags (the most specific), then the first in the file. Nil for other questions.
    public static func card(for q: Question, in library: ContentLibrary) -> Card? {
        let wanted = Set(q.tags).intersection(sandboxTags)
        guard !wanted.isEmpty else { return nil }
        var best: (card: Card, shared: Int, extra: Int)?
        for card in library.cards where card.sandboxPresetID.flatMap(library.preset(id:)) != nil {
            let tags = Set(card.tags)
            let shared = tags.intersection(wanted).count
            guard shared > 0 else { continue }
            let extra = tags.subtracting(wanted).count
            if best == nil || shared > best!.shared || (shared == best!.shared && extra < best!.extra) {
                best = (card, shared, extra)
            }
        }
        return best?.card
    }

    public static func preset(for q: Question, in library: ContentLibrary) -> SandboxPreset? {
        card(for: q, in: library)?.sandboxPresetID.flatMap(library.preset(id:))
    }
}
