import Foundation

/// One read of the progress store for the flashcard screens: every card row and the reviews of the
/// study day it was read in. Screens get it from a background job, so they never read the store themselves.
public struct ProgressSnapshot: Sendable, Equatable {
    public var progress: [String: CardProgress]
    /// Reviews since the start of the study day containing `readAt`, oldest first.
    public var todayReviews: [StoredReview]
    public var readAt: Date

    public init(progress: [String: CardProgress] = [:], todayReviews: [StoredReview] = [], readAt: Date) {
        self.progress = progress
        self.todayReviews = todayReviews
        self.readAt = readAt
    }

    public static func read(_ store: any ProgressStoring, clock: StudyClock, now: Date) throws -> ProgressSnapshot {
        ProgressSnapshot(progress: try store.allProgress(), todayReviews: try store.reviews(since: clock.dayStart(containing: now)), readAt: now)
    }

    /// Today's use of the daily limits, as of `now` (a snapshot read before midnight counts nothing after the day start).
    public func today(at now: Date, clock: StudyClock) -> DayCounts {
        let start = clock.dayStart(containing: now)
        return DayCounts(todayReviews.filter { $0.log.reviewedAt >= start })
    }
}
