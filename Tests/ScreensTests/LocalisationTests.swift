import Foundation
import Testing

/// Issue 12: Japanese UI strings read as Japanese. Scans every `t("English", "日本語")` pair in the sources
/// and the Japanese content text, so a new string cannot bring the defects back.
@Suite("Localisation")
struct LocalisationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ dir: String, ext: String) -> [URL] {
        let base = root.appendingPathComponent(dir)
        let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { $0.pathExtension == ext }
    }

    static func isJapanese(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3040...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v)
    }

    /// The Japanese half of every `t("…", "…")` call in the app's sources.
    static func japaneseStrings() throws -> [(file: String, text: String)] {
        let pattern = try NSRegularExpression(pattern: #"t\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)"#)
        var out: [(String, String)] = []
        for dir in ["Sources/Screens", "Sources/aifprep", "Sources/AIFCore/Quiz"] {
            for url in files(dir, ext: "swift") {
                let s = try String(contentsOf: url, encoding: .utf8)
                for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                    if let r = Range(m.range(at: 1), in: s) { out.append((url.lastPathComponent, String(s[r]))) }
                }
            }
        }
        return out
    }

    @Test func japaneseUIStringsAreJapanese() throws {
        let strings = try Self.japaneseStrings()
        #expect(strings.count > 200, "the scan finds the strings")
        for (file, text) in strings {
            let chars = Array(text)
            // A question mark after Japanese text is punctuation: full width. (`?` the key stays half-width.)
            for i in chars.indices.dropFirst() where chars[i] == "?" && Self.isJapanese(chars[i - 1]) {
                Issue.record("\(file): half-width ? in \"\(text)\"")
            }
            // 印 alone is unclear for the review flag; フラグ / 見直し say what it is.
            if text.replacingOccurrences(of: "矢印", with: "").contains("印") { Issue.record("\(file): 印 in \"\(text)\"") }
            // Screen names in Japanese text are the Japanese titles.
            for english in ["Quiz ", "Flashcards", "Settings "] where text.contains(english) {
                Issue.record("\(file): English screen name in \"\(text)\"")
            }
            if text.contains("つ選択中") { Issue.record("\(file): awkward count in \"\(text)\"") }
        }
    }

    /// Bold markup hides a missing space: "契約書を**1 回**" renders as "契約書を1 回".
    @Test func japaneseContentKeepsASpaceBetweenJapaneseAndLatinAcrossBold() throws {
        let pattern = try NSRegularExpression(pattern: #"[\u3040-\u30FF\u4E00-\u9FFF]\*\*[0-9A-Za-z]|[0-9A-Za-z]\*\*[\u3040-\u30FF\u4E00-\u9FFF]"#)
        for url in Self.files("Content", ext: "yaml") {
            let s = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                let r = Range(m.range, in: s)!
                Issue.record("\(url.lastPathComponent): no space at \"\(s[r])\"")
            }
        }
    }
}
