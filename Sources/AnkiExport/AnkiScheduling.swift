import AIFCore
import Foundation
import SpacedRepetition

/// An aifprep card's state in Anki's terms. Review cards are due on a day counted from the collection's
/// creation (today's study day); learning cards at a time in seconds. The FSRS memory state goes in the
/// card's `data` as Anki stores it ({"s": stability, "d": difficulty}).
struct AnkiScheduling {
    var type = 0, queue = 0, due: Int64 = 0, interval = 0, factor = 0, reps = 0, lapses = 0, left = 0
    var data = ""

    init(progress: CardProgress?, reviews: [StoredReview], position: Int, crt: Int64, today: StudyDate, clock: StudyClock) {
        reps = reviews.count
        lapses = reviews.count { $0.log.before.state == .review && $0.log.rating == .again }
        // Suspended in aifprep: suspended in Anki too (queue -1), whatever its state.
        defer { if progress?.suspended == true { queue = -1 } }
        guard let p = progress, !p.card.isNew else {
            due = Int64(position)
            return
        }
        let card = p.card
        factor = 2500
        if let s = card.stability, let d = card.difficulty {
            data = "{\"s\":\(Self.number(s)),\"d\":\(Self.number(d))}"
        }
        switch card.state {
        case .review:
            type = 2; queue = 2
            let dueDay = StudyDay.date(containing: card.due, timeZone: clock.timeZone, dayStartHour: clock.dayStartHour)
            due = Int64(dueDay.dayNumber - today.dayNumber)
            interval = max(1, Int((Self.days(card)).rounded()))
        case .learning, .relearning:
            type = card.state == .learning ? 1 : 3; queue = 1
            due = Int64(card.due.timeIntervalSince1970)
            interval = card.state == .relearning ? max(1, Int(Self.days(card).rounded())) : 0
            left = 1
        }
    }

    static func days(_ card: SchedulingCard) -> Double {
        guard let last = card.lastReview else { return 0 }
        return card.due.timeIntervalSince(last) / 86_400
    }

    /// Anki's interval convention: days when positive, seconds when negative (learning steps).
    static func ankiInterval(_ card: SchedulingCard) -> Int {
        guard card.lastReview != nil else { return 0 }
        if card.state == .review { return max(1, Int(days(card).rounded())) }
        return -max(1, Int(days(card) * 86_400))
    }

    static func revlog(_ r: StoredReview) -> (interval: Int, lastInterval: Int, factor: Int, time: Int, type: Int) {
        let type = switch r.log.before.state {
        case .learning: 0
        case .review: 1
        case .relearning: 2
        }
        return (ankiInterval(r.log.after), ankiInterval(r.log.before), 2500, min(60_000, max(0, r.answerMilliseconds)), type)
    }

    /// Short and exact enough for Anki (which keeps 32-bit floats).
    static func number(_ x: Double) -> String { String(format: "%.4f", x) }
}

extension AnkiText {
    /// The sort field without HTML, as Anki stores it.
    static func sortField(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
    }
}
