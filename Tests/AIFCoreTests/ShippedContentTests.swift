import AIFCore
import Foundation
import Testing
import TrainingSandbox

/// The study material that ships in Content/: clean, complete enough to study for the exam, and its
/// sandbox presets really show what they promise.
@Suite struct ShippedContentTests {
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content")

    static func library() throws -> ContentLibrary {
        try ContentLoader.load(from: directory) { TrainingConfig.validateSetting(key: $0, value: $1) }
    }

    @Test func lintsCleanWithTheSandboxValidator() {
        let issues = ContentLinter.lint(directory: Self.directory) { TrainingConfig.validateSetting(key: $0, value: $1) }
        #expect(issues.isEmpty, Comment(rawValue: issues.map(\.description).joined(separator: "\n")))
    }

    /// Five full mock exams without a repeat, spread like the exam (issue "A full exam bank").
    @Test func meetsTheBankSize() throws {
        let lib = try Self.library()
        #expect(lib.questions.count >= 325, "\(lib.questions.count) questions")
        #expect(lib.cards.count >= 260, "\(lib.cards.count) cards")
        let minimum = ["d1": 65, "d2": 78, "d3": 91, "d4": 46, "d5": 46]
        for domain in lib.blueprint.domains {
            let n = lib.questions.count { $0.domainID == domain.id }
            #expect(n >= minimum[domain.id] ?? 0, "domain \(domain.id) has \(n) questions")
        }
        for task in lib.blueprint.tasks {
            let questions = lib.questions.count { $0.taskID == task.id }
            let cards = lib.cards.count { $0.taskID == task.id }
            #expect(questions >= 6 && cards >= 5, "task \(task.id): \(questions) questions, \(cards) cards")
            for topic in task.topics {
                let q = lib.questions.count { $0.tags.contains(topic.tag) }
                let c = lib.cards.count { $0.tags.contains(topic.tag) }
                #expect(q >= 6 && c >= 5, "revision topic \(topic.tag) (\(task.id)): \(q) questions, \(c) cards")
            }
        }
        #expect(lib.blueprint.tasks.flatMap(\.topics).count >= 12, "the 2026 revision's topics are listed")
    }

    @Test func hasEveryQuestionType() throws {
        let lib = try Self.library()
        let multiple = lib.questions.count { if case .multiple = $0.kind { return true }; return false }
        #expect(Double(multiple) >= 0.15 * Double(lib.questions.count), "\(multiple) multiple-response")
        #expect(lib.questions.count { $0.kind == .ordering } >= 12)
        #expect(lib.questions.count { $0.kind == .matching } >= 12)
        let caseStudies = lib.caseStudies.filter { (2...4).contains(lib.questions(caseStudyID: $0.id).count) }
        #expect(caseStudies.count >= 5 && caseStudies.count == lib.caseStudies.count,
                "\(caseStudies.count) of \(lib.caseStudies.count) case studies have 2–4 questions")
    }

    @Test func isAsHardAsTheExam() throws {
        let lib = try Self.library()
        let stats0 = ContentStats(lib)
        #expect(Double(stats0.absolutesOnlyInDistractors.count) <= 0.02 * Double(lib.questions.count),
                "absolute words only in distractors: \(stats0.absolutesOnlyInDistractors)")
        let hard = lib.questions.count { $0.difficulty == .hard }
        #expect(Double(hard) >= 0.4 * Double(lib.questions.count), "\(hard) of \(lib.questions.count) are hard")
        let stats = ContentStats(lib)
        for language in Language.allCases {
            let balance = try #require(stats.optionBalance[language])
            #expect(balance.singleShare <= 0.30,
                    "[\(language)] key is the longest option in \(balance.singleKeyLongest) of \(balance.single)")
            // Nor may a test-wise reader win by always taking the shortest or a middle option.
            for (rank, n) in balance.singleKeyRank.enumerated() {
                #expect(Double(n) <= 0.35 * Double(balance.single), "[\(language)] key has length rank \(rank + 1) in \(n) of \(balance.single)")
            }
            #expect(Double(balance.multipleKeysShortest) <= 0.20 * Double(balance.multiple),
                    "[\(language)] keys are the shortest in \(balance.multipleKeysShortest) of \(balance.multiple)")
            #expect(balance.multipleShare <= 0.20,
                    "[\(language)] keys are the longest in \(balance.multipleKeysLongest) of \(balance.multiple)")
        }
    }

    /// Someone other than the author checked every key against its refs, and the glossary covers the services.
    @Test func isReviewedAndHasAGlossary() throws {
        let lib = try Self.library()
        let unreviewed = lib.questions.filter { $0.review == nil }.map(\.id) + lib.cards.filter { $0.review == nil }.map(\.id)
        #expect(unreviewed.isEmpty, "not reviewed: \(unreviewed.prefix(20).joined(separator: ", ")) (\(unreviewed.count))")
        let glossary = lib.cards.filter { $0.deckID == "glossary" }
        #expect(glossary.count >= 60, "\(glossary.count) glossary cards")
        #expect(!lib.terms.isEmpty, "terminology.yaml lists the Japanese terms")
        let sourceMentions = lib.cards.filter { $0.back.en.contains("source article") || $0.back.ja.contains("元記事") }
        #expect(sourceMentions.isEmpty, "cards that speak of the article: \(sourceMentions.map(\.id))")
    }

    /// Every concept of the source article has its card (ids other features link to).
    @Test func teachesEveryConceptOfTheSourceArticle() throws {
        let lib = try Self.library()
        let required = [
            "hp-learning-rate", "hp-learning-rate-too-high", "hp-learning-rate-too-low", "hp-epoch", "hp-epochs-too-many",
            "hp-epochs-too-few", "hp-batch-size", "hp-batch-equals-dataset", "hp-small-batch-noise", "hp-large-batch-memory",
            "hp-overfitting", "hp-underfitting", "hp-good-fit", "hp-unstable-training", "hp-lr-decay", "hp-early-stopping",
            "hp-validation-data", "hp-misconception-small-batch-stable", "hp-misconception-more-epochs",
        ]
        for id in required { #expect(lib.card(id: id) != nil, "missing card \(id)") }
        for state in ["good", "overfitting", "underfitting", "unstable"] {
            #expect(lib.diagnosisCards[state].flatMap { lib.card(id: $0) } != nil, "no card explains \(state)")
        }
        let linked = Set(lib.cards.compactMap(\.sandboxPresetID))
        #expect(linked == Set(lib.presets.map(\.id)), "every preset is reachable from a card")
    }

    /// The sandbox names a cause with its card; each of those cards ships.
    @Test func everyDiagnosisCauseHasItsCard() throws {
        let lib = try Self.library()
        for cause in DiagnosisCause.allCases {
            #expect(lib.card(id: cause.card) != nil, "no card \(cause.card) for \(cause)")
        }
    }

    /// Through the real loader and the real engine, on several seeds (or the preset's own).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyPresetShowsItsIntendedState(seed: UInt64) throws {
        let lib = try Self.library()
        #expect(lib.presets.count >= 7)
        for preset in lib.presets {
            var config = try TrainingConfig.default.applying(settings: preset.settings.map { (key: $0.key, value: $0.value) })
            // A preset that names its seed shows its lesson on that seed (the sandbox says so when re-seeded).
            if !preset.settings.contains(where: { $0.key == "seed" }) { config.seed = seed }
            var run = TrainingRun(config: config)
            run.run()
            #expect(run.diagnosis?.state.rawValue == preset.expect,
                    "preset \(preset.id) seed \(seed): \(run.diagnosis?.state.rawValue ?? "none") — \(run.diagnosis?.reason ?? "")")
        }
    }
}

@Suite struct ContentTextTests {
    @Test func joinsWrappedLinesAndKeepsParagraphsAndLists() {
        #expect(ContentText.reflow("A bank runs an\nFAQ assistant.\n") == "A bank runs an FAQ assistant.")
        #expect(ContentText.reflow("顧客が口座手数料について\n同じ質問をします。") == "顧客が口座手数料について同じ質問をします。")
        #expect(ContentText.reflow("Amazon Bedrock\nで使います。") == "Amazon Bedrock で使います。")
        #expect(ContentText.reflow("One.\n\nTwo\nlines.") == "One.\n\nTwo lines.")
        // A paragraph after a list is not glued onto the last item; an indented line continues the item.
        #expect(ContentText.reflow("Ask.\n- a\n- b that\n  wraps\nThen a paragraph.")
            == "Ask.\n- a\n- b that wraps\nThen a paragraph.")
        // A bold phrase at a line's end joins the next Japanese line without a space.
        #expect(ContentText.reflow("**最も少ない**\n方法はどれですか?") == "**最も少ない**方法はどれですか?")
        #expect(ContentText.reflow("費用が\n**最も少ない**方法") == "費用が**最も少ない**方法")
        #expect(ContentText.reflow("Pick the\n**cheapest** one") == "Pick the **cheapest** one")
        #expect(ContentText.reflow("Steps:\n- first\n- second\n  continues\n1. numbered") == "Steps:\n- first\n- second continues\n1. numbered")
        #expect(ContentText.reflow("**consistent and\npredictable**") == "**consistent and predictable**")
        #expect(ContentText.reflow("Input costs per\n**input token** and more.") == "Input costs per **input token** and more.")
        #expect(ContentText.reflow("Advantages:\n**Adaptability**: many tasks.\n**応答性**：常時応答。") == "Advantages:\n**Adaptability**: many tasks.\n**応答性**：常時応答。")
    }
}
