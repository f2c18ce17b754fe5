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

    @Test func meetsTheBankSize() throws {
        let lib = try Self.library()
        #expect(lib.cards.count >= 120)
        #expect(lib.questions.count >= 100)
        // At least each domain's exam weight, counted against a 100-question bank.
        for domain in lib.blueprint.domains {
            let n = lib.questions.filter { $0.domainID == domain.id }.count
            #expect(n >= domain.weight, "domain \(domain.id) has \(n) questions, needs \(domain.weight)")
        }
        for domain in lib.blueprint.domains {
            for task in domain.tasks {
                #expect(lib.questions.contains { $0.taskID == task.id }, "no question for task \(task.id)")
                #expect(lib.cards.contains { $0.taskID == task.id }, "no card for task \(task.id)")
            }
        }
    }

    @Test func hasEveryQuestionType() throws {
        let lib = try Self.library()
        let multiple = lib.questions.filter { if case .multiple = $0.kind { return true }; return false }.count
        let ordering = lib.questions.filter { $0.kind == .ordering }.count
        let matching = lib.questions.filter { $0.kind == .matching }.count
        #expect(Double(multiple) >= 0.15 * Double(lib.questions.count))
        #expect(ordering >= 3)
        #expect(matching >= 3)
        #expect(lib.caseStudies.contains { lib.questions(caseStudyID: $0.id).count >= 2 })
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

    /// Through the real loader and the real engine, on several seeds.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyPresetShowsItsIntendedState(seed: UInt64) throws {
        let lib = try Self.library()
        #expect(lib.presets.count >= 7)
        for preset in lib.presets {
            var config = try TrainingConfig.default.applying(settings: preset.settings.map { (key: $0.key, value: $0.value) })
            config.seed = seed
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
        #expect(ContentText.reflow("Steps:\n- first\n- second\n  continues\n1. numbered") == "Steps:\n- first\n- second continues\n1. numbered")
        #expect(ContentText.reflow("**consistent and\npredictable**") == "**consistent and predictable**")
        #expect(ContentText.reflow("Input costs per\n**input token** and more.") == "Input costs per **input token** and more.")
        #expect(ContentText.reflow("Advantages:\n**Adaptability**: many tasks.\n**応答性**：常時応答。") == "Advantages:\n**Adaptability**: many tasks.\n**応答性**：常時応答。")
    }
}
