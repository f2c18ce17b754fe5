import AIFCore
import Foundation

/// Which questions `aifprep exam --plain` explains after submitting: the missed ones (the default) or all.
public enum PlainReviewScope: String, Sendable, CaseIterable {
    case missed, all, none
}

/// The review printed after a plain exam, so a screen-reader user gets the explanations the full-screen
/// results give: for each question the learner's answer, the key, why each option is right or wrong, the
/// explanation and the references. Kept apart from the run loop so both can change independently.
public struct PlainReview {
    public var session: QuizSession
    public var result: QuizResult
    public var language: Language
    public var scope: PlainReviewScope

    public init(session: QuizSession, result: QuizResult, language: Language, scope: PlainReviewScope) {
        self.session = session
        self.result = result
        self.language = language
        self.scope = scope
    }

    private func t(_ en: String, _ ja: String) -> String { language == .ja ? ja : en }

    /// The indices reviewed, in quiz order.
    public var indices: [Int] {
        switch scope {
        case .none: []
        case .all: Array(result.outcomes.indices)
        case .missed: result.outcomes.indices.filter { result.outcomes[$0] != .correct }
        }
    }

    /// One question's review as plain lines (no markup, no wrapping: the reader or terminal wraps).
    public func lines(for i: Int) -> [String] {
        let q = session.questions[i], perm = session.permutation(i), answer = session.answer(at: i)
        let lang = language
        func p(_ s: String) -> String { PlainQuiz.plain(s) }
        let outcome: String = switch result.outcomes[i] {
        case .correct: t("correct", "正解")
        case .incorrect: t("incorrect", "不正解")
        case .unanswered: t("not answered", "未回答")
        }
        var out = [""]
        out.append("[\(q.id)] " + t("Question \(i + 1): ", "問題 \(i + 1): ") + outcome)
        out.append(p(q.stem(lang)))
        out.append(t("Your answer: ", "あなたの回答: ") + PlainInput.format(answer, permutation: perm)
                   + " · " + t("key: ", "正解: ") + PlainInput.format(PlainInput.correctAnswer(q), permutation: perm))
        switch q.kind {
        case .single, .multiple:
            let chosen: Set<Int> = { if case .choices(let c)? = answer { return Set(c) }; return [] }()
            for (k, o) in perm.enumerated() {
                let opt = q.options[o]
                let mark = opt.isCorrect ? t("right", "正しい") : t("wrong", "誤り")
                let yours = chosen.contains(o) ? t(", your choice", "、あなたの選択") : ""
                out.append("  \(k + 1)) \(p(opt.text(lang))) (\(mark)\(yours))")
                out.append("     " + t("Why: ", "理由: ") + p(opt.why(lang)))
            }
        case .ordering:
            for (step, item) in q.items.enumerated() {
                let shown = (perm.firstIndex(of: step) ?? step) + 1
                out.append("  " + t("Step \(step + 1): item \(shown)) ", "\(step + 1) 番目: 項目 \(shown)) ") + p(item.text(lang)))
                out.append("     " + t("Why: ", "理由: ") + p(item.why(lang)))
            }
        case .matching:
            for (k, pair) in q.pairs.enumerated() {
                let shown = (perm.firstIndex(of: k) ?? k) + 1
                out.append("  \(PlainInput.letters[k])) \(p(pair.prompt(lang))) → \(shown)) \(p(pair.answer(lang)))")
                out.append("     " + t("Why: ", "理由: ") + p(pair.why(lang)))
            }
        }
        out.append(t("Explanation: ", "解説: ") + p(q.explanation(lang)))
        if let a = q.availability { out.append(t("Availability: ", "提供状況: ") + p(a(lang))) }
        for r in q.refs { out.append(t("Reference: ", "参考資料: ") + (r.title.map { "\($0) — " } ?? "") + r.url) }
        return out
    }

    /// Every reviewed question's lines, with a heading; nothing when no question is reviewed.
    public func lines() -> [String] {
        let shown = indices
        guard !shown.isEmpty else { return [] }
        var out = ["", scope == .all ? t("Review of every question:", "全問の見直し:") : t("Review of the missed questions:", "不正解・未回答の問題の見直し:")]
        for i in shown { out += lines(for: i) }
        return out
    }

    /// The same review as JSON values, for `--json`.
    public func jsonItems() -> [[String: Any]] {
        indices.map { i in
            let q = session.questions[i], perm = session.permutation(i), lang = language
            func p(_ s: String) -> String { PlainQuiz.plain(s) }
            var item: [String: Any] = [
                "id": q.id, "number": i + 1, "result": result.outcomes[i].rawValue,
                "yourAnswer": PlainInput.format(session.answer(at: i), permutation: perm),
                "key": PlainInput.format(PlainInput.correctAnswer(q), permutation: perm),
                "stem": p(q.stem(lang)), "explanation": p(q.explanation(lang)),
                "refs": q.refs.map { r -> [String: Any] in
                    var d: [String: Any] = ["url": r.url]
                    if let title = r.title { d["title"] = title }
                    return d
                },
            ]
            switch q.kind {
            case .single, .multiple:
                let chosen: Set<Int> = { if case .choices(let c)? = session.answer(at: i) { return Set(c) }; return [] }()
                item["options"] = perm.enumerated().map { k, o -> [String: Any] in
                    ["number": k + 1, "text": p(q.options[o].text(lang)), "correct": q.options[o].isCorrect,
                     "chosen": chosen.contains(o), "why": p(q.options[o].why(lang))]
                }
            case .ordering:
                item["items"] = q.items.enumerated().map { step, it -> [String: Any] in
                    ["step": step + 1, "number": (perm.firstIndex(of: step) ?? step) + 1, "text": p(it.text(lang)), "why": p(it.why(lang))]
                }
            case .matching:
                item["pairs"] = q.pairs.enumerated().map { k, pair -> [String: Any] in
                    ["letter": String(PlainInput.letters[k]), "prompt": p(pair.prompt(lang)), "answer": p(pair.answer(lang)),
                     "answerNumber": (perm.firstIndex(of: k) ?? k) + 1, "why": p(pair.why(lang))]
                }
            }
            return item
        }
    }

    /// `summary` (one line of JSON) with a `review` array added; the summary unchanged when nothing is reviewed.
    public func addingReview(toJSON summary: String) -> String {
        guard scope != .none,
              var object = (try? JSONSerialization.jsonObject(with: Data(summary.utf8))) as? [String: Any] else { return summary }
        object["review"] = jsonItems()
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return summary }
        return String(decoding: data, as: UTF8.self)
    }
}
