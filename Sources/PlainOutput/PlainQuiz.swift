import AIFCore
import Foundation
import TextSafety

/// `aifprep exam --plain`: the quiz engine line by line, for screen readers and scripts. Input, output and
/// the clock are injected so tests can drive it with a script and a fake clock.
public final class PlainQuiz {
    public private(set) var session: QuizSession
    public private(set) var language: Language
    let library: ContentLibrary
    let input: () -> String?
    let output: (String) -> Void
    let now: () -> Date
    let store: (any QuizAttemptStoring)?
    let json: Bool
    /// Which questions are explained after submitting (see `PlainReview`).
    public var reviewScope: PlainReviewScope = .missed
    private var lastReading: Date

    public init(session: QuizSession, library: ContentLibrary, language: Language, json: Bool = false,
                store: (any QuizAttemptStoring)? = nil, input: @escaping () -> String?, output: @escaping (String) -> Void,
                now: @escaping () -> Date) {
        self.session = session
        self.library = library
        self.language = language
        self.json = json
        self.store = store
        self.input = input
        // Everything printed comes from content files or the learner: no control or bidi character may
        // reach the terminal (OSC 52, ESC [ 2 J, BEL, C1 CSI, RLO, ZWSP …).
        self.output = { output(TerminalText.clean($0, keepNewlines: true)) }
        self.now = now
        lastReading = now()
    }

    private func t(_ en: String, _ ja: String) -> String { language == .ja ? ja : en }

    /// Runs until `submit`, end of input or time up; prints the results and returns them.
    @discardableResult
    public func run() -> QuizResult {
        printIntro()
        var position: Int? = session.current
        var fromReview = false
        var lastCaseStudy: String?
        loop: while true {
            if let i = position {
                session.go(to: i)
                printQuestion(i, showScenario: session.questions[i].caseStudyID != lastCaseStudy)
                lastCaseStudy = session.questions[i].caseStudyID
            } else {
                printReview()
            }
            guard let line = input() else { break }
            if advanceClock() { break }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let i = position else {
                if let k = Int(trimmed), (1...session.count).contains(k) {
                    position = k - 1
                    fromReview = true
                    lastCaseStudy = nil
                    continue
                }
                switch PlainInput.keyword(trimmed) {
                case .submit: break loop
                case .language: language = language == .en ? .ja : .en
                case .back: position = session.count - 1
                default: output(PlainHint.review(session.count).text(language))
                }
                continue
            }
            let q = session.questions[i]
            defer {
                // Saved where the learner goes next, so a resumed exam continues there.
                if let next = position { session.go(to: next) }
                saveProgress()
            }
            switch PlainInput.parse(trimmed, question: q, permutation: session.permutation(i), lang: language) {
            case .failure(let hint):
                output(hint.text(language))
                lastCaseStudy = q.caseStudyID   // do not repeat the scenario for a retry
            case .success(let command):
                switch command {
                case .answer(let a):
                    session.setAnswer(a, at: i)
                    position = fromReview ? nil : (i + 1 < session.count ? i + 1 : nil)
                case .skip:
                    position = fromReview ? nil : (i + 1 < session.count ? i + 1 : nil)
                case .back:
                    position = max(0, i - 1)
                    fromReview = false
                case .flag:
                    session.toggleFlag(i)
                    output(session.isFlagged(i) ? t("Flagged for review.", "見直し用にフラグを付けました。") : t("Flag removed.", "フラグを外しました。"))
                case .language:
                    language = language == .en ? .ja : .en
                    lastCaseStudy = nil
                case .submit:
                    break loop
                case .jump:
                    break
                }
            }
        }
        return finish()
    }

    /// Saved after every answer, flag and move, as the full-screen exam does: a kill loses nothing and the
    /// next `exam --plain` resumes here.
    private func saveProgress() {
        guard let store else { return }
        do {
            try store.saveProgress(session.attempt)
        } catch {
            output(t("Could not save your progress: \(error)", "進捗を保存できませんでした: \(error)"))
        }
    }

    /// Adds the time since the last reading; true when time is up.
    private func advanceClock() -> Bool {
        let reading = now()
        let warning = session.addElapsed(max(0, reading.timeIntervalSince(lastReading)))
        lastReading = reading
        if session.isTimeUp {
            output(t("Time is up: the exam is submitted.", "時間切れです。試験を提出しました。"))
            return true
        }
        switch warning {
        case .tenMinutes?: output(t("10 minutes left.", "残り 10 分です。"))
        case .oneMinute?: output(t("1 minute left.", "残り 1 分です。"))
        case nil: break
        }
        return false
    }

    private func printIntro() {
        let a = session.attempt
        if a.answeredCount > 0 || a.elapsed > 0 || a.current > 0 {
            var line = t("Resuming the unfinished exam: \(a.answeredCount) of \(a.count) answered",
                         "中断した模擬試験を再開します: \(a.count) 問中 \(a.answeredCount) 問回答済み")
            if let r = a.remaining { line += t(", \(TimeFormat.clock(r)) left", "、残り \(TimeFormat.clock(r))") }
            output(line + t(" (seed \(a.seed)). Start afresh with --new.", " (シード \(a.seed))。最初からやり直すには --new。"))
        }
        var line = t("Exam simulation: \(a.count) questions", "模擬試験: \(a.count) 問")
        if let limit = a.timeLimit {
            let m = Int(limit / 60)
            line += t(", \(m) \(m == 1 ? "minute" : "minutes")", "、\(m) 分")
        }
        line += t(", seed \(a.seed).", "、シード \(a.seed)。")
        output(line)
        output(t("Answer with the option numbers: 2 · 1,4 (choose two) · 3 1 2 (ordering) · a2 b1 c3 (matching). "
                 + "Also: skip, back, flag, lang (other language), submit. End of input submits.",
                 "選択肢の番号で答えてください: 2 · 1,4 (2 つ選択) · 3 1 2 (並べ替え) · a2 b1 c3 (組み合わせ)。"
                 + "skip (飛ばす)、back (戻る)、flag (フラグ)、lang (英語/日本語)、submit (提出) も使えます。入力の終わりで提出します。"))
    }

    /// Content text without its `**` markup, for plain output and one-line lists.
    public static func plain(_ text: String) -> String { ContentText.plain(text) }

    func kindLabel(_ q: Question) -> String {
        switch q.kind {
        case .single: t("single choice", "単一選択")
        case .multiple(let c): t("multiple response, choose \(c)", "複数選択、\(c) つ選択")
        case .ordering: t("ordering", "並べ替え")
        case .matching: t("matching", "組み合わせ")
        }
    }

    private func printQuestion(_ i: Int, showScenario: Bool) {
        let q = session.questions[i]
        let perm = session.permutation(i)
        output("")
        var header = "[\(q.id)] " + t("Question \(i + 1) of \(session.count)", "問題 \(i + 1) / \(session.count)") + " · " + kindLabel(q)
        if let r = session.remaining { header += " · " + t("\(TimeFormat.clock(r)) left", "残り \(TimeFormat.clock(r))") }
        if session.isFlagged(i) { header += " · " + t("flagged", "フラグあり") }
        if let a = session.answer(at: i) { header += " · " + t("answered", "回答済み") + " (\(PlainInput.format(a, permutation: perm)))" }
        output(header)
        if showScenario, let cs = q.caseStudyID.flatMap(library.caseStudy(id:)) {
            output(t("Case study: ", "ケーススタディ: ") + Self.plain(cs.title(language)))
            output(Self.plain(cs.scenario(language)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        output(Self.plain(q.stem(language)).trimmingCharacters(in: .whitespacesAndNewlines))
        switch q.kind {
        case .single, .multiple:
            for (k, o) in perm.enumerated() { output("  \(k + 1)) " + Self.plain(q.options[o].text(language))) }
        case .ordering:
            for (k, o) in perm.enumerated() { output("  \(k + 1)) " + Self.plain(q.items[o].text(language))) }
        case .matching:
            for (k, p) in q.pairs.enumerated() { output("  \(PlainInput.letters[k])) " + Self.plain(p.prompt(language))) }
            output(t("  Answers:", "  答え:"))
            for (k, o) in perm.enumerated() { output("  \(k + 1)) " + Self.plain(q.pairs[o].answer(language))) }
        }
        output(t("Answer:", "回答:"))
    }

    private func printReview() {
        let un = session.unanswered(), fl = session.flagged()
        func list(_ xs: [Int]) -> String { xs.isEmpty ? "" : " (" + xs.map { String($0 + 1) }.joined(separator: ", ") + ")" }
        output("")
        output(t("Review: \(session.attempt.answeredCount) answered, \(un.count) unanswered\(list(un)), \(fl.count) flagged\(list(fl)).",
                 "見直し: 回答済み \(session.attempt.answeredCount) 問、未回答 \(un.count) 問\(list(un))、フラグあり \(fl.count) 問\(list(fl))。"))
        output(PlainHint.review(session.count).text(language))
    }

    private func finish() -> QuizResult {
        let (result, records) = session.finish(now: now(), blueprint: library.blueprint)
        do {
            try store?.recordFinished(session.attempt, result: result, answers: records)
        } catch {
            output(t("Could not save the result: \(error)", "結果を保存できませんでした: \(error)"))
        }
        let review = PlainReview(session: session, result: result, language: language, scope: reviewScope)
        if json {
            output(review.addingReview(toJSON: Self.jsonSummary(result, attempt: session.attempt, questions: session.questions)))
        } else {
            printResults(result)
            review.lines().forEach(output)
        }
        return result
    }

    private func printResults(_ r: QuizResult) {
        output("")
        let verdict = r.passed ? t("PASS", "合格") : t("FAIL", "不合格")
        output(t("Result: \(verdict), scaled score \(r.scaledScore) (pass at \(r.passingScore); an approximation of AWS scaling)",
                 "結果: \(verdict)、スケールスコア \(r.scaledScore) (合格点 \(r.passingScore)。AWS の換算の近似です)"))
        let pct = Int((r.fraction * 100).rounded())
        var used = t("time used \(TimeFormat.clock(r.timeUsed))", "所要時間 \(TimeFormat.clock(r.timeUsed))")
        if let l = r.timeLimit { used += " / \(TimeFormat.clock(l))" }
        output(t("Correct: \(r.correct) of \(r.total) (\(pct)%) · ", "正解: \(r.total) 問中 \(r.correct) 問 (\(pct)%) · ") + used)
        for d in r.domains {
            let title = library.domain(id: d.id)?.title(language) ?? d.id
            output(t("  Domain \(d.number) \(title): \(d.correct)/\(d.total)", "  分野 \(d.number) \(title): \(d.correct)/\(d.total)"))
        }
        let missed = r.outcomes.indices.filter { r.outcomes[$0] != .correct }
        if !missed.isEmpty { output(t("Missed:", "不正解・未回答:")) }
        for i in missed {
            let q = session.questions[i], perm = session.permutation(i)
            output("  [\(q.id)] " + t("yours: ", "あなたの回答: ") + PlainInput.format(session.answer(at: i), permutation: perm)
                   + " · " + t("correct: ", "正解: ") + PlainInput.format(PlainInput.correctAnswer(q), permutation: perm))
        }
    }

    /// One line of JSON with sorted keys: scaled score, raw correct count, pass and per-domain results.
    public static func jsonSummary(_ r: QuizResult, attempt: QuizAttempt, questions: [Question]) -> String {
        struct Summary: Encodable {
            var attemptID: String, seed: UInt64, scaledScore: Int, passingScore: Int, passed: Bool
            var correct: Int, total: Int, answered: Int, flagged: Int, timeUsedSeconds: Int
            var domains: [DomainResult]
            var questions: [Item]
            struct Item: Encodable { var id: String, domain: String, result: QuestionOutcome, flagged: Bool }
        }
        let s = Summary(
            attemptID: attempt.id, seed: attempt.seed, scaledScore: r.scaledScore, passingScore: r.passingScore, passed: r.passed,
            correct: r.correct, total: r.total, answered: attempt.answeredCount, flagged: attempt.flaggedCount,
            timeUsedSeconds: Int(r.timeUsed.rounded()), domains: r.domains,
            questions: questions.indices.map { .init(id: questions[$0].id, domain: questions[$0].domainID, result: r.outcomes[$0], flagged: attempt.flagged[$0]) })
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? enc.encode(s)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
