import Yams

/// Collects issues while content is read. Locations are relative to the content directory; issues
/// get `displayPrefix` (the content directory's own name and a slash) in front.
final class IssueCollector {
    let displayPrefix: String
    private(set) var issues: [ContentIssue] = []
    /// Findings only `content lint` reports (control, bidi and invisible characters): the app shows such
    /// text sanitised, so they must not stop a learner's own content from loading.
    private(set) var lintFindings: [ContentIssue] = []

    init(displayPrefix: String) { self.displayPrefix = displayPrefix }

    private var seen = Set<ContentIssue>()

    /// The same issue once (an alias used twice on one line, or a check that meets a value twice).
    func add(_ message: String, at location: SourceLocation) {
        let issue = ContentIssue(file: display(location.file), line: location.line, column: location.column, message: message)
        if seen.insert(issue).inserted { issues.append(issue) }
    }

    func addLintFinding(_ message: String, at location: SourceLocation) {
        lintFindings.append(ContentIssue(
            file: display(location.file), line: location.line, column: location.column, message: message))
    }

    /// A file's name as an author sees it: relative ones get the prefix, a learner's own deck (absolute) does not.
    func display(_ file: String) -> String { file.hasPrefix("/") ? file : displayPrefix + file }

    /// `Content/questions/d1.yaml:12`, for messages that point at a second place.
    func fileAndLine(_ location: SourceLocation) -> String { "\(display(location.file)):\(location.line)" }
}

/// Every Japanese text read, with where its scalar starts, for checks that need the whole library
/// (the terminology list) and exact positions.
final class JapaneseTexts {
    struct Entry {
        let file: String
        let raw: String
        /// Where the scalar's value begins (for a block scalar, the `|` line; for a quoted one, its quote).
        let mark: SourceLocation
        let isBlock: Bool
        /// `"` or `'` for a quoted scalar, whose text may continue over several lines up to its closing quote.
        var quote: Unicode.Scalar? = nil
    }

    private(set) var entries: [Entry] = []
    /// Each file's lines, to turn an offset in a scalar into a line and column.
    var sources: [String: [Substring]] = [:]

    func add(_ entry: Entry) { entries.append(entry) }
}

/// One parsed YAML file: reports issues at node positions.
struct YAMLFile {
    /// Relative to the content directory.
    let path: String
    let issues: IssueCollector
    var japanese: JapaneseTexts? = nil
    /// Where aliases are used (`YAMLAliases`): a node marked there is a copy of its anchor's, not text written
    /// there, so position-based checks (terminology) read it at the anchor instead.
    var aliasUses: Set<Int> = []

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func isAliasUse(_ node: Node) -> Bool {
        guard !aliasUses.isEmpty, let mark = node.mark else { return false }
        return aliasUses.contains(YAMLAliases.key(line: mark.line, column: mark.column))
    }

    func report(_ message: String, at node: Node) { issues.add(message, at: location(node)) }
    func report(_ message: String, at location: SourceLocation) { issues.add(message, at: location) }

    /// "a list", "a mapping", "'abc'" or "nothing", for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            return "'\(scalar.string)'"
        }
    }

    /// A key written with no value (`explanation:`), or an explicit `~`/`null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A scalar's text; reports and returns nil for anything else.
    func scalar(_ node: Node, owner: String, field: String) -> String? {
        if case .scalar(let scalar) = node, !Self.isNull(node) { return scalar.string }
        report("\(owner): \(field) should be a single value, found \(Self.describe(node))", at: node)
        return nil
    }

    /// A mapping with `en` and `ja`, both non-empty after trimming.
    func localizedText(_ node: Node, owner: String, field: String) -> LocalizedText? {
        guard case .mapping(let mapping) = node else {
            report(
                "\(owner): \(field) should be a mapping with 'en' and 'ja' texts, found \(Self.describe(node))",
                at: node)
            return nil
        }
        var texts: [Language: String] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard let language = Language(rawValue: name) else {
                let hint = Suggestions.hint(for: name, in: Language.allCases.map(\.rawValue))
                // `{en: Tiny, noisy batches}` splits at the comma into a second, valueless key.
                // (Yams does not keep a mapping's flow style, so judge by the missing value.)
                let commaHint = hint.isEmpty && Self.isNull(value)
                    ? "; a comma inside {…} starts a new entry, so quote text that contains commas" : ""
                report(
                    "\(owner): \(field) has unknown key '\(name)'\(hint) (a text has only 'en' and 'ja')\(commaHint)",
                    at: key)
                continue
            }
            guard case .scalar(let scalar) = value else {
                report("\(owner): \(field) '\(name)' should be text, found \(Self.describe(value))", at: value)
                texts[language] = ""
                continue
            }
            let text = Self.isNull(value) ? "" : scalar.string
            if language == .ja, let japanese, !isAliasUse(value) {
                let isBlock = scalar.style == .literal || scalar.style == .folded
                let quote: Unicode.Scalar? = scalar.style == .doubleQuoted ? "\"" : scalar.style == .singleQuoted ? "'" : nil
                japanese.add(.init(file: path, raw: text, mark: location(value), isBlock: isBlock, quote: quote))
            }
            if text.trimmingWhitespace.isEmpty {
                report("\(owner): \(field) '\(name)' text is empty", at: key)
            }
            texts[language] = text
        }
        for language in Language.allCases where texts[language] == nil {
            report(
                "\(owner): \(field) has no '\(language.rawValue)' text; every text needs both 'en' and 'ja'",
                at: node)
        }
        return LocalizedText(en: ContentText.reflow(texts[.en] ?? ""), ja: ContentText.reflow(texts[.ja] ?? ""))
    }
}

/// The keys of one mapping, checked against the allowed and required keys of its schema.
struct Fields {
    let file: YAMLFile
    let node: Node
    /// Names the item in messages, e.g. `question 'd1-007'`.
    let owner: String
    private let pairs: [(key: Node, value: Node)]

    /// Returns nil (after reporting) when `node` is not a mapping. `owner` gets the item's `id` when it has one.
    init?(
        _ node: Node, in file: YAMLFile, owner: (String?) -> String, allowed: [String], required: [String]
    ) {
        guard case .mapping(let mapping) = node else {
            file.report("\(owner(nil)) should be a mapping, found \(YAMLFile.describe(node))", at: node)
            return nil
        }
        self.file = file
        self.node = node
        self.pairs = mapping.map { ($0.key, $0.value) }
        let id = pairs.first { $0.key.scalar?.string == "id" }?.value.scalar?.string
        self.owner = owner(id.flatMap { $0.isEmpty ? nil : $0 })

        for (key, _) in pairs {
            let name = key.scalar?.string ?? YAMLFile.describe(key)
            guard !allowed.contains(name) else { continue }
            if let suggestion = Suggestions.closest(to: name, in: allowed) {
                file.report("\(self.owner): unknown key '\(name)'; did you mean '\(suggestion)'?", at: key)
            } else {
                file.report(
                    "\(self.owner): unknown key '\(name)'; allowed keys: \(allowed.joined(separator: ", "))", at: key)
            }
        }
        for key in required where !pairs.contains(where: { $0.key.scalar?.string == key }) {
            file.report("\(self.owner): missing required key '\(key)'", at: node)
        }
    }

    var location: SourceLocation { file.location(node) }

    func value(_ key: String) -> Node? { pairs.first { $0.key.scalar?.string == key }?.value }
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key.scalar?.string == key }?.key }

    /// Where `key` is written, or the mapping itself when it is absent.
    func location(of key: String) -> SourceLocation { file.location(keyNode(key) ?? node) }

    func string(_ key: String) -> String? {
        value(key).flatMap { file.scalar($0, owner: owner, field: "'\(key)'") }
    }

    func int(_ key: String) -> Int? {
        guard let value = value(key), let text = file.scalar(value, owner: owner, field: "'\(key)'") else { return nil }
        guard let number = Int(text) else {
            file.report("\(owner): '\(key)' should be a whole number, found '\(text)'", at: value)
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key), let text = file.scalar(value, owner: owner, field: "'\(key)'") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            file.report("\(owner): '\(key)' should be true or false, found '\(text)'", at: value)
            return nil
        }
    }

    func text(_ key: String) -> LocalizedText? {
        value(key).flatMap { file.localizedText($0, owner: owner, field: key) }
    }

    /// The list under `key`; nil when absent, empty for a key with no value.
    func list(_ key: String) -> [Node]? {
        guard let value = value(key) else { return nil }
        if case .sequence(let sequence) = value { return Array(sequence) }
        if YAMLFile.isNull(value) { return [] }
        file.report("\(owner): '\(key)' should be a list, found \(YAMLFile.describe(value))", at: value)
        return nil
    }

    /// A list of single values, e.g. `tags: [a, b]`.
    func stringList(_ key: String) -> [(value: String, node: Node)]? {
        list(key)?.compactMap { element in
            file.scalar(element, owner: owner, field: "each entry of '\(key)'").map { ($0, element) }
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
