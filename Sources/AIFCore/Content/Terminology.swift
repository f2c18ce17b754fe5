import Foundation
import Yams

/// One entry of `terminology.yaml`: the Japanese term AWS's Japanese documentation and exam guide use,
/// and the variants a Japanese text must not use instead.
public struct Term: Sendable, Hashable, Codable {
    public var en: String
    public var ja: String
    public var avoid: [String]
    public var note: String?

    public init(en: String, ja: String, avoid: [String] = [], note: String? = nil) {
        self.en = en
        self.ja = ja
        self.avoid = avoid
        self.note = note
    }

    /// Where `text` uses an avoided variant, as offsets in characters. A variant written as a gloss right
    /// after the preferred term — `温度 (temperature)`, `温度（temperature）` — is allowed.
    func violations(in text: String) -> [(variant: String, offset: Int)] {
        violations(in: Array(text))
    }

    /// The same, over the text's characters (split once per text, not once per term).
    func violations(in characters: [Character]) -> [(variant: String, offset: Int)] {
        var found: [(String, Int)] = []
        for variant in avoid where !variant.isEmpty {
            let pattern = Array(variant)
            var start = 0
            while start + pattern.count <= characters.count {
                if characters[start..<start + pattern.count].elementsEqual(pattern) {
                    if !isGloss(characters, before: start) { found.append((variant, start)) }
                    start += pattern.count
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// A cheap first test on UTF-8 bytes: a text that holds no variant's bytes cannot hold the variant.
    func mayViolate(_ utf8: [UInt8]) -> Bool {
        avoid.contains { variant in
            let needle = Array(variant.utf8)
            guard !needle.isEmpty, needle.count <= utf8.count else { return false }
            let first = needle[0]
            var i = 0
            let last = utf8.count - needle.count
            while i <= last {
                if utf8[i] == first && utf8[i..<i + needle.count].elementsEqual(needle) { return true }
                i += 1
            }
            return false
        }
    }

    private func isGloss(_ characters: [Character], before offset: Int) -> Bool {
        var prefix = String(characters[..<offset])
        guard let open = prefix.last, open == "(" || open == "（" else { return false }
        prefix.removeLast()
        while prefix.last == " " { prefix.removeLast() }
        return prefix.hasSuffix(ja)
    }
}

extension ContentReader {
    func readTerminology(_ path: String) {
        guard let parsed = parse(path),
              let top = Fields(parsed.root, in: parsed.file, owner: { _ in "terminology file" },
                               allowed: ["terms"], required: ["terms"])
        else { return }
        var seen: [String: SourceLocation] = [:]
        for (index, node) in (top.list("terms") ?? []).enumerated() {
            guard let fields = Fields(
                node, in: parsed.file, owner: { _ in "term \(index + 1)" },
                allowed: ["en", "ja", "avoid", "note"], required: ["en", "ja"]),
                  let en = fields.string("en"), let ja = fields.string("ja")
            else { continue }
            let owner = "term '\(en)'"
            if let first = seen[en.lowercased()] {
                parsed.file.report("duplicate \(owner); first listed at \(issues.fileAndLine(first))", at: fields.location)
            } else {
                seen[en.lowercased()] = fields.location
            }
            let avoid = fields.stringList("avoid") ?? []
            for variant in avoid where variant.value == ja {
                parsed.file.report("\(owner): '\(ja)' is both the term and a variant to avoid", at: variant.node)
            }
            terms.append(Term(en: en, ja: ja, avoid: avoid.map(\.value), note: fields.string("note")))
        }
    }

    /// Reports each Japanese text that uses an avoided variant, at the variant's own line and column.
    func checkTerminology() {
        guard !terms.isEmpty else { return }
        // One search per variant over all Japanese text first: nearly every variant is absent, and per-text
        // searches (thousands of texts × every variant) dominated a debug build's content load.
        let all = japaneseTexts.entries.map(\.raw).joined(separator: "\u{0}")
        let present = Set(terms.flatMap(\.avoid).filter { !$0.isEmpty && all.range(of: $0) != nil })
        guard !present.isEmpty else { return }
        for entry in japaneseTexts.entries {
            // Split into characters only once, and only for a text that holds a variant.
            var characters: [Character]?
            for term in terms where term.avoid.contains(where: { present.contains($0) && entry.raw.range(of: $0) != nil }) {
                let chars = characters ?? Array(entry.raw)
                characters = chars
                for hit in term.violations(in: chars) {
                    let location = position(of: hit.variant, nth: occurrence(hit, in: entry.raw), in: entry)
                    issues.add(
                        "Japanese text uses '\(hit.variant)'; the terminology list says '\(term.ja)' (\(term.en))",
                        at: location)
                }
            }
        }
    }

    /// Reports Japanese text where bold markup sits between Japanese and Latin letters or digits without a
    /// space ("の**Amazon**", "**S3**に"): the bank writes a space between Japanese and Latin text, as AWS's
    /// Japanese documentation does, and the markup must not hide a missing one.
    func checkBoldSpacing() {
        func isJapanese(_ c: Character) -> Bool {
            c.unicodeScalars.first.map { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) } ?? false
        }
        func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        for entry in japaneseTexts.entries where entry.raw.contains("**") {
            let chars = Array(entry.raw)
            var seen: [String: Int] = [:]
            var i = 0
            while i + 3 < chars.count {
                defer { i += 1 }
                guard chars[i + 1] == "*", chars[i + 2] == "*" else { continue }
                let before = chars[i], after = chars[i + 3]
                guard (isJapanese(before) && isLatin(after)) || (isLatin(before) && isJapanese(after)) else { continue }
                let snippet = String(chars[i...i + 3])
                let nth = seen[snippet, default: 0]
                seen[snippet] = nth + 1
                let fix = isJapanese(before) ? "\(before) **\(after)" : "\(before)** \(after)"
                issues.add("Japanese text needs a space between '\(before)' and '\(after)' across the bold markup: write '\(fix)'",
                           at: position(of: snippet, nth: nth, in: entry))
            }
        }
    }

    /// Which occurrence of the variant (0-based) the hit is, counting from the scalar's start.
    private func occurrence(_ hit: (variant: String, offset: Int), in raw: String) -> Int {
        let prefix = String(Array(raw)[..<hit.offset])
        return prefix.components(separatedBy: hit.variant).count - 1
    }

    /// Finds the variant in the file's own lines, from where the scalar starts to the line it ends on, so that
    /// the location is right for block scalars (whose text starts on the next line, indented) and for quoted or
    /// plain values folded over several lines. Columns count Unicode scalars, as libyaml's do.
    private func position(of variant: String, nth: Int, in entry: JapaneseTexts.Entry) -> SourceLocation {
        let fallback = entry.mark
        guard let lines = japaneseTexts.sources[entry.file], entry.mark.line >= 1, entry.mark.line <= lines.count
        else { return fallback }
        let first = entry.mark.line - 1
        let last = Self.lastLine(of: entry, in: lines)
        let needle = Array(variant.unicodeScalars)
        guard !needle.isEmpty else { return fallback }
        var remaining = nth
        for index in first...last {
            let scalars = Array(lines[index].unicodeScalars)
            // The scalar starts at its mark's column on the first line (after the quote of a quoted one).
            var start = index == first ? max(0, entry.mark.column - 1) + (entry.quote == nil ? 0 : 1) : 0
            while start + needle.count <= scalars.count {
                if scalars[start..<start + needle.count].elementsEqual(needle) {
                    if remaining == 0 { return SourceLocation(file: entry.file, line: index + 1, column: start + 1) }
                    remaining -= 1
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return fallback
    }

    /// The 0-based index of the scalar's last line: a quoted scalar's closing quote; a block or plain one's last
    /// line indented deeper than the line it starts on (blank lines included), or as far as its own text reaches.
    static func lastLine(of entry: JapaneseTexts.Entry, in lines: [Substring]) -> Int {
        let first = entry.mark.line - 1
        if let quote = entry.quote {
            var i = max(0, entry.mark.column - 1) + 1  // just after the opening quote
            for index in first..<lines.count {
                let scalars = Array(lines[index].unicodeScalars)
                if index > first { i = 0 }
                while i < scalars.count {
                    let c = scalars[i]
                    if quote == "\"" && c == "\\" { i += 2; continue }
                    if c == quote {
                        // '' is an escaped quote inside a single-quoted scalar.
                        if quote == "'" && i + 1 < scalars.count && scalars[i + 1] == "'" { i += 2; continue }
                        return index
                    }
                    i += 1
                }
            }
            return lines.count - 1
        }
        func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }
        let base = indent(lines[first])
        var last = first
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { index += 1; continue }
            guard indent(line) > base else { break }
            last = index
            index += 1
        }
        // At least as many lines as the text's own line breaks (a block scalar keeps them).
        return min(lines.count - 1, max(last, first + entry.raw.count { $0 == "\n" } + (entry.isBlock ? 1 : 0)))
    }
}
