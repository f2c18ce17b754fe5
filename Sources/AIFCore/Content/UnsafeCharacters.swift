import Foundation
import TextSafety
import Yams

/// Lint for text that must never reach a terminal: control, bidi and invisible characters, whether
/// written raw or as a double-quoted escape (`"\e]52;…"`, `"\u202E"`). Each is reported at its own
/// FILE:LINE:COL (columns count Unicode scalars, as libyaml does).
enum UnsafeCharacters {
    static let advice = "remove it: text shown in a terminal must not hold control, bidirectional or invisible characters (they can rewrite the screen or reorder what is shown)"

    /// Characters written raw in the file. A carriage return before a newline (CRLF files) is fine.
    static func checkRaw(_ lines: [Substring], path: String, issues: IssueCollector) {
        var reported = 0
        for (number, line) in lines.enumerated() {
            // The common case: a line of printable text. Every unsafe scalar starts with one of these bytes
            // (C0, DEL, C2 for C1, D8 for U+061C, E1 for U+180E, E2 for U+200B…U+2069, EF for U+FEFF/U+FFF9…).
            guard line.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8
                                              || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xEF }),
                  line.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) }) else { continue }
            let scalars = Array(line.unicodeScalars)
            for (column, s) in scalars.enumerated() {
                guard let kind = TerminalText.kind(of: s) else { continue }
                if s.value == 0x0D && column == scalars.count - 1 { continue }
                issues.addLintFinding("\(kind) \(TerminalText.codePoint(s)) in the text; \(advice)",
                           at: SourceLocation(file: path, line: number + 1, column: column + 1))
                reported += 1
                if reported >= 50 { return }
            }
        }
    }

    /// Escapes in double-quoted scalars that decode to an unsafe character.
    static func checkEscapes(_ root: Node, lines: [Substring], path: String, issues: IssueCollector) {
        var seen = Set<Int>()
        func visit(_ node: Node) {
            switch node {
            case .scalar(let scalar):
                guard scalar.style == .doubleQuoted, let mark = scalar.mark,
                      scalar.string.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) }),
                      seen.insert(mark.line << 20 | mark.column).inserted else { return }
                scan(from: mark, lines: lines, path: path, issues: issues)
            case .mapping(let mapping):
                for (key, value) in mapping { visit(key); visit(value) }
            case .sequence(let sequence):
                for item in sequence { visit(item) }
            case .alias:
                return
            }
        }
        visit(root)
    }

    /// Walks a double-quoted scalar from its opening quote to the closing one.
    private static func scan(from mark: Mark, lines: [Substring], path: String, issues: IssueCollector) {
        var lineIndex = mark.line - 1
        guard lineIndex >= 0, lineIndex < lines.count else { return }
        var scalars = Array(lines[lineIndex].unicodeScalars)
        var i = mark.column  // just after the opening quote (column is 1-based)
        while true {
            if i >= scalars.count {
                lineIndex += 1
                guard lineIndex < lines.count else { return }
                scalars = Array(lines[lineIndex].unicodeScalars)
                i = 0
                continue
            }
            let c = scalars[i]
            if c == "\"" { return }
            guard c == "\\" else { i += 1; continue }
            let at = SourceLocation(file: path, line: lineIndex + 1, column: i + 1)
            guard i + 1 < scalars.count else { i += 1; continue }  // an escaped line break
            let e = scalars[i + 1]
            var decoded: UInt32?
            var length = 2
            switch e {
            case "0": decoded = 0
            case "a": decoded = 7
            case "b": decoded = 8
            case "v": decoded = 0x0B
            case "f": decoded = 0x0C
            case "r": decoded = 0x0D
            case "e": decoded = 0x1B
            case "N": decoded = 0x85
            case "L": decoded = 0x2028
            case "P": decoded = 0x2029
            case "x", "u", "U":
                let digits = e == "x" ? 2 : (e == "u" ? 4 : 8)
                let hex = String(String.UnicodeScalarView(scalars[(i + 2)..<min(scalars.count, i + 2 + digits)]))
                decoded = UInt32(hex, radix: 16)
                length = 2 + digits
            default: decoded = nil
            }
            if let v = decoded, let s = Unicode.Scalar(v), let kind = TerminalText.kind(of: s) {
                issues.addLintFinding("\(kind) \(TerminalText.codePoint(s)) written as an escape; \(advice)", at: at)
            }
            i += length
        }
    }

    /// Where a file stops being UTF-8: each bad byte sequence's line and column (up to 20).
    static func invalidUTF8(_ data: Data) -> [(line: Int, column: Int, byte: UInt8)] {
        /// Counts the bytes the decoder has taken, to name the first byte of a bad sequence.
        struct Counting: IteratorProtocol {
            var base: IndexingIterator<[UInt8]>
            var count = 0
            mutating func next() -> UInt8? {
                guard let b = base.next() else { return nil }
                count += 1
                return b
            }
        }
        let bytes = [UInt8](data)
        var result: [(line: Int, column: Int, byte: UInt8)] = []
        var line = 1, column = 1
        var decoder = UTF8()
        var input = Counting(base: bytes.makeIterator())
        loop: while true {
            let start = input.count
            switch decoder.decode(&input) {
            case .scalarValue(let s):
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                result.append((line, column, bytes[min(start, bytes.count - 1)]))
                column += 1
                if result.count >= 20 { break loop }
            }
        }
        return result
    }
}
