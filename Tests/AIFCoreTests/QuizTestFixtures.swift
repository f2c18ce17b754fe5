import PlainOutput
import AIFCore
import Foundation

/// A small complete library built in code: five domains with the exam's weights, every question type,
/// and a three-question case study in domain 3.
enum QuizFixtures {
    static func lt(_ s: String) -> LocalizedText { LocalizedText(en: s, ja: "「\(s)」") }

    static let blueprint: ExamBlueprint = {
        let weights = [20, 24, 28, 14, 14]
        let domains = weights.enumerated().map { i, w in
            Domain(id: "d\(i + 1)", number: i + 1, weight: w, title: lt("Domain \(i + 1) title"),
                   tasks: [TaskStatement(id: "\(i + 1).1", domainID: "d\(i + 1)", title: lt("Task \(i + 1).1")),
                           TaskStatement(id: "\(i + 1).2", domainID: "d\(i + 1)", title: lt("Task \(i + 1).2"))])
        }
        return ExamBlueprint(code: "AIF-C01", title: lt("AWS Certified AI Practitioner"), questions: 65, scored: 50,
                             minutes: 90, extraMinutes: 30, passingScore: 700, minScore: 100, maxScore: 1000, domains: domains)
    }()

    static func single(_ id: String, domain: Int, task: Int = 1, correct: Int = 0, caseStudy: String? = nil) -> Question {
        Question(id: id, taskID: "\(domain).\(task)", domainID: "d\(domain)", kind: .single, caseStudyID: caseStudy,
                 stem: lt("Which option is **best** for \(id)?"),
                 options: (0..<4).map { AnswerOption(text: lt("\(id) option \($0)"), isCorrect: $0 == correct, why: lt("why \($0)")) },
                 explanation: lt("Explanation of \(id)"), refs: [Reference(url: "https://docs.aws.amazon.com/\(id)")])
    }

    static func multiple(_ id: String, domain: Int, correct: Set<Int> = [1, 3]) -> Question {
        Question(id: id, taskID: "\(domain).2", domainID: "d\(domain)", kind: .multiple(choose: correct.count),
                 stem: lt("Which options apply to \(id)? (Choose TWO.)"),
                 options: (0..<5).map { AnswerOption(text: lt("\(id) choice \($0)"), isCorrect: correct.contains($0), why: lt("why \($0)")) },
                 explanation: lt("Explanation of \(id)"), refs: [Reference(url: "https://docs.aws.amazon.com/\(id)")])
    }

    static func ordering(_ id: String, domain: Int) -> Question {
        Question(id: id, taskID: "\(domain).1", domainID: "d\(domain)", kind: .ordering, stem: lt("Put the steps of \(id) in order."),
                 items: (0..<4).map { OrderingItem(text: lt("\(id) step \($0 + 1)"), why: lt("step \($0 + 1) because")) },
                 explanation: lt("Explanation of \(id)"), refs: [Reference(url: "https://docs.aws.amazon.com/\(id)")])
    }

    static func matching(_ id: String, domain: Int) -> Question {
        Question(id: id, taskID: "\(domain).2", domainID: "d\(domain)", kind: .matching, stem: lt("Match each service of \(id)."),
                 pairs: (0..<3).map { MatchPair(prompt: lt("\(id) prompt \($0)"), answer: lt("\(id) answer \($0)"), why: lt("pair \($0)")) },
                 explanation: lt("Explanation of \(id)"), refs: [Reference(url: "https://docs.aws.amazon.com/\(id)")])
    }

    /// `perDomain` questions in each domain (mixed types), plus the case study `cs-1` (3 questions in d3).
    static func library(perDomain: [Int] = [20, 20, 24, 14, 14], caseStudy: Bool = true) -> ContentLibrary {
        var questions: [Question] = []
        for (d, n) in perDomain.enumerated() {
            for k in 0..<n {
                let id = "d\(d + 1)-\(String(format: "%03d", k + 1))"
                switch k % 5 {
                case 1: questions.append(multiple(id, domain: d + 1))
                case 2: questions.append(ordering(id, domain: d + 1))
                case 3: questions.append(matching(id, domain: d + 1))
                default: questions.append(single(id, domain: d + 1, correct: k % 4))
                }
            }
        }
        var studies: [CaseStudy] = []
        if caseStudy {
            studies.append(CaseStudy(id: "cs-1", title: lt("Insurer support"), scenario: lt("An insurer wants a support assistant.")))
            for k in 1...3 { questions.append(single("cs-q\(k)", domain: 3, correct: 1, caseStudy: "cs-1")) }
        }
        return ContentLibrary(blueprint: blueprint, decks: [], cards: [], questions: questions, caseStudies: studies,
                              presets: [], diagnosisCards: [:])
    }

    /// The answer that scores, in content indices.
    static func correctAnswer(_ q: Question) -> QuizAnswer { PlainInput.correctAnswer(q) }

    /// A plausible wrong answer for each kind.
    static func wrongAnswer(_ q: Question) -> QuizAnswer {
        switch q.kind {
        case .single: .choices([(q.correctOptionIndices[0] + 1) % q.options.count])
        case .multiple: .choose([q.correctOptionIndices[0], q.options.indices.first { !q.options[$0].isCorrect }!])
        case .ordering: .order(Array(q.items.indices.reversed()))
        case .matching: .matches([1, 0] + q.pairs.indices.dropFirst(2).map { Optional($0) })
        }
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
}
