import AIFCore
import Dispatch
import Foundation
import SpacedRepetition
import Testing
import TerminalUI
@testable import Screens

/// A progress store whose writes wait at a gate, as a write waits for another process's lock (up to the
/// 2 s busy timeout of the SQLite store).
final class GatedProgressStore: ProgressStoring, @unchecked Sendable {
    let inner = InMemoryProgressStore()
    let gate = DispatchSemaphore(value: 0)
    func allProgress() throws -> [String: CardProgress] { try inner.allProgress() }
    func record(_ progress: CardProgress, review: ReviewLog, answerMilliseconds: Int) throws -> Int64 {
        gate.wait()
        return try inner.record(progress, review: review, answerMilliseconds: answerMilliseconds)
    }
    func restore(cardID: String, previous: CardProgress?, deletingReview: Int64?) throws {
        try inner.restore(cardID: cardID, previous: previous, deletingReview: deletingReview)
    }
    func save(_ progress: CardProgress) throws { try inner.save(progress) }
    func reviews(since start: Date) throws -> [StoredReview] { try inner.reviews(since: start) }
    func reviews(cardID: String) throws -> [StoredReview] { try inner.reviews(cardID: cardID) }
    func reset(_ reset: CardReset) throws { try inner.reset(reset) }
    func resets(cardID: String) throws -> [CardReset] { try inner.resets(cardID: cardID) }
}

@Suite struct BlockedStoreTests {
    typealias F = FlashcardsFixture

    /// The real runtime over a recording backend: while a rating's write is stuck, keys still work (the
    /// help overlay opens and closes); the next card shows once the write lands.
    @Test func aStuckWriteDoesNotFreezeTheScreen() {
        let store = GatedProgressStore()
        let backend = TestBackend(start: F.start)
        let ctx = AppContext(settings: AppSettings(), now: { backend.now })
        let services = FlashcardsServices(library: F.library, store: store, timeZone: TimeZone(identifier: "UTC")!, seed: 7)
        var app = AppModel(root: FlashcardsScreen(services: services), context: ctx)
        let runtime = Runtime(backend: backend, minimumSize: AppModel.minimumSize, shouldStop: { backend.isDone }, now: { backend.now })
        nonisolated(unsafe) var whileStuck: [String] = []
        // The hub reads the store first, off the loop: keys act once that read has landed.
        backend.append(
            .until { !runtime.jobs.isRunning }, .idle(milliseconds: 20),
            .event(.key(.enter)), .event(.char(" ")), .event(.char("3")), .idle(milliseconds: 50),
            .call { whileStuck.append(backend.screen.text) }, .event(.char("?")), .idle(milliseconds: 50),
            .call { whileStuck.append(backend.screen.text) }, .event(.char("?")), .idle(milliseconds: 50),
            .call { store.gate.signal() }, .until { !runtime.jobs.isRunning }, .idle(milliseconds: 50))
        runtime.run(&app)
        #expect(whileStuck.count == 2)
        // Still on the rated card (its answer showing), then the help overlay over it: input went on.
        #expect(whileStuck.first?.contains("learning rate is too high") == true)
        #expect(whileStuck.last?.contains("Keys —") == true)
        #expect(store.inner.log.count == 1)
        #expect(backend.screen.text.contains("What is an epoch?"))
        #expect(!backend.screen.text.contains("Keys —"))
    }
}
