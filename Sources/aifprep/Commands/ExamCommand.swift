import PlainOutput
import AIFCore
import ArgumentParser
import Foundation
import SeededRandom
import ProgressStore

/// `aifprep exam --plain`: the exam simulator line by line on stdin/stdout, for screen readers and scripts.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Take an exam simulation line by line (--plain) for screen readers and scripts.",
        discussion: """
            Each question is printed with its id ([d3-017]), type and numbered options. Answer with 2 (single), \
            1,4 (multiple response), 3 1 2 (ordering: item numbers in the correct order) or a2 b1 c3 (matching). \
            skip, back, flag, lang (other language) and submit work at any question; invalid input prints a \
            one-line hint and the same question again; end of input submits. The scaled score is an \
            approximation (AWS does not publish its scaling): 70 % correct maps to the pass mark of 700.
            The full-screen simulator is under Quiz in the app (run aifprep with no arguments).
            """)

    @Flag(help: "Run line by line on standard input and output.")
    var plain = false

    @Option(help: "Random seed for the question draw and option order (printed at the start; default: random).")
    var seed: UInt64?

    @Option(help: "Number of questions (default: 65, the exam's count).")
    var count: Int?

    @Option(name: .customLong("domain"), help: "Only these domains: 1-5 or d1-d5; repeat or separate with commas.")
    var domains: [String] = []

    @Option(name: .customLong("time-limit"), help: "Minutes; 0 for untimed (default: 90, plus 30 with the extra-time setting, scaled to --count).")
    var timeLimit: Int?

    @Option(help: "Language of the questions: en or ja (default: your setting). Type lang to switch during the exam.")
    var lang: String?

    @Flag(name: .customLong("no-shuffle"), help: "Keep options in file order (ordering items are still shuffled).")
    var noShuffle = false

    @Option(help: "After submitting, explain these questions: missed (default), all or none. --json includes them as \"review\".")
    var review: String = PlainReviewScope.missed.rawValue

    @Flag(name: .customLong("new"), help: "Discard an unfinished exam instead of resuming it.")
    var startNew = false

    @Flag(help: "Print a one-line JSON summary at the end instead of the text results.")
    var json = false

    /// The result is added to the history in the data directory.
    @OptionGroup var study: StudyOptions

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be en or ja") }
        if PlainReviewScope(rawValue: review) == nil { throw ValidationError("--review must be missed, all or none") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let timeLimit, timeLimit < 0 || timeLimit > 10_080 {
            throw ValidationError("--time-limit must be 0 (untimed) up to 10080 minutes (a week)")
        }
        if let count, count > 10_000 { throw ValidationError("--count must be at most 10000") }
        _ = try domainIDs()
    }

    /// `3`, `d3`, `3,4` → `d3`, `d4`.
    func domainIDs() throws -> Set<String> {
        var ids = Set<String>()
        for part in domains.flatMap({ $0.split(separator: ",") }) {
            let s = part.trimmingCharacters(in: .whitespaces).lowercased()
            let n = Int(s.hasPrefix("d") ? String(s.dropFirst()) : s)
            guard let n, (1...9).contains(n) else { throw ValidationError("unknown domain '\(part)': use 1-5 or d1-d5") }
            ids.insert("d\(n)")
        }
        return ids
    }

    func run() throws {
        guard plain else {
            throw ValidationError("The full-screen exam is under Quiz in the app: run aifprep. For a line-by-line exam, add --plain.")
        }
        let boot = study.bootstrap()
        let library = try study.library(boot)
        let bp = library.blueprint
        let wanted = try domainIDs()
        if let unknown = wanted.first(where: { library.domain(id: $0) == nil }) {
            throw ValidationError("unknown domain '\(unknown)'")
        }
        // One owner per data directory: a second aifprep (this or the app) on the same data is refused,
        // so neither can write from a stale copy of the other's attempt.
        var store: QuizAttemptsStore?
        var lock: DataDirectoryLock?
        do {
            lock = try DataDirectoryLock.acquire(directory: boot.paths.dataDirectory)
            store = try QuizAttemptsStore.open(directory: boot.paths.dataDirectory)
        } catch let error as ProgressStoreError {
            if case .alreadyOpen = error {
                ContentSource.printError("aifprep: \(error)")
                throw ExitCode.failure
            }
            ContentSource.printError("aifprep: the result will not be saved: \(error)")
        } catch {
            ContentSource.printError("aifprep: the result will not be saved: \(error)")
        }
        defer { lock?.release() }

        let language = lang.flatMap(Language.init) ?? boot.settings.language
        var session: QuizSession?
        if let store, !startNew {
            session = try resumable(store, library: library)
        }
        if session == nil {
            let n = count ?? bp.questions
            let seed = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
            var rng = SeededGenerator(seed: seed)
            let questions = QuizSelector.exam(from: library, count: n, domains: wanted, rng: &rng)
            let limit = timeLimit.map { $0 == 0 ? nil : Double($0 * 60) }
                ?? QuizDefaults.examTimeLimit(blueprint: bp, count: questions.count, extraTime: boot.settings.examExtraTime)
            do {
                session = try QuizSession.start(mode: .exam, questions: questions, library: library, seed: seed, timeLimit: limit,
                                                shuffle: !noShuffle, now: Date())
            } catch {
                throw ValidationError("\(error)")
            }
        }
        let quiz = PlainQuiz(session: session!, library: library, language: language,
                             json: json, store: store, input: { readLine(strippingNewline: true) },
                             output: { line in
                                 // Unbuffered, line by line: a script may wait for each question before answering.
                                 FileHandle.standardOutput.write(Data((line + "\n").utf8))
                             }, now: Date.init)
        quiz.reviewScope = PlainReviewScope(rawValue: review) ?? .missed
        quiz.run()
    }

    /// The unfinished exam to resume, if any. A quiz of another mode paused in the app is not replaced
    /// silently; a damaged one is named and replaced.
    private func resumable(_ store: QuizAttemptsStore, library: ContentLibrary) throws -> QuizSession? {
        let attempt: QuizAttempt?
        do {
            attempt = try store.unfinishedAttempt()
        } catch {
            ContentSource.printError("aifprep: \(error); starting a new exam replaces it.")
            return nil
        }
        guard let attempt else { return nil }
        guard attempt.mode == .exam else {
            ContentSource.printError("aifprep: you have an unfinished \(attempt.mode.rawValue) quiz from the app "
                + "(\(attempt.answeredCount) of \(attempt.count) answered). Resume it in the app, or pass --new to discard it and start this exam.")
            throw ExitCode.failure
        }
        do {
            return try QuizSession(attempt: attempt, library: library)
        } catch {
            ContentSource.printError("aifprep: the unfinished exam cannot be resumed (\(error)); starting a new one replaces it.")
            return nil
        }
    }
}
