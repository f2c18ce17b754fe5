import Foundation
import Testing
@testable import AIFCore

/// One defect: the files in `Fixtures/content/broken/<name>/` laid over the valid tree, and every issue expected.
struct BrokenContent: Sendable, CustomTestStringConvertible {
    let name: String
    let issues: [String]
    var testDescription: String { name }
}

@Suite struct ContentLintTests {
    static let cases: [BrokenContent] = [
        BrokenContent(name: "wrong-indentation", issues: [
            "Content/questions/extra.yaml:4:4: YAML syntax error: did not find expected '-' indicator "
                + "(while parsing a block collection at line 2, column 3); check the indentation (two spaces per level)",
        ]),
        BrokenContent(name: "tab-indentation", issues: [
            "Content/questions/extra.yaml:3:1: tab character in indentation; YAML forbids tabs for indentation, "
                + "indent with spaces (two per level)",
            "Content/questions/extra.yaml:5:1: tab character in indentation; YAML forbids tabs for indentation, "
                + "indent with spaces (two per level)",
        ]),
        BrokenContent(name: "bold-alias", issues: [
            "Content/questions/extra.yaml:7:12: YAML syntax error: did not find expected alphabetic or numeric "
                + "character (while scanning an alias at line 7, column 11); text that starts with '*' (like **bold**) "
                + "must be quoted or written as a block scalar (|)",
        ]),
        BrokenContent(name: "duplicate-yaml-key", issues: [
            "Content/questions/extra.yaml:4:5: key 'task' appears more than once in the same mapping (first at line 3)",
        ]),
        BrokenContent(name: "missing-ja", issues: [
            "Content/questions/extra.yaml:6:7: question 'q-extra': stem has no 'ja' text; "
                + "every text needs both 'en' and 'ja'",
            "Content/questions/extra.yaml:11:14: question 'q-extra' item 2: why has no 'ja' text; "
                + "every text needs both 'en' and 'ja'",
        ]),
        BrokenContent(name: "empty-en", issues: [
            "Content/questions/extra.yaml:9:11: question 'q-extra' item 1: why 'en' text is empty",
            "Content/questions/extra.yaml:15:19: question 'q-extra': explanation 'en' text is empty",
        ]),
        BrokenContent(name: "duplicate-id", issues: [
            "Content/questions/extra.yaml:17:9: duplicate question id 'q-single'; "
                + "first defined at Content/questions/core.yaml:2",
        ]),
        BrokenContent(name: "single-two-correct", issues: [
            "Content/questions/extra.yaml:6:5: question 'q-extra' is 'single' but has 2 correct options "
                + "(lines 7, 12); a single-answer question needs exactly one",
        ]),
        BrokenContent(name: "multiple-wrong-count", issues: [
            "Content/questions/extra.yaml:7:5: question 'q-extra' says 'choose: 2' but has 3 correct options "
                + "(lines 8, 11, 14); mark exactly 2 with 'correct: true'",
        ]),
        BrokenContent(name: "ordering-two-items", issues: [
            "Content/questions/extra.yaml:6:5: question 'q-extra' is 'ordering' but has 2 items; "
                + "an ordering question needs 3 to 5",
        ]),
        BrokenContent(name: "matching-duplicate-answers", issues: [
            "Content/questions/extra.yaml:13:9: question 'q-extra': pairs 1 and 3 have the same answer "
                + "'Classification' (lines 7, 13); answers must be distinct",
        ]),
        BrokenContent(name: "unknown-task", issues: [
            "Content/cards/extra.yaml:6:11: card 'ex-card': task '9.9' is not in exam.yaml (tasks: 1.1, 1.2, 2.1)",
        ]),
        BrokenContent(name: "dangling-links", issues: [
            "Content/cards/extra.yaml:7:14: card 'ex-card': sandbox preset 'lr-to-high' does not exist; "
                + "did you mean 'lr-too-high'?",
            "Content/questions/extra.yaml:5:16: question 'q-extra': case study 'cs-nowhere' does not exist",
            "Content/sandbox/presets.yaml:5:13: diagnoses: 'unstable' card 'tr-unstabel' does not exist; "
                + "did you mean 'tr-unstable'?",
            "Content/sandbox/presets.yaml:11:26: preset 'lr-too-high': card 'tr-missing' does not exist",
        ]),
        BrokenContent(name: "missing-refs", issues: [
            "Content/questions/extra.yaml:2:5: question 'q-no-refs': missing required key 'refs'",
            "Content/questions/extra.yaml:27:5: question 'q-empty-refs': 'refs' is empty; "
                + "add at least one AWS documentation URL",
            "Content/questions/extra.yaml:42:14: question 'q-bad-refs' ref 1: URL "
                + "'http://docs.aws.amazon.com/bedrock/latest/userguide/what-is-bedrock.html' must use https",
            "Content/questions/extra.yaml:43:14: question 'q-bad-refs' ref 2: URL host 'example.com' is not "
                + "AWS documentation; use docs.aws.amazon.com or aws.amazon.com (kiro.dev for Kiro)",
        ]),
        BrokenContent(name: "unknown-key", issues: [
            "Content/questions/extra.yaml:7:9: question 'q-extra' pair 1: missing required key 'answer'",
            "Content/questions/extra.yaml:8:9: question 'q-extra' pair 1: unknown key 'anwser'; did you mean 'answer'?",
            "Content/questions/extra.yaml:17:5: question 'q-extra': unknown key 'level'; allowed keys: id, task, "
                + "tags, type, choose, caseStudy, stem, options, items, pairs, explanation, refs, difficulty, "
                + "availability, reviewed",
        ]),
        BrokenContent(name: "case-study-single-use", issues: [
            "Content/questions/case-studies.yaml:5:5: case study 'cs-lonely' is used by only 1 question (q-extra); "
                + "a case study needs at least 2 questions",
        ]),
        BrokenContent(name: "terminology-variant", issues: [
            // Line 9's "温度 (temperature)" is the allowed gloss; the bare uses in the block scalar are not.
            "Content/cards/extra.yaml:15:9: Japanese text uses 'temperature'; the terminology list says '温度' (temperature)",
            "Content/cards/extra.yaml:16:9: Japanese text uses 'インコンテキスト学習'; the terminology list says "
                + "'コンテキスト内学習' (in-context learning)",
            "Content/terminology.yaml:7:25: term 'in-context learning': 'コンテキスト内学習' is both the term and a "
                + "variant to avoid",
        ]),
        BrokenContent(name: "bold-spacing", issues: [
            // Line 9 keeps its spaces; line 16's bold Japanese beside Japanese needs none.
            "Content/cards/extra.yaml:14:12: Japanese text needs a space between 'は' and 'A' across the bold markup: "
                + "write 'は **A'",
            "Content/cards/extra.yaml:15:16: Japanese text needs a space between '3' and 'の' across the bold markup: "
                + "write '3** の'",
        ]),
        BrokenContent(name: "alias-use", issues: [
            // Reported where each alias is written, once per use, not at the anchor inside 'ex-anchor'.
            "Content/cards/extra.yaml:14:11: card 'ex-alias': back should be a mapping with 'en' and 'ja' texts, found a list",
            "Content/cards/extra.yaml:18:14: card 'ex-alias-again': back should be a mapping with 'en' and 'ja' texts, found a list",
        ]),
        BrokenContent(name: "quoted-multiline-terminology", issues: [
            // Each on the continuation line it is written on: double-quoted, single-quoted, plain, and quoted in {…}.
            "Content/cards/extra.yaml:11:9: Japanese text uses 'temperature'; the terminology list says '温度' (temperature)",
            "Content/cards/extra.yaml:16:11: Japanese text uses 'インコンテキスト学習'; the terminology list says "
                + "'コンテキスト内学習' (in-context learning)",
            "Content/cards/extra.yaml:23:9: Japanese text uses 'temperature'; the terminology list says '温度' (temperature)",
            "Content/cards/extra.yaml:26:9: Japanese text uses 'temperature'; the terminology list says '温度' (temperature)",
        ]),
        BrokenContent(name: "item-fields", issues: [
            "Content/questions/extra.yaml:5:17: question 'q-extra': difficulty 'tough' is not one of easy, medium, hard",
            "Content/questions/extra.yaml:6:15: question 'q-extra': 'reviewed' should be the day a reviewer checked "
                + "the item, as YYYY-MM-DD; found '2026-13-01'",
            "Content/questions/extra.yaml:19:5: question 'q-extra-2': missing required key 'difficulty'",
            "Content/questions/extra.yaml:22:19: question 'q-extra-2': availability should be a mapping with 'en' and "
                + "'ja' texts, found 'Closed'",
        ]),
        BrokenContent(name: "exam-weights", issues: [
            "Content/exam.yaml:14:1: domain weights add up to 90 (d1 60 + d2 30), not 100",
        ]),
        BrokenContent(name: "presets-invalid", issues: [
            "Content/sandbox/presets.yaml:2:3: diagnoses: missing required key 'overfitting'",
            "Content/sandbox/presets.yaml:3:3: diagnoses: unknown key 'overfit'; did you mean 'overfitting'?",
            "Content/sandbox/presets.yaml:10:13: preset 'lr-too-high': expect 'exploding' is not a training state "
                + "(good, overfitting, underfitting, unstable)",
        ]),
    ]

    @Test(arguments: cases)
    func brokenContentReportsExactIssues(_ broken: BrokenContent) throws {
        let content = try ContentFixtures.broken(broken.name)
        defer { ContentFixtures.remove(content) }
        #expect(ContentLinter.lint(directory: content).map(\.description) == broken.issues)
    }

    @Test func everyBrokenFixtureHasACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: ContentFixtures.root.appendingPathComponent("broken").path)
        #expect(Set(folders) == Set(Self.cases.map(\.name)))
    }

    @Test func loadThrowsTheSameIssuesTheLinterFinds() throws {
        let content = try ContentFixtures.broken("dangling-links")
        defer { ContentFixtures.remove(content) }
        let linted = ContentLinter.lint(directory: content)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(from: content) }
        #expect(error.issues == linted)
        #expect(error.description == linted.map(\.description).joined(separator: "\n"))
        #expect(error.description.split(separator: "\n").count == 4)
    }

    @Test func issuesFromSeveralFilesComeSortedByFileLineColumn() throws {
        let content = try ContentFixtures.broken("dangling-links")
        defer { ContentFixtures.remove(content) }
        let issues = ContentLinter.lint(directory: content)
        #expect(issues == issues.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
        #expect(Set(issues.map(\.file)).count == 3)
    }

    @Test func missingDirectoryAndMissingExamAreIssues() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-\(UUID().uuidString)")
        #expect(ContentLinter.lint(directory: missing).map(\.message) == [
            "content directory \(missing.standardizedFileURL.path) does not exist",
        ])

        let content = try ContentFixtures.broken("exam-weights")
        defer { ContentFixtures.remove(content) }
        try FileManager.default.removeItem(at: content.appendingPathComponent("exam.yaml"))
        // Without a blueprint, unknown tasks are not reported: exam.yaml's own issue says what is wrong.
        #expect(ContentLinter.lint(directory: content).map(\.description) == [
            "Content/exam.yaml:1:1: exam.yaml not found; every content directory needs the exam blueprint",
        ])
    }

    @Test func issueDescriptionIsFileLineColumnMessage() {
        let issue = ContentIssue(file: "Content/questions/d1.yaml", line: 41, column: 9, message: "broken")
        #expect(issue.description == "Content/questions/d1.yaml:41:9: broken")
    }

    @Test func suggestionsCatchTyposButNotUnrelatedWords() {
        #expect(Suggestions.editDistance("anwser", "answer") == 2)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.closest(to: "explantion", in: ["explanation", "refs"]) == "explanation")
        #expect(Suggestions.closest(to: "caseStudy", in: ["casestudy"]) == "casestudy")
        #expect(Suggestions.closest(to: "overfit", in: SandboxPreset.trainingStates) == "overfitting")
        #expect(Suggestions.closest(to: "difficulty", in: ["id", "task", "type"]) == nil)
    }

    @Test func referenceURLsMustBeHTTPSOnAWSDocumentation() {
        #expect(ContentReader.referenceProblem("https://docs.aws.amazon.com/bedrock/") == nil)
        #expect(ContentReader.referenceProblem("https://aws.amazon.com/what-is/") == nil)
        #expect(ContentReader.referenceProblem("https://docs.aws.amazon.com.evil.example/") != nil)
        #expect(ContentReader.referenceProblem("ftp://docs.aws.amazon.com/x") != nil)
        #expect(ContentReader.referenceProblem("not a url") != nil)
    }

    @Test func aliasTokensAreFoundWhereANodeStartsAndNotInComments() {
        let text = "a: *x # *x\nb: [*x, *y]\nc: \"**x\"\nd:\n  - *x\n"
        let found = YAMLAliases.aliasTokens(in: text, names: ["x"])["x"] ?? []
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:4", "2:5", "5:5"])
    }

    @Test func tabsAreFoundOnlyInIndentation() {
        let lines = YAMLSyntax.tabIndentedLines("a:\n\tb: 1\nc: \"x\ty\"\n  \t- d\n\t\n")
        #expect(lines.map { "\($0.line):\($0.column)" } == ["2:1", "4:3"])
    }
}
