/// What a typed line means in plain mode.
public enum PlainCommand: Equatable, Sendable {
    case answer(QuizAnswer)
    case skip, back, flag, language, submit
    /// At the review prompt: a question number (0-based).
    case jump(Int)
}

/// Parses plain-mode answers typed in display numbering (`2`, `1,4`, `3 1 2`, `a2 b1 c3`) into content
/// indices, and formats answers back the same way. A failed parse carries a one-line hint.
public enum PlainInput {
    public static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    public static func keyword(_ line: String) -> PlainCommand? {
        switch line.lowercased() {
        case "skip", "s", "next", "n": .skip
        case "back", "b", "prev", "p": .back
        case "flag", "f": .flag
        case "lang", "l": .language
        case "submit", "done": .submit
        default: nil
        }
    }

    public static func parse(_ raw: String, question q: Question, permutation perm: [Int], lang: Language) -> Result<PlainCommand, PlainHint> {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if let k = keyword(line) { return .success(k) }
        let tokens = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let n = perm.count
        switch q.kind {
        case .single:
            guard tokens.count == 1, let k = Int(tokens[0]), (1...n).contains(k) else { return .failure(.single(n)) }
            return .success(.answer(.choices([perm[k - 1]])))
        case .multiple(let choose):
            let nums = tokens.compactMap(Int.init)
            guard nums.count == tokens.count, nums.allSatisfy({ (1...n).contains($0) }), Set(nums).count == nums.count,
                  nums.count == choose
            else { return .failure(.multiple(choose: choose, n: n)) }
            return .success(.answer(.choose(nums.map { perm[$0 - 1] })))
        case .ordering:
            let nums = tokens.compactMap(Int.init)
            guard nums.count == n, tokens.count == n, Set(nums) == Set(1...n) else { return .failure(.ordering(n)) }
            return .success(.answer(.order(nums.map { perm[$0 - 1] })))
        case .matching:
            var matches = [Int?](repeating: nil, count: n)
            var used = Set<Int>()
            for t in tokens {
                guard let first = t.lowercased().first, let p = letters.firstIndex(of: first), p < n,
                      let k = Int(t.dropFirst()), (1...n).contains(k), matches[p] == nil, !used.contains(k)
                else { return .failure(.matching(n)) }
                matches[p] = perm[k - 1]
                used.insert(k)
            }
            guard !matches.contains(nil) else { return .failure(.matching(n)) }
            return .success(.answer(.matches(matches)))
        }
    }

    /// `answer` in the same syntax the learner types, using this attempt's display numbering.
    public static func format(_ answer: QuizAnswer?, permutation perm: [Int]) -> String {
        func shown(_ content: Int) -> String { String((perm.firstIndex(of: content) ?? content) + 1) }
        switch answer {
        case nil: return "—"
        case .choices(let c)?: return c.map(shown).sorted { Int($0)! < Int($1)! }.joined(separator: ",")
        case .order(let o)?: return o.map(shown).joined(separator: " ")
        case .matches(let m)?:
            return m.enumerated().map { "\(letters[$0.offset])\($0.element.map(shown) ?? "?")" }.joined(separator: " ")
        }
    }

    /// The correct answer to `q` as a learner would type it.
    public static func correctAnswer(_ q: Question) -> QuizAnswer {
        switch q.kind {
        case .single, .multiple: .choices(q.correctOptionIndices)
        case .ordering: .order(Array(q.items.indices))
        case .matching: .matches(q.pairs.indices.map { Optional($0) })
        }
    }
}

public enum PlainHint: Equatable, Sendable, Error {
    case single(Int), multiple(choose: Int, n: Int), ordering(Int), matching(Int), review(Int)

    public func text(_ lang: Language) -> String {
        let ja = lang == .ja
        switch self {
        case .single(let n):
            return ja ? "1〜\(n) の番号を 1 つ入力してください (skip, back, flag, lang も使えます)"
                : "Type one number from 1 to \(n) (or skip, back, flag, lang)"
        case .multiple(let c, let n):
            return ja ? "1〜\(n) から \(c) つの番号を 1,4 のように入力してください"
                : "Choose \(c): type \(c) different numbers from 1 to \(n), like 1,4"
        case .ordering(let n):
            return ja ? "1〜\(n) のすべての番号を正しい順に 1 回ずつ、3 1 2 のように入力してください"
                : "Type every number from 1 to \(n) once, in the correct order, like 3 1 2"
        case .matching(let n):
            let last = PlainInput.letters[max(0, n - 1)]
            return ja ? "a〜\(last) の各項目に 1〜\(n) の答えを 1 つずつ、a2 b1 c3 のように入力してください"
                : "Pair every prompt a–\(last) with a different answer 1–\(n), like a2 b1 c3"
        case .review(let n):
            return ja ? "見直す問題の番号 (1〜\(n)) か submit を入力してください"
                : "Type a question number (1–\(n)) to revisit it, or submit"
        }
    }
}
