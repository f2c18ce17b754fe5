import AIFCore
import Foundation
@testable import Screens
import TerminalUI
import Testing

/// A quiz store that cannot be read or written (a locked or broken database file).
final class FailingQuizStore: QuizAttemptStoring, @unchecked Sendable {
    struct Broken: Error, CustomStringConvertible { var description: String { "database disk image is malformed" } }
    func saveProgress(_ attempt: QuizAttempt) throws { throw Broken() }
    func unfinishedAttempt() throws -> QuizAttempt? { throw Broken() }
    func discardUnfinished() throws { throw Broken() }
    func recordFinished(_ attempt: QuizAttempt, result: QuizResult, answers: [AnswerRecord]) throws { throw Broken() }
    func history() throws -> [QuizHistoryEntry] { throw Broken() }
    func finishedAttempt(id: String) throws -> QuizAttempt? { throw Broken() }
    func answerHistory() throws -> [AnswerRecord] { throw Broken() }
    func addToStudy(_ questionIDs: [String], at date: Date) throws { throw Broken() }
    func studyQuestionIDs() throws -> [String] { throw Broken() }
}

/// The quiz screens read and write the store only in jobs: they show a loading state until a read
/// answers, and say clearly when the store fails.
@Suite struct QuizStoreJobsTests {
    typealias F = QuizScreenFixtures
    static let size = Size(width: 80, height: 24)

    /// An app over `root`, updated without running the jobs it asks for (as the runtime would, before
    /// their results arrive); returns the jobs.
    static func app(_ root: any Screen) -> (AppModel, [Job]) {
        var app = AppModel(root: root, context: AppContext(settings: AppSettings(), now: { F.t0 }))
        let jobs = app.update(.resize(size), at: F.t0).flattened.compactMap { if case .run(let j) = $0 { j } else { nil } }
        return (app, jobs)
    }

    static func text(_ app: AppModel) -> String {
        var buf = Buffer(size: size)
        app.view(into: &buf, theme: .standard)
        return buf.text
    }

    /// Runs `jobs` and delivers what they send, as the runtime does once they finish.
    static func finish(_ jobs: [Job], _ app: inout AppModel) {
        for job in jobs {
            for m in InlineJobs.messages(of: job) { app.send(.message(m), at: F.t0) }
        }
    }

    @Test func theMenuSaysItIsReadingUntilTheStoreAnswers() throws {
        let store = InMemoryQuizAttemptStore()
        let session = try QuizSession.start(mode: .exam, questions: [F.single, F.multiple], library: F.library, seed: 1,
                                            timeLimit: 600, now: F.t0, id: "paused")
        try store.saveProgress(session.attempt)
        var (app, jobs) = Self.app(QuizMenuScreen(services: QuizServices(library: F.library, store: store)))
        #expect(jobs.count == 1)
        #expect(Self.text(app).contains("Reading your quizzes…"))
        #expect(!Self.text(app).contains("Resume unfinished quiz"))
        Self.finish(jobs, &app)
        let text = Self.text(app)
        #expect(!text.contains("Reading your quizzes…"))
        #expect(text.contains("Resume unfinished quiz") && text.contains("0 of 2 answered"), "the top row, selected: \(text)")
    }

    @Test func aFailingStoreIsSaidOnTheMenuAndWhenStarting() {
        var (app, jobs) = Self.app(QuizMenuScreen(services: QuizServices(library: F.library, store: FailingQuizStore())))
        Self.finish(jobs, &app)
        let text = Self.text(app)
        #expect(text.contains("Could not read your quizzes:") && text.contains("malformed"), "\(text)")
        app.send(.char("e"), at: F.t0)   // Exam simulation: drawn, then the save fails
        #expect(app.stack.count == 1)
        #expect(app.context.status == "Cannot start: database disk image is malformed")
    }

    @Test func startingAQuizOpensItOnceTheJobHasSavedIt() {
        let store = InMemoryQuizAttemptStore()
        var (app, jobs) = Self.app(QuizMenuScreen(services: QuizServices(library: F.library, store: store, makeSeed: { 5 })))
        Self.finish(jobs, &app)
        let ask = app.update(.char("t"), at: F.t0)   // Quick 10
        #expect(app.stack.count == 1 && app.context.status == "Starting…")
        #expect(store.saveCount == 0, "nothing written in the update")
        let start = ask.flattened.compactMap { if case .run(let j) = $0 { j } else { nil } }
        Self.finish(start, &app)
        #expect(app.stack.last is QuizRunScreen)
        #expect(store.saveCount == 1 && store.unfinished != nil)
        #expect(app.context.status == nil)
    }

    @Test func theHistoryReadsInAJobAndSaysWhenItCannot() {
        var (app, jobs) = Self.app(QuizHistoryScreen(services: QuizServices(library: F.library, store: InMemoryQuizAttemptStore())))
        #expect(Self.text(app).contains("Reading the history…"))
        Self.finish(jobs, &app)
        #expect(Self.text(app).contains("No finished quizzes yet"))

        var (broken, more) = Self.app(QuizHistoryScreen(services: QuizServices(library: F.library, store: FailingQuizStore())))
        Self.finish(more, &broken)
        #expect(Self.text(broken).contains("Could not read the history: database disk image is malformed"))
    }

    @Test func addingMissedQuestionsWritesInAJobAndReportsTheOutcome() throws {
        for (store, expected) in [(InMemoryQuizAttemptStore() as any QuizAttemptStoring, "Added 2 missed questions to your flashcards."),
                                  (FailingQuizStore(), "Could not save: database disk image is malformed")] {
            var session = try QuizSession.start(mode: .exam, questions: [F.single, F.multiple], library: F.library, seed: 1,
                                                timeLimit: nil, now: F.t0)
            let (result, _) = session.finish(now: F.t0, blueprint: F.library.blueprint)
            var (app, jobs) = Self.app(QuizResultsScreen(attempt: session.attempt, result: result,
                                                         services: QuizServices(library: F.library, store: store)))
            Self.finish(jobs, &app)
            let ask = app.update(.char("m"), at: F.t0)
            #expect(app.context.status == "Adding 2 missed questions to your flashcards…")
            if let memory = store as? InMemoryQuizAttemptStore { #expect(memory.study.isEmpty, "nothing written in the update") }
            Self.finish(ask.flattened.compactMap { if case .run(let j) = $0 { j } else { nil } }, &app)
            #expect(app.context.status == expected)
            if let memory = store as? InMemoryQuizAttemptStore { #expect(Set(memory.study) == [F.single.id, F.multiple.id]) }
        }
    }
}
