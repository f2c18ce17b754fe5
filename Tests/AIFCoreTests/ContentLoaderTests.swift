import Foundation
import Testing
@testable import AIFCore

/// The content fixtures: `valid/` is a complete tiny content tree, `broken/<defect>/` holds files laid over it.
enum ContentFixtures {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("content")
    }

    static var valid: URL { root.appendingPathComponent("valid") }

    /// A fresh `…/Content` copy of `valid/` with `broken/<name>/` laid over it; FILE in issues reads `Content/…`.
    static func broken(_ name: String) throws -> URL {
        let manager = FileManager.default
        let content = manager.temporaryDirectory
            .appendingPathComponent("aifprep-content-\(UUID().uuidString)").appendingPathComponent("Content")
        try manager.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: valid, to: content)
        let overlay = root.appendingPathComponent("broken").appendingPathComponent(name)
        let files = try #require(manager.subpaths(atPath: overlay.path))
        for file in files.sorted() {
            var isDirectory: ObjCBool = false
            let source = overlay.appendingPathComponent(file)
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let target = content.appendingPathComponent(file)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: source, to: target)
        }
        return content
    }

    static func remove(_ content: URL) {
        try? FileManager.default.removeItem(at: content.deletingLastPathComponent())
    }
}

@Suite struct ContentLoaderTests {
    let library: ContentLibrary

    init() throws {
        library = try ContentLoader.load(from: ContentFixtures.valid)
    }

    @Test func blueprintMatchesExamYAML() {
        let exam = library.blueprint
        #expect(exam.code == "AIF-C01")
        #expect(exam.title == LocalizedText(en: "Practice exam", ja: "模擬試験"))
        #expect([exam.questions, exam.scored, exam.minutes, exam.extraMinutes] as [Int] == [65, 50, 90, 30])
        #expect([exam.passingScore, exam.minScore, exam.maxScore] as [Int] == [700, 100, 1000])
        #expect(exam.domains.map(\.id) == ["d1", "d2"])
        #expect(exam.domains.map(\.number) == [1, 2])
        #expect(exam.domains.map(\.weight) == [60, 40])
        #expect(exam.tasks.map(\.id) == ["1.1", "1.2", "2.1"])
        #expect(exam.tasks.map(\.domainID) == ["d1", "d1", "d2"])
        #expect(library.task(id: "1.2")?.title(.ja) == "モデルの学習")
        #expect(library.domain(id: "d2")?.title(.en) == "Security")
        #expect(library.task(id: "3.1") == nil)
    }

    @Test func cardsKeepDeckTaskDomainAndLinks() throws {
        #expect(library.decks == [Deck(
            id: "training", title: LocalizedText(en: "Training", ja: "学習"), file: "cards/training.yaml",
            location: SourceLocation(file: "cards/training.yaml", line: 2, column: 3))])
        #expect(library.cards.map(\.id) == ["tr-good-fit", "tr-overfitting", "tr-underfitting", "tr-unstable"])
        let goodFit = try #require(library.card(id: "tr-good-fit"))
        #expect(goodFit.deckID == "training")
        #expect(goodFit.taskID == "1.2")
        #expect(goodFit.domainID == "d1")
        #expect(goodFit.tags == ["fit"])
        #expect(goodFit.sandboxPresetID == nil)
        #expect(goodFit.front(.en) == "What does a good fit look like?")
        // Block scalars are reflowed (see ContentText): no trailing newline, wrapped lines joined.
        #expect(goodFit.back(.ja) == "学習損失と検証損失がともに下がり、近い値のまま推移します。")
        #expect(goodFit.refs.map(\.title) == ["Model fit"])
        #expect(goodFit.location == SourceLocation(file: "cards/training.yaml", line: 5, column: 5))
        #expect(library.card(id: "tr-underfitting")?.tags == [])
        #expect(library.card(id: "tr-unstable")?.sandboxPresetID == "lr-too-high")
        #expect(library.cards(inDeck: "training").count == 4)
        #expect(library.card(id: "nope") == nil)
    }

    @Test func questionKindsAndAnswers() throws {
        #expect(library.questions.map(\.id) == ["q-single", "q-multiple", "q-ordering", "q-matching", "q-case-a", "q-case-b"])
        #expect(library.questions.map(\.kind) == [.single, .multiple(choose: 2), .ordering, .matching, .single, .single])

        let single = try #require(library.question(id: "q-single"))
        #expect(single.options.map(\.isCorrect) == [true, false, false, false])
        #expect(single.correctOptionIndices == [0])
        #expect(single.stem(.ja) == "**ラベル付きの例から学習する**ことを表す用語はどれですか?")
        #expect(single.options[2].why(.en) == "It learns from rewards.")
        #expect(single.refs == [Reference(
            url: "https://aws.amazon.com/what-is/machine-learning/",
            location: SourceLocation(file: "questions/core.yaml", line: 24, column: 9))])
        #expect(single.location == SourceLocation(file: "questions/core.yaml", line: 2, column: 5))
        #expect(library.questions.map(\.difficulty) == [.easy, .hard, .medium, .medium, .medium, .medium])
        #expect(single.availability == nil && single.review == nil)
        let last = try #require(library.questions.last)
        #expect(last.availability == LocalizedText(en: "A note shown with the question.", ja: "問題と一緒に表示する注記です。"))
        #expect(last.review == Review(date: "2026-11-30"))
        let unstable = try #require(library.card(id: "tr-unstable"))
        #expect(unstable.availability?.en == "Closed to new customers." && unstable.review?.date == "2026-11-30")
        #expect(library.blueprint.tasks.last?.topics == [Topic(tag: "guardrails", title: LocalizedText(en: "Guardrails", ja: "ガードレール"))])
        #expect(library.terms == [Term(en: "overfitting", ja: "過学習", avoid: ["オーバーフィッティング"], note: "As in the Japanese exam guide.")])
        #expect(single.domainID == "d1")
        #expect(single.items.isEmpty && single.pairs.isEmpty)

        let multiple = try #require(library.question(id: "q-multiple"))
        #expect(multiple.correctOptionIndices == [0, 1])
        #expect(multiple.options.count == 5)

        let ordering = try #require(library.question(id: "q-ordering"))
        #expect(ordering.items.map { $0.text(.en) } == ["Collect data", "Train the model", "Deploy the model"])
        #expect(ordering.explanation(.en) == "Data, then training, then deployment.")

        let matching = try #require(library.question(id: "q-matching"))
        #expect(matching.pairs.map { $0.answer(.ja) } == ["分類", "回帰", "クラスタリング"])
        #expect(matching.pairs.map { $0.prompt(.en) } == ["Spam filtering", "Price forecasting", "Customer segments"])
    }

    @Test func caseStudiesLinkTheirQuestions() throws {
        let caseStudy = try #require(library.caseStudy(id: "cs-shop"))
        #expect(caseStudy.title(.en) == "An online shop")
        #expect(caseStudy.location == SourceLocation(file: "questions/case-studies.yaml", line: 2, column: 5))
        #expect(library.questions(caseStudyID: "cs-shop").map(\.id) == ["q-case-a", "q-case-b"])
        #expect(library.question(id: "q-case-a")?.domainID == "d2")
        #expect(library.question(id: "q-single")?.caseStudyID == nil)
    }

    @Test func presetsKeepSettingsInFileOrder() throws {
        #expect(library.presets.map(\.id) == ["lr-too-high", "small-data"])
        let preset = try #require(library.preset(id: "lr-too-high"))
        #expect(preset.expect == "unstable")
        #expect(preset.cardIDs == ["tr-unstable"])
        #expect(preset.settings == [
            PresetSetting(key: "optimizer", value: "adam",
                          location: SourceLocation(file: "sandbox/presets.yaml", line: 13, column: 7)),
            PresetSetting(key: "lr", value: "1.0",
                          location: SourceLocation(file: "sandbox/presets.yaml", line: 14, column: 7)),
            PresetSetting(key: "epochs", value: "300",
                          location: SourceLocation(file: "sandbox/presets.yaml", line: 15, column: 7)),
        ])
        #expect(library.presets[1].settings.map(\.key) == ["trainSize", "hidden"])
        #expect(library.diagnosisCards == [
            "good": "tr-good-fit", "overfitting": "tr-overfitting", "underfitting": "tr-underfitting",
            "unstable": "tr-unstable",
        ])
        #expect(library.diagnosisCard(for: "overfitting")?.id == "tr-overfitting")
        #expect(library.preset(id: "nope") == nil)
    }

    @Test func settingValidatorSeesEverySettingAndItsVerdictBecomesAnIssue() {
        var seen: [String] = []
        let issues = ContentLinter.lint(directory: ContentFixtures.valid) { key, value in
            seen.append("\(key)=\(value)")
            return key == "epochs" ? "must be at most 200, got \(value)" : nil
        }
        #expect(seen == ["optimizer=adam", "lr=1.0", "epochs=300", "trainSize=40", "hidden=64"])
        #expect(issues.map(\.description) == [
            "valid/sandbox/presets.yaml:15:7: preset 'lr-too-high': setting 'epochs: 300': must be at most 200, got 300",
        ])
    }

    @Test func localizedTextPicksTheLanguage() {
        let text = LocalizedText(en: "loss", ja: "損失")
        #expect(Language.allCases.map { text($0) } == ["loss", "損失"])
    }

    @Test func statsCountEveryKindDomainTaskTypeAndLanguage() throws {
        let stats = ContentStats(library)
        #expect([stats.cards, stats.questions, stats.caseStudies, stats.presets, stats.decks] as [Int] == [4, 6, 1, 2, 1])
        #expect(stats.byDomain.map { [$0.id, "\($0.cards)", "\($0.questions)"] } == [["d1", "4", "4"], ["d2", "0", "2"]])
        #expect(stats.byTask.map { "\($0.id):\($0.cards)/\($0.questions)" } == ["1.1:0/2", "1.2:4/2", "2.1:0/2"])
        #expect(stats.byQuestionType == ["single": 3, "multiple": 1, "ordering": 1, "matching": 1])
        #expect(stats.items == 13)
        #expect(stats.byLanguage == [.en: 13, .ja: 13])

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.render(json: true).utf8)) as? [String: Any])
        #expect((json["counts"] as? [String: Int])?["questions"] == 6)
        #expect((json["byDomain"] as? [String: [String: Int]])?["d2"] == ["cards": 0, "questions": 2])
        #expect((json["byLanguage"] as? [String: Int]) == ["en": 13, "ja": 13])

        let text = stats.render(json: false)
        #expect(text.contains("case studies      1"))
        #expect(text.contains("d2          0          2"))
        #expect(text.contains("ja                 13/13"))
    }

    @Test func statsCountOnlyItemsWhoseTextsAreAllPresentInALanguage() {
        var cards = library.cards
        cards[0].back = LocalizedText(en: "  ", ja: "裏")
        let edited = ContentLibrary(
            blueprint: library.blueprint, decks: library.decks, cards: cards, questions: library.questions,
            caseStudies: library.caseStudies, presets: library.presets, diagnosisCards: library.diagnosisCards)
        #expect(ContentStats(edited).byLanguage == [.en: 12, .ja: 13])
    }

    /// The real study material, written in parallel with this code: it must load cleanly.
    @Test func realContentLoadsWithoutIssues() throws {
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let content = repo.appendingPathComponent("Content")
        try #require(FileManager.default.fileExists(atPath: content.appendingPathComponent("exam.yaml").path))
        let issues = ContentLinter.lint(directory: content)
        #expect(issues.isEmpty, Comment(rawValue: "\(issues.count) content issue(s):\n"
            + issues.map(\.description).joined(separator: "\n")))
    }
}

@Suite struct ContentLocatorTests {
    /// A scratch tree; `make` creates a content dir (with exam.yaml) or a plain file at a relative path.
    final class Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-locator-\(UUID().uuidString)")
            .standardizedFileURL

        func content(_ path: String) throws -> URL {
            let dir = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("exam: {}\n".utf8).write(to: dir.appendingPathComponent("exam.yaml"))
            return dir
        }

        func file(_ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }

        func path(_ path: String) -> String { root.appendingPathComponent(path).path }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    func find(_ tree: Tree, explicit: String? = nil, env: [String: String] = [:], exe: String, source: String)
        -> String? {
        ContentLocator.find(explicit: explicit, environment: env, executablePath: tree.path(exe),
                            sourceFile: tree.path(source))?.standardizedFileURL.path
    }

    @Test func explicitThenEnvironmentWinAndAreNeverSecondGuessed() throws {
        let tree = Tree()
        let mine = try tree.content("mine")
        let env = try tree.content("env")
        _ = try tree.content("bin/Content")
        #expect(find(tree, explicit: mine.path, env: ["AIFPREP_CONTENT": env.path], exe: "bin/aifprep", source: "s.swift")
            == mine.path)
        #expect(find(tree, env: ["AIFPREP_CONTENT": env.path], exe: "bin/aifprep", source: "s.swift") == env.path)
        // A typo in --content must not silently load other content.
        #expect(find(tree, explicit: tree.path("typo"), exe: "bin/aifprep", source: "s.swift") == nil)
        #expect(find(tree, env: ["AIFPREP_CONTENT": tree.path("typo")], exe: "bin/aifprep", source: "s.swift") == nil)
    }

    @Test func installedShareDirComesBeforeContentBesideTheExecutable() throws {
        let tree = Tree()
        let share = try tree.content("share/aifprep/Content")
        let beside = try tree.content("bin/Content")
        #expect(find(tree, exe: "bin/aifprep", source: "s.swift") == share.path)
        try FileManager.default.removeItem(at: share)
        #expect(find(tree, exe: "bin/aifprep", source: "s.swift") == beside.path)
    }

    @Test func walksUpFromTheBuildFolderToThePackage() throws {
        let tree = Tree()
        try tree.file("repo/Package.swift")
        let content = try tree.content("repo/Content")
        // A Content/ folder without Package.swift on the way up is not the repository.
        _ = try tree.content("repo/.build/Content-not-here")
        #expect(find(tree, exe: "repo/.build/x86_64-unknown-linux-gnu/debug/aifprep", source: "s.swift")
            == content.path)
    }

    @Test func fallsBackToTheSourceFilesRepository() throws {
        let tree = Tree()
        try tree.file("repo/Package.swift")
        let content = try tree.content("repo/Content")
        #expect(find(tree, exe: "elsewhere/bin/aifprep", source: "repo/Sources/AIFCore/Content/ContentLocator.swift")
            == content.path)
    }

    @Test func builtInMaterialComesAfterFoldersBesideTheBinaryAndBeforeTheSourceTree() throws {
        let tree = Tree()
        try tree.file("repo/Package.swift")
        _ = try tree.content("repo/Content")
        let unpacked = try tree.content("cache/content-1/Content")
        func locate(exe: String, builtIn: URL?, env: [String: String] = [:]) -> String? {
            ContentLocator.find(explicit: nil, environment: env, executablePath: tree.path(exe),
                                sourceFile: tree.path("repo/Sources/AIFCore/Content/ContentLocator.swift"),
                                builtIn: { builtIn })?.standardizedFileURL.path
        }
        // A binary copied elsewhere on the build machine uses what it carries, not the live source tree.
        #expect(locate(exe: "elsewhere/aifprep", builtIn: unpacked) == unpacked.path)
        #expect(locate(exe: "elsewhere/aifprep", builtIn: nil) == tree.path("repo/Content"))
        // A clone's build folder and an installed share dir still win, and so do --content and AIFPREP_CONTENT.
        #expect(locate(exe: "repo/.build/debug/aifprep", builtIn: unpacked) == tree.path("repo/Content"))
        let share = try tree.content("prefix/share/aifprep/Content")
        try tree.file("prefix/bin/aifprep")
        #expect(locate(exe: "prefix/bin/aifprep", builtIn: unpacked) == share.path)
        let mine = try tree.content("mine")
        #expect(locate(exe: "elsewhere/aifprep", builtIn: unpacked, env: ["AIFPREP_CONTENT": mine.path]) == mine.path)
        // The built-in folder is not asked for when another one is found first.
        var asked = false
        _ = ContentLocator.find(explicit: nil, environment: [:], executablePath: tree.path("prefix/bin/aifprep"),
                                builtIn: { asked = true; return nil })
        #expect(!asked)
    }

    @Test func nothingFoundIsNil() {
        let tree = Tree()
        #expect(find(tree, exe: "bin/aifprep", source: "src/x.swift") == nil)
    }
}
