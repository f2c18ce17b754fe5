import Foundation
import SpacedRepetition

/// A `ProgressStoring` kept in memory, for tests and previews.
public final class InMemoryProgressStore: ProgressStoring {
    public private(set) var rows: [String: CardProgress]
    public private(set) var log: [StoredReview] = []
    public private(set) var resetLog: [CardReset] = []
    private var nextID: Int64 = 1
    /// Set to make every write fail, as a full disk or a locked database would.
    public var failWrites: (any Error)?

    public init(rows: [String: CardProgress] = [:]) { self.rows = rows }

    public func allProgress() throws -> [String: CardProgress] { rows }

    public func record(_ progress: CardProgress, review: ReviewLog, answerMilliseconds: Int) throws -> Int64 {
        if let failWrites { throw failWrites }
        let id = nextID
        nextID += 1
        rows[progress.cardID] = progress
        log.append(StoredReview(id: id, cardID: progress.cardID, log: review, answerMilliseconds: answerMilliseconds))
        return id
    }

    public func restore(cardID: String, previous: CardProgress?, deletingReview: Int64?) throws {
        if let failWrites { throw failWrites }
        rows[cardID] = previous
        if let deletingReview { log.removeAll { $0.id == deletingReview } }
    }

    public func save(_ progress: CardProgress) throws {
        if let failWrites { throw failWrites }
        rows[progress.cardID] = progress
    }

    public func reviews(since start: Date) throws -> [StoredReview] {
        log.filter { $0.log.reviewedAt >= start }
    }

    public func reviews(cardID: String) throws -> [StoredReview] {
        log.filter { $0.cardID == cardID }
    }

    public func reset(_ reset: CardReset) throws {
        if let failWrites { throw failWrites }
        rows[reset.cardID] = nil
        resetLog.append(reset)
    }

    public func resets(cardID: String) throws -> [CardReset] {
        resetLog.filter { $0.cardID == cardID }
    }
}
