import Foundation
import Yams

/// The kinds of item whose ids must be unique across all files.
enum ItemKind: String {
    case deck, card, question, caseStudy = "case study", preset, domain

    var plural: String { self == .caseStudy ? "case studies" : rawValue + "s" }
}

/// A reference from one item to another, checked once every file has been read.
struct PendingLink {
    let target: ItemKind
    let id: String
    let location: SourceLocation
    /// E.g. `card 'hp-x': sandbox preset`.
    let phrase: String
}

/// Reads one content directory, collecting every issue instead of stopping at the first.
/// The per-file parsers live in extensions (`ExamParser.swift`, `DeckParser.swift`, …).
final class ContentReader {
    /// `^[a-z0-9][a-z0-9-]*$`, the spelling of every id (and tag).
    static func isValidID(_ id: String) -> Bool {
        func allowed(_ c: Character) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        guard let first = id.first, allowed(first) else { return false }
        return id.allSatisfy { allowed($0) || $0 == "-" }
    }

    let root: URL
    let issues: IssueCollector
    let settingValidator: ((String, String) -> String?)?

    var blueprint: ExamBlueprint?
    var tasksByID: [String: TaskStatement] = [:]
    var decks: [Deck] = []
    var cards: [Card] = []
    var questions: [Question] = []
    var caseStudies: [CaseStudy] = []
    var presets: [SandboxPreset] = []
    var diagnosisCards: [String: String] = [:]
    var links: [PendingLink] = []
    var caseStudyUsers: [String: [String]] = [:]
    var terms: [Term] = []
    let japaneseTexts = JapaneseTexts()
    /// A learner's own deck files (absolute paths), read after the content directory's decks.
    var userDeckFiles: [String] = []
    private var definitions: [ItemKind: [String: SourceLocation]] = [:]

    init(root: URL, settingValidator: ((String, String) -> String?)?) {
        self.root = root.standardizedFileURL
        let name = self.root.lastPathComponent
        self.issues = IssueCollector(displayPrefix: name.isEmpty || name == "/" ? "" : name + "/")
        self.settingValidator = settingValidator
    }

    /// The library, or nil when the blueprint could not be read; `issues` holds everything found.
    func read() -> ContentLibrary? {
        let files = discoverFiles()
        if let exam = files.exam { readExam(exam) }
        for file in files.decks + userDeckFiles { readDeck(file) }
        for file in files.questions { readQuestions(file) }
        if let presets = files.presets { readPresets(presets) }
        if let terminology = files.terminology { readTerminology(terminology) }
        checkLinks()
        checkTerminology()
        checkBoldSpacing()
        checkCaseStudyUsage()
        guard let blueprint else { return nil }
        return ContentLibrary(
            blueprint: blueprint, decks: decks, cards: cards, questions: questions, caseStudies: caseStudies,
            presets: presets, diagnosisCards: diagnosisCards, terms: terms)
    }

    // MARK: files

    struct Files {
        var exam: String?
        var decks: [String] = []
        var questions: [String] = []
        var presets: String?
        var terminology: String?
    }

    private func discoverFiles() -> Files {
        var files = Files()
        let manager = FileManager.default
        func entries(_ folder: String) -> [String] {
            let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
            let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted()
        }
        func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }
        func at(_ path: String) -> SourceLocation { SourceLocation(file: path, line: 1, column: 1) }
        let layout = "content lives in exam.yaml, terminology.yaml, cards/*.yaml, questions/*.yaml and "
            + "sandbox/presets.yaml"

        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            issues.add("content directory \(root.path) does not exist", at: at("exam.yaml"))
            return files
        }
        for name in entries("") where isYAML(name) {
            switch name {
            case "exam.yaml": files.exam = name
            case "terminology.yaml": files.terminology = name
            default: issues.add("unexpected file; \(layout)", at: at(name))
            }
        }
        if files.exam == nil {
            issues.add("exam.yaml not found; every content directory needs the exam blueprint", at: at("exam.yaml"))
        }
        for folder in ["cards", "questions"] {
            for name in entries(folder) where isYAML(name) {
                let path = folder + "/" + name
                if name.hasSuffix(".yml") {
                    issues.add("files must end in .yaml (this one is not read); rename it", at: at(path))
                } else if folder == "cards" {
                    files.decks.append(path)
                } else {
                    files.questions.append(path)
                }
            }
        }
        for name in entries("sandbox") where isYAML(name) {
            let path = "sandbox/" + name
            if name == "presets.yaml" { files.presets = path } else { issues.add("unexpected file; \(layout)", at: at(path)) }
        }
        return files
    }

    // MARK: parsing

    /// The document's root node; YAML errors become issues.
    func parse(_ path: String) -> YAMLFile.Parsed? {
        let file = YAMLFile(path: path, issues: issues, japanese: japaneseTexts)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            issues.add("cannot read this file", at: start)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let spots = UnsafeCharacters.invalidUTF8(data)
            if spots.isEmpty { issues.add("file is not valid UTF-8", at: start) }
            for spot in spots {
                let hex = String(spot.byte, radix: 16, uppercase: true)
                issues.add("file is not valid UTF-8 here (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8",
                           at: SourceLocation(file: path, line: spot.line, column: spot.column))
            }
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        japaneseTexts.sources[path] = lines
        UnsafeCharacters.checkRaw(lines, path: path, issues: issues)
        do {
            let parser = try Parser(yaml: text)
            guard let node = try parser.singleRoot() else {
                issues.add("file is empty", at: start)
                return nil
            }
            UnsafeCharacters.checkEscapes(node, lines: lines, path: path, issues: issues)
            // Issues found through an alias are reported where the alias is written, not at its anchor.
            let aliases = YAMLAliases.relocate(node, text: text, parser: parser)
            var located = file
            located.aliasUses = aliases.useMarks
            return YAMLFile.Parsed(file: located, root: aliases.root)
        } catch {
            YAMLSyntax.report(error, text: text, in: file)
            return nil
        }
    }

    // MARK: ids and links

    /// Checks an id's spelling and uniqueness within its kind; returns the id when it is usable.
    @discardableResult
    func register(_ kind: ItemKind, _ fields: Fields) -> String? {
        guard let node = fields.value("id"), let id = fields.string("id") else { return nil }
        let location = fields.file.location(node)
        guard Self.isValidID(id) else {
            issues.add(
                "\(kind.rawValue) id '\(id)' is not valid; ids use lowercase letters a-z, digits and '-', "
                    + "and start with a letter or digit", at: location)
            return id
        }
        if let first = definitions[kind]?[id] {
            issues.add(
                "duplicate \(kind.rawValue) id '\(id)'; first defined at \(issues.fileAndLine(first))", at: location)
        } else {
            definitions[kind, default: [:]][id] = location
        }
        return id
    }

    /// The task's domain, or nil (after reporting) when `exam.yaml` has no such task.
    func domainID(forTaskIn fields: Fields) -> (task: String, domain: String)? {
        guard let node = fields.value("task"), let task = fields.string("task") else { return nil }
        // Without a readable blueprint every task would look unknown; exam.yaml's own issues say why.
        guard blueprint != nil else { return (task, "") }
        guard let statement = tasksByID[task] else {
            // No "did you mean": every task id is one edit away from several others.
            let known = blueprint?.tasks.map(\.id) ?? []
            fields.file.report(
                "\(fields.owner): task '\(task)' is not in exam.yaml (tasks: \(known.joined(separator: ", ")))",
                at: node)
            return nil
        }
        return (task, statement.domainID)
    }

    func link(_ target: ItemKind, id: String, at node: Node, in file: YAMLFile, phrase: String) {
        links.append(PendingLink(target: target, id: id, location: file.location(node), phrase: phrase))
    }

    private func checkLinks() {
        for link in links where definitions[link.target]?[link.id] == nil {
            let hint = Suggestions.hint(for: link.id, in: definitions[link.target]?.keys.sorted() ?? [])
            issues.add("\(link.phrase) '\(link.id)' does not exist\(hint)", at: link.location)
        }
    }

    /// Counts every question that names a case study, even one with issues of its own, so that a broken
    /// question is not also reported as a missing user of its case study.
    private func checkCaseStudyUsage() {
        for caseStudy in caseStudies {
            let ids = caseStudyUsers[caseStudy.id] ?? []
            guard ids.count < 2 else { continue }
            let usage = ids.isEmpty ? "is not used by any question" : "is used by only 1 question (\(ids[0]))"
            issues.add(
                "case study '\(caseStudy.id)' \(usage); a case study needs at least 2 questions",
                at: caseStudy.location)
        }
    }
}

extension YAMLFile {
    struct Parsed {
        let file: YAMLFile
        let root: Node
    }
}
