import Foundation

/// Which cards a session draws from.
public enum StudyScope: Sendable, Hashable {
    case all
    case domain(String)
    case deck(String)
    case tag(String)
    /// Cards of these task statements (readiness's weakest).
    case tasks(Set<String>)

    public func contains(_ card: Card) -> Bool {
        switch self {
        case .all: true
        case .domain(let id): card.domainID == id
        case .deck(let id): card.deckID == id
        case .tag(let tag): card.tags.contains(tag)
        case .tasks(let ids): ids.contains(card.taskID)
        }
    }

    /// A short name for headers: "All cards", "Domain 2: …", the deck title, "#tag".
    public func title(in library: ContentLibrary, _ lang: Language) -> String {
        switch self {
        case .all:
            return lang == .ja ? "すべてのカード" : "All cards"
        case .domain(let id):
            guard let domain = library.domain(id: id) else { return id }
            return (lang == .ja ? "分野 \(domain.number): " : "Domain \(domain.number): ") + domain.title(lang)
        case .deck(let id):
            return library.decks.first { $0.id == id }?.title(lang) ?? id
        case .tag(let tag):
            return "#\(tag)"
        case .tasks(let ids):
            let list = ids.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.joined(separator: ", ")
            return (lang == .ja ? "タスク " : "Tasks ") + list
        }
    }
}
